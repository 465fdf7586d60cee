package io.quarkiverse.lakebase.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LakebaseDatasourceNamesTest {

    @Test
    void namedDatasourcesAreFoundQuotedOrNot() {
        assertThat(LakebaseDatasourceNames.namedIn(List.of(
                "quarkus.lakebase.reports.endpoint",
                "quarkus.lakebase.\"audit.eu\".host",
                "quarkus.lakebase.\"audit.eu\".token.ttl",
                "quarkus.lakebase.archive.databricks.client-id")))
                .containsExactly("reports", "audit.eu", "archive");
    }

    @Test
    void groupsOfTheDefaultDatasourceAreNotDatasources() {
        assertThat(LakebaseDatasourceNames.namedIn(List.of(
                "quarkus.lakebase.host",
                "quarkus.lakebase.token.ttl",
                "quarkus.lakebase.databricks.host",
                "quarkus.lakebase.devservices.port",
                "quarkus.lakebase.devservices.database",
                "quarkus.lakebase.health.enabled",
                "quarkus.datasource.reports.jdbc.url"))).isEmpty();
    }

    @Test
    void aQuotedNameIsADatasourceEvenWhenItSpellsAGroup() {
        assertThat(LakebaseDatasourceNames.namedIn(List.of("quarkus.lakebase.\"databricks\".host")))
                .containsExactly("databricks");
    }

    @Test
    void eachDatasourceHasItsOwnCredentialsProviderKey() {
        assertThat(LakebaseDatasourceNames.datasourceOf(LakebaseDatasourceNames.credentialsProviderKey("<default>")))
                .isEqualTo("<default>");
        assertThat(LakebaseDatasourceNames.datasourceOf(LakebaseDatasourceNames.credentialsProviderKey("reports")))
                .isEqualTo("reports");
    }
}
