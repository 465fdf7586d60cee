package io.quarkiverse.lakebase.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keys configure a named datasource, read from the configuration interfaces rather than from a list. */
class NamedDatasourceKeyTest {

    @Test
    void quotedAndUnquotedNamesOfANamedDatasource() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"reports\".host"))
                .hasValue(new NamedDatasourceKey("reports", true, "host"));
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.token.ttl"))
                .hasValue(new NamedDatasourceKey("reports", false, "token.ttl"));
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.pool.max-lifetime-jitter")).isPresent();
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.wake-up-timeout")).isPresent();
    }

    @Test
    void theDefaultDatasourcesGroupsAndTheBuildTimeSettingsAreNoDatasources() {
        for (String key : new String[] { "quarkus.lakebase.token.ttl", "quarkus.lakebase.databricks.host",
                "quarkus.lakebase.pool.max-lifetime-jitter", "quarkus.lakebase.devservices.enabled",
                "quarkus.lakebase.health.enabled", "quarkus.lakebase.databricks-app.name", "quarkus.lakebase.host" }) {
            assertThat(NamedDatasourceKey.parse(key)).as(key).isEmpty();
        }
    }

    @Test
    void aQuotedNameMayBeAGroupsName() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"token\".host"))
                .hasValue(new NamedDatasourceKey("token", true, "host"));
    }

    @Test
    void whatNoDatasourceHasIsNoDatasourceProperty() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.colour")).isEmpty();
        assertThat(NamedDatasourceKey.parse("quarkus.datasource.reports.host")).isEmpty();
    }

    @Test
    void eachSpellingFindsTheOther() {
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"reports\".host").orElseThrow().otherSpelling())
                .hasValue("quarkus.lakebase.reports.host");
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.reports.host").orElseThrow().otherSpelling())
                .hasValue("quarkus.lakebase.\"reports\".host");
        assertThat(NamedDatasourceKey.parse("quarkus.lakebase.\"eu.reports\".host").orElseThrow().otherSpelling())
                .as("a dotted name has no unquoted spelling").isEmpty();
    }
}
