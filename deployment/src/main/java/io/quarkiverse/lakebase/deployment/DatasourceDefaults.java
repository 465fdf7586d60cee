package io.quarkiverse.lakebase.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.lakebase.runtime.LakebaseCredentialsProvider;

/**
 * How the default datasource is derived from {@code quarkus.lakebase.*}. These are defaults of the lowest priority:
 * any datasource property the user sets wins.
 */
final class DatasourceDefaults {

    static final String PREFIX = "quarkus.datasource.";

    private DatasourceDefaults() {
    }

    static Map<String, String> forDefaultDatasource() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(PREFIX + "jdbc.url", "jdbc:postgresql://${quarkus.lakebase.host:}:${quarkus.lakebase.port:5432}/"
                + "${quarkus.lakebase.database:}");
        // passed as driver properties rather than URL parameters, so no value needs URL encoding
        defaults.put(PREFIX + "jdbc.additional-jdbc-properties.sslmode", "${quarkus.lakebase.ssl-mode:require}");
        defaults.put(PREFIX + "jdbc.additional-jdbc-properties.ApplicationName",
                "${quarkus.lakebase.application-name:${quarkus.application.name:quarkus-lakebase}}");
        defaults.put(PREFIX + "credentials-provider", LakebaseCredentialsProvider.NAME);
        defaults.put(PREFIX + "credentials-provider-name", LakebaseCredentialsProvider.NAME);
        // pool sizing as the reference plugin; connections recycled well before Lakebase's limits
        defaults.put(PREFIX + "jdbc.max-size", "10");
        defaults.put(PREFIX + "jdbc.acquisition-timeout", "10S");
        defaults.put(PREFIX + "jdbc.idle-removal-interval", "30S");
        defaults.put(PREFIX + "jdbc.max-lifetime", "45M");
        return defaults;
    }
}
