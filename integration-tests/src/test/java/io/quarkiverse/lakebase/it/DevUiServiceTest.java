package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the Dev UI card shows and does: the login's details and the token's life, never the token; "refresh token now"
 * mints a new one; "flush pool" closes idle connections.
 * <p>
 * The Dev UI's backend is the extension's own, not public API: the test calls it as the card does.
 */
@QuarkusTest
class DevUiServiceTest {

    @Inject
    LakebaseLogins credentials;

    @Inject
    Instance<AgroalDataSource> dataSource;

    @Test
    void showsTheLoginRefreshesTheTokenAndFlushesThePool() throws Exception {
        LakebaseJsonRpcService service = new LakebaseJsonRpcService(credentials, dataSource);
        String token = credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10)).secret();

        Map<String, Object> before = service.getStatus();
        assertThat(before).containsEntry("healthy", true).containsKeys("endpoint", "host", "database", "user",
                "tokenExpiresAt", "tokenSecondsLeft", "lastRefreshAt", "refreshCount");
        assertThat(before.toString()).doesNotContain(token);

        Map<String, Object> after = service.refreshTokenNow();
        assertThat((Long) after.get("refreshCount")).isEqualTo((Long) before.get("refreshCount") + 1);
        assertThat(credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10)).secret()).isNotEqualTo(token);

        dataSource.get().getConnection().close();
        assertThat(dataSource.get().getMetrics().availableCount()).as("an idle connection").isPositive();
        service.flushPool();
        // Agroal flushes on its housekeeping thread
        await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.get().getMetrics().availableCount() == 0);
    }
}
