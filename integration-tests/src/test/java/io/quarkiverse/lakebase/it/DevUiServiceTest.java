package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the Dev UI card shows and does for the default datasource: the login's details, the token's life and the pool's
 * counts, never the token; "refresh token now" mints a new one; "flush pool" closes idle connections. A named
 * datasource's section is tested in {@link NamedDatasourceTest}, and with a token of its own in the deployment module's
 * {@code NamedDatasourceApiTest}.
 * <p>
 * The Dev UI's backend is the extension's own, not public API: the test calls it as the card does.
 */
@QuarkusTest
class DevUiServiceTest {

    @Inject
    LakebaseLogins credentials;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsTheLoginRefreshesTheTokenAndFlushesThePool() throws Exception {
        LakebaseJsonRpcService service = new LakebaseJsonRpcService(credentials);
        String token = credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10)).secret();

        List<Map<String, Object>> before = service.getStatus();
        assertThat(before).hasSize(1);
        assertThat(before.get(0)).containsEntry("datasource", "<default>").containsEntry("healthy", true)
                .containsKeys("endpoint", "host", "database", "user", "tokenExpiresAt", "tokenSecondsLeft",
                        "lastRefreshAt", "refreshCount", "poolActive", "poolIdle", "poolWaiting");
        assertThat(before.toString()).doesNotContain(token);

        Map<String, Object> after = service.refreshTokenNow("<default>").get(0);
        assertThat((Long) after.get("refreshCount")).isEqualTo((Long) before.get(0).get("refreshCount") + 1);
        assertThat(credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10)).secret()).isNotEqualTo(token);

        dataSource.getConnection().close();
        assertThat(dataSource.getMetrics().availableCount()).as("an idle connection").isPositive();
        assertThat((Long) service.getStatus().get(0).get("poolIdle")).isPositive();
        service.flushPool("<default>");
        // Agroal flushes on its housekeeping thread
        await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.getMetrics().availableCount() == 0);
    }
}
