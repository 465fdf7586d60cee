package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** TLS is set up ahead only for a workspace reached over HTTPS: the local Lakebase's plain-HTTP emulator costs none. */
class TlsWarmUpTest {

    @Test
    void beginsForAnHttpsWorkspaceConfiguredOrFromTheEnvironment() {
        assertThat(TlsWarmUp.beginFor(List.of(Optional.of("https://w.cloud.databricks.com")),
                Map.<String, String> of()::get)).isTrue();
        assertThat(TlsWarmUp.beginFor(List.of(Optional.empty()),
                Map.of("DATABRICKS_HOST", "HTTPS://w.cloud.databricks.com")::get)).isTrue();
        assertThat(TlsWarmUp.beginFor(List.of(Optional.of("http://127.0.0.1:8080"), Optional.empty()),
                Map.of("DATABRICKS_HOST", "https://other.cloud.databricks.com")::get)).isTrue();
    }

    @Test
    void doesNotBeginForPlainHttpOrNoHost() {
        assertThat(TlsWarmUp.beginFor(List.of(Optional.of("http://127.0.0.1:8080")),
                Map.of("DATABRICKS_HOST", "https://w.cloud.databricks.com")::get)).isFalse();
        assertThat(TlsWarmUp.beginFor(List.of(Optional.empty()), Map.<String, String> of()::get)).isFalse();
    }
}
