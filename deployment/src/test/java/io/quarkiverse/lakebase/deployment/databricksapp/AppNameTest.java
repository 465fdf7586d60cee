package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AppNameTest {

    @Test
    void isMadeFromTheApplicationNameWithinTheRulesOfAppNames() {
        assertThat(AppName.of(Optional.empty(), "Orders_Service")).isEqualTo("orders-service");
        assertThat(AppName.of(Optional.empty(), "quarkus-lakebase-integration-tests"))
                .isEqualTo("quarkus-lakebase-integration-t");
        assertThat(AppName.of(Optional.empty(), "--my.app 2--")).isEqualTo("my-app-2");
    }

    @Test
    void aConfiguredNameIsKeptWhenValid() {
        assertThat(AppName.of(Optional.of("orders"), "whatever")).isEqualTo("orders");
    }

    @Test
    void anInvalidConfiguredNameNamesThePropertyAndTheRules() {
        assertThatThrownBy(() -> AppName.of(Optional.of("Orders"), "orders"))
                .hasMessageContaining("quarkus.lakebase.databricks-app.name 'Orders'")
                .hasMessageContaining("2 to 30 lowercase letters, digits and hyphens");
    }

    @Test
    void anApplicationNameWithoutLettersOrDigitsAsksForTheProperty() {
        assertThatThrownBy(() -> AppName.of(Optional.empty(), "__"))
                .hasMessageContaining("set quarkus.lakebase.databricks-app.name");
    }
}
