package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkiverse.lakebase.LakebaseStatus;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The {@code Lakebase} bean and the Dev UI card of a named datasource, {@code reports}, that logs in to a local
 * Lakebase of its own with a token of its own: each acts on that datasource alone, and never on the default one.
 */
@ExtendWith({ LocalLakebaseExtension.class, SecondLocalLakebase.class })
class NamedDatasourceApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.application(),
            "quarkus.lakebase.\"reports\".", "lakebase.second");

    @Inject
    Lakebase lakebase;

    @Inject
    @DataSource("reports")
    Lakebase reports;

    @Inject
    AgroalDataSource defaultPool;

    @Inject
    @DataSource("reports")
    AgroalDataSource reportsPool;

    @Inject
    LakebaseLogins credentials;

    @Test
    void theQualifiedBeanQueriesAndDescribesItsOwnDatasource() throws Exception {
        assertThat(reports.datasource()).isEqualTo("reports");
        assertThat(reports.query("SELECT current_user AS role, inet_server_port() AS port").rows().get(0))
                .satisfies(row -> {
                    assertThat(row.get("role", String.class)).isEqualTo(System.getProperty("lakebase.second.client-id"));
                    assertThat(row.get("port", Integer.class)).isEqualTo(Integer.getInteger("lakebase.second.port"));
                });
        assertThat(lakebase.query("SELECT inet_server_port() AS port").rows().get(0).get("port", Integer.class))
                .isEqualTo(Integer.getInteger("lakebase.test.port"));

        LakebaseConnectionConfig connection = reports.connectionConfig();
        assertThat(connection.host()).isEqualTo("127.0.0.1");
        assertThat(connection.port()).isEqualTo(Integer.getInteger("lakebase.second.port"));
        assertThat(connection.database()).isEqualTo(System.getProperty("lakebase.second.database"));
        assertThat(connection.username()).isEqualTo(System.getProperty("lakebase.second.client-id"));
        assertThat(connection.jdbcUrl()).contains(":" + Integer.getInteger("lakebase.second.port") + "/");
        assertThat(lakebase.connectionConfig().port()).isEqualTo(Integer.getInteger("lakebase.test.port"));

        assertThat(reports.status().healthy()).isTrue();
        assertThat(reports.status().details()).containsEntry("port", Integer.getInteger("lakebase.second.port"));
    }

    @Test
    void refreshingTheNamedDatasourceMintsItsTokenOnly() throws Exception {
        LakebaseStatus reportsBefore = reports.status();
        LakebaseStatus defaultBefore = lakebase.status();
        String reportsPassword = reports.connectionConfig().password().get();
        String defaultPassword = lakebase.connectionConfig().password().get();

        LakebaseStatus reportsAfter = reports.refreshToken().toCompletableFuture().get();

        assertThat(reportsAfter.refreshCount()).isEqualTo(reportsBefore.refreshCount() + 1);
        assertThat(reports.connectionConfig().password().get()).isNotEqualTo(reportsPassword);
        assertThat(lakebase.status().refreshCount()).isEqualTo(defaultBefore.refreshCount());
        assertThat(lakebase.connectionConfig().password().get()).isEqualTo(defaultPassword);
        assertThat(reports.query("SELECT 1 AS one").rows()).hasSize(1);
    }

    @Test
    void theDevUiCardRefreshesAndFlushesOneDatasourceAtATime() throws Exception {
        // the Dev UI's backend is a bean in dev mode only: the test builds it as Quarkus would
        LakebaseJsonRpcService devUi = new LakebaseJsonRpcService(credentials);
        Map<String, Object> defaultBefore = section(devUi.getStatus(), "<default>");
        Map<String, Object> reportsBefore = section(devUi.getStatus(), "reports");
        assertThat(reportsBefore).containsEntry("healthy", true)
                .containsEntry("port", Integer.getInteger("lakebase.second.port"))
                .containsKeys("tokenExpiresAt", "refreshCount", "poolActive", "poolIdle", "poolWaiting");

        List<Map<String, Object>> refreshed = devUi.refreshTokenNow("reports");
        assertThat((Long) section(refreshed, "reports").get("refreshCount"))
                .isEqualTo((Long) reportsBefore.get("refreshCount") + 1);
        assertThat(section(refreshed, "reports").get("tokenExpiresAt"))
                .isNotEqualTo(reportsBefore.get("tokenExpiresAt"));
        assertThat(section(refreshed, "<default>")).containsEntry("refreshCount", defaultBefore.get("refreshCount"))
                .containsEntry("tokenExpiresAt", defaultBefore.get("tokenExpiresAt"));
        assertThat(refreshed.toString()).doesNotContain(reports.connectionConfig().password().get(),
                lakebase.connectionConfig().password().get(), System.getProperty("lakebase.second.client-secret"),
                System.getProperty("lakebase.test.client-secret"));

        defaultPool.getConnection().close();
        reportsPool.getConnection().close();
        devUi.flushPool("reports");
        // Agroal flushes on its housekeeping thread
        await().atMost(WAIT).until(() -> reportsPool.getMetrics().availableCount() == 0);
        assertThat(defaultPool.getMetrics().availableCount()).as("the default pool's idle connection").isPositive();

        devUi.flushPool("<default>");
        await().atMost(WAIT).until(() -> defaultPool.getMetrics().availableCount() == 0);
    }

    private static Map<String, Object> section(List<Map<String, Object>> card, String datasource) {
        return card.stream().filter(view -> datasource.equals(view.get("datasource"))).findFirst().orElseThrow();
    }
}
