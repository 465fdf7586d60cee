package io.quarkiverse.lakebase.runtime.config;

import java.util.Map;

import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The property names of one Lakebase datasource, so that every message names exactly what the user has to set.
 */
public final class PropertyNames {

    /** The prefix of every Lakebase property. */
    public static final String ROOT = "quarkus.lakebase.";

    private final String datasource;
    private final String prefix;

    private PropertyNames(String datasource, String prefix) {
        this.datasource = datasource;
        this.prefix = prefix;
    }

    public static PropertyNames of(String datasource) {
        return DataSourceUtil.isDefault(datasource) ? new PropertyNames(datasource, ROOT)
                : new PropertyNames(datasource, ROOT + "\"" + datasource + "\".");
    }

    public String datasource() {
        return datasource;
    }

    public boolean isDefault() {
        return DataSourceUtil.isDefault(datasource);
    }

    /** The full name of a property, {@code quarkus.lakebase.host} or {@code quarkus.lakebase."name".host}. */
    public String name(String property) {
        return prefix + property;
    }

    /** The full name of a property of the Quarkus datasource, {@code quarkus.datasource."name".jdbc.max-lifetime}. */
    public String datasourceProperty(String property) {
        return DataSourceUtil.dataSourcePropertyKey(datasource, property);
    }

    /**
     * What to set: the property, and the Databricks Apps environment variable when the default datasource reads one.
     */
    public String hint(String property) {
        String variable = isDefault() ? environmentVariable(property) : null;
        return name(property) + (variable == null ? "" : " or the " + variable + " environment variable");
    }

    private static String environmentVariable(String property) {
        Map<String, String> fallbacks = DatabricksAppsEnvironmentInterceptor.FALLBACKS;
        return fallbacks.get(ROOT + property);
    }

    @Override
    public String toString() {
        return isDefault() ? "default datasource" : "datasource '" + datasource + "'";
    }
}
