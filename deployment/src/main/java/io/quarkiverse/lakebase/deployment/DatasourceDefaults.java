package io.quarkiverse.lakebase.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.lakebase.runtime.LakebaseCredentialsProvider;
import io.quarkiverse.lakebase.runtime.LakebaseDatasourceNames;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;

/**
 * How a datasource is derived from {@code quarkus.lakebase.*} (the default one) or {@code quarkus.lakebase."name".*}
 * (a named one). These are defaults of the lowest priority: any datasource property the user sets wins.
 */
final class DatasourceDefaults {

    private static final String APPLICATION_NAME = "${quarkus.application.name:quarkus-lakebase}";

    private DatasourceDefaults() {
    }

    static Map<String, String> forDatasource(String name) {
        PropertyNames properties = PropertyNames.of(name);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(properties.datasourceProperty("jdbc.url"), "jdbc:" + postgresqlUrl(properties));
        // passed as driver properties rather than URL parameters, so no value needs URL encoding
        defaults.put(properties.datasourceProperty("jdbc.additional-jdbc-properties.sslmode"),
                lakebase(properties, "ssl-mode", LakebaseDefaults.SSL_MODE));
        defaults.put(properties.datasourceProperty("jdbc.additional-jdbc-properties.ApplicationName"),
                lakebase(properties, "application-name", APPLICATION_NAME));
        defaults.put(properties.datasourceProperty("credentials-provider"),
                LakebaseDatasourceNames.credentialsProviderKey(name));
        defaults.put(properties.datasourceProperty("credentials-provider-name"), LakebaseCredentialsProvider.NAME);
        // pool sizing as Databricks AppKit's Lakebase plugin; connections recycled well before Lakebase's limits
        defaults.put(properties.datasourceProperty("jdbc.max-size"), "10");
        // long enough for a token (token.acquire-timeout, 10 s) and a database waking from scale-to-zero
        // (wake-up-timeout, 15 s) on the same new connection
        defaults.put(properties.datasourceProperty("jdbc.acquisition-timeout"), "30S");
        defaults.put(properties.datasourceProperty("jdbc.idle-removal-interval"), "30S");
        defaults.put(properties.datasourceProperty("jdbc.max-lifetime"), "45M");
        return defaults;
    }

    /**
     * The reactive PostgreSQL client of the same datasource, when the application has it: the same endpoint, and the
     * same credentials provider, which Quarkus asks on each new reactive connection.
     */
    static Map<String, String> forReactiveClient(String name) {
        PropertyNames properties = PropertyNames.of(name);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(properties.datasourceProperty("reactive.url"), postgresqlUrl(properties));
        defaults.put(properties.datasourceProperty("reactive.postgresql.ssl-mode"),
                lakebase(properties, "ssl-mode", LakebaseDefaults.SSL_MODE));
        defaults.put(properties.datasourceProperty("reactive.additional-properties.application_name"),
                lakebase(properties, "application-name", APPLICATION_NAME));
        return defaults;
    }

    /** {@code postgresql://host:port/database}, from the datasource's Lakebase properties. */
    private static String postgresqlUrl(PropertyNames properties) {
        return LakebaseDefaults.postgresqlUrl(lakebase(properties, "host", ""),
                lakebase(properties, "port", LakebaseDefaults.PORT), lakebase(properties, "database", ""));
    }

    /**
     * An expression for a Lakebase property of the datasource; {@code NamedDatasourceSpellingInterceptor} finds the
     * value however the user quoted the datasource name.
     */
    private static String lakebase(PropertyNames properties, String property, String defaultValue) {
        return "${" + properties.name(property) + ":" + defaultValue + "}";
    }
}
