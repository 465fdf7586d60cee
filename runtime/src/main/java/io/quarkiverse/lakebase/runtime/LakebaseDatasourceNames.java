package io.quarkiverse.lakebase.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.lakebase.runtime.config.NamedDatasourceKey;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The datasources the extension serves: the default one, and each named one configured with
 * {@code quarkus.lakebase."name".*}. Found at build time, because Quarkus datasources are.
 *
 * @param names the datasource names, the default one first
 */
public record LakebaseDatasourceNames(List<String> names) {

    /** The value of {@code quarkus.datasource.credentials-provider} for the default datasource. */
    static final String DEFAULT_PROVIDER_KEY = LakebaseCredentialsProvider.NAME;
    private static final String NAMED_PROVIDER_PREFIX = LakebaseCredentialsProvider.NAME + ":";

    public LakebaseDatasourceNames {
        names = List.copyOf(names);
    }

    /** The named datasources that the given configuration property names configure. */
    public static Set<String> namedIn(Iterable<String> propertyNames) {
        Set<String> named = new LinkedHashSet<>();
        for (String property : propertyNames) {
            NamedDatasourceKey.parse(property).map(NamedDatasourceKey::datasource).ifPresent(named::add);
        }
        named.remove(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        return named;
    }

    /** The value of {@code quarkus.datasource."name".credentials-provider} that makes the provider serve {@code name}. */
    public static String credentialsProviderKey(String datasource) {
        return DataSourceUtil.isDefault(datasource) ? DEFAULT_PROVIDER_KEY : NAMED_PROVIDER_PREFIX + datasource;
    }

    /**
     * Whether a datasource is not switched off with {@code quarkus.datasource."name".active=false}: one environment may
     * lack a datasource another has, and it must then ask the workspace for nothing.
     */
    public static boolean isActive(String datasource) {
        return ConfigProvider.getConfig()
                .getOptionalValue(DataSourceUtil.dataSourcePropertyKey(datasource, "active"), Boolean.class)
                .orElse(true);
    }

    /** The datasource a {@code credentials-provider} value stands for. */
    static String datasourceOf(String credentialsProviderKey) {
        return credentialsProviderKey != null && credentialsProviderKey.startsWith(NAMED_PROVIDER_PREFIX)
                ? credentialsProviderKey.substring(NAMED_PROVIDER_PREFIX.length())
                : DataSourceUtil.DEFAULT_DATASOURCE_NAME;
    }
}
