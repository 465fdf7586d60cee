package io.quarkiverse.lakebase.runtime.config;

import java.util.Map;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;

/**
 * Connections to Databricks Lakebase PostgreSQL endpoints.
 */
@ConfigMapping(prefix = "quarkus.lakebase")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface LakebaseRuntimeConfig {

    /**
     * The Lakebase endpoint of each datasource. {@code quarkus.lakebase.*} configures the default datasource;
     * {@code quarkus.lakebase."name".*} binds the named datasource {@code quarkus.datasource."name"} to an endpoint
     * of its own.
     */
    @ConfigDocMapKey("datasource-name")
    @ConfigDocSection
    @WithParentName
    @WithDefaults
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    Map<String, LakebaseDatasourceConfig> datasources();

    /** The settings of one datasource, by its Quarkus name. */
    default LakebaseDatasourceConfig datasource(String name) {
        return datasources().get(name);
    }
}
