package io.quarkiverse.lakebase.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A named Lakebase datasource, {@code reports}, configured with {@code quarkus.lakebase."reports".*} only: it logs in to
 * the local Lakebase of the default datasource as the same service principal. The local Lakebase keeps one password per
 * role, so the two datasources share one token (as datasources on the same endpoint and identity do on Databricks): a
 * token of their own would replace each other's password. Tests of a named datasource with a token of its own run
 * against a second local Lakebase in the deployment module.
 */
public class ReportsDatasource implements QuarkusTestProfile {

    static final String NAME = "reports";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String property : new String[] { "endpoint", "host", "port", "database", "ssl-mode",
                "databricks.host", "databricks.auth-type", "databricks.client-id", "databricks.client-secret" }) {
            overrides.put("quarkus.lakebase.\"reports\"." + property, "${quarkus.lakebase." + property + "}");
        }
        return overrides;
    }
}
