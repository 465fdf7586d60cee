package io.quarkiverse.lakebase.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.lakebase.runtime.LakebaseCredentialsProvider;
import io.quarkiverse.lakebase.runtime.LakebaseDatasourceNames;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * How a datasource is derived from {@code quarkus.lakebase.*} (the default one) or {@code quarkus.lakebase."name".*}
 * (a named one). These are defaults of the lowest priority: any datasource property the user sets wins.
 */
final class DatasourceDefaults {

    private DatasourceDefaults() {
    }

    static Map<String, String> forDatasource(String name) {
        String datasource = datasourcePrefix(name);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(datasource + "jdbc.url", "jdbc:" + postgresqlUrl(name));
        // passed as driver properties rather than URL parameters, so no value needs URL encoding
        defaults.put(datasource + "jdbc.additional-jdbc-properties.sslmode", lakebase(name, "ssl-mode", "require"));
        defaults.put(datasource + "jdbc.additional-jdbc-properties.ApplicationName",
                lakebase(name, "application-name", "${quarkus.application.name:quarkus-lakebase}"));
        defaults.put(datasource + "credentials-provider", LakebaseDatasourceNames.credentialsProviderKey(name));
        defaults.put(datasource + "credentials-provider-name", LakebaseCredentialsProvider.NAME);
        // pool sizing as the reference plugin; connections recycled well before Lakebase's limits
        defaults.put(datasource + "jdbc.max-size", "10");
        // long enough for a token (token.acquire-timeout, 10 s) and a database waking from scale-to-zero
        // (wake-up-timeout, 15 s) on the same new connection
        defaults.put(datasource + "jdbc.acquisition-timeout", "30S");
        defaults.put(datasource + "jdbc.idle-removal-interval", "30S");
        defaults.put(datasource + "jdbc.max-lifetime", "45M");
        return defaults;
    }

    /**
     * The reactive PostgreSQL client of the same datasource, when the application has it: the same endpoint, and the
     * same credentials provider, which Quarkus asks on each new reactive connection.
     */
    static Map<String, String> forReactiveClient(String name) {
        String datasource = datasourcePrefix(name);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(datasource + "reactive.url", postgresqlUrl(name));
        defaults.put(datasource + "reactive.postgresql.ssl-mode", lakebase(name, "ssl-mode", "require"));
        defaults.put(datasource + "reactive.additional-properties.application_name",
                lakebase(name, "application-name", "${quarkus.application.name:quarkus-lakebase}"));
        return defaults;
    }

    private static String datasourcePrefix(String name) {
        return DataSourceUtil.isDefault(name) ? "quarkus.datasource." : "quarkus.datasource.\"" + name + "\".";
    }

    /** {@code postgresql://host:port/database}, from the datasource's Lakebase properties. */
    private static String postgresqlUrl(String name) {
        return "postgresql://" + lakebase(name, "host", "") + ":" + lakebase(name, "port", "5432") + "/"
                + lakebase(name, "database", "");
    }

    /**
     * An expression for a Lakebase property of the datasource; {@code NamedDatasourceSpelling} finds the value however
     * the user quoted the datasource name.
     */
    private static String lakebase(String datasource, String property, String defaultValue) {
        String prefix = DataSourceUtil.isDefault(datasource) ? "quarkus.lakebase." : "quarkus.lakebase.\"" + datasource + "\".";
        return "${" + prefix + property + ":" + defaultValue + "}";
    }
}
