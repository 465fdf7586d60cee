package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Faults injected into the workspace emulator while requests keep arriving: what the application's users and operators
 * see.
 * <p>
 * Reads the token cache itself, not only the public API: the backoff it schedules (the next attempt, the
 * {@code Retry-After} it kept) is what these faults are about, and no API shows it.
 */
@QuarkusTest
@TestProfile(SlowRotation.class)
class WorkspaceFaultsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    LakebaseLogins credentials;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void recover() {
        WorkspaceEmulatorClient.recover();
    }

    @Test
    void theValidTokenIsServedThroughOutagesAndNoRequestFailsOnRecovery() {
        TokenCache cache = cache();
        for (String fault : List.of("{\"status\":503,\"times\":-1}", "{\"delayMillis\":3000,\"disconnect\":true,\"times\":-1}",
                "{\"disconnect\":true,\"times\":-1}")) {
            long refreshesBefore = cache.state().refreshCount();
            int callsBefore = credentialRequests();
            WorkspaceEmulatorClient.inject(fault);
            assertThat(failedRefresh(cache)).as(fault).isNotNull();

            // retries continue with backoff while every request succeeds with the still-valid token
            serveRequestsUntil(() -> credentialRequests() >= callsBefore + 3);
            WorkspaceEmulatorClient.recover();
            serveRequestsUntil(() -> cache.state().refreshCount() > refreshesBefore && cache.state().lastFailure() == null);
        }
    }

    @Test
    void aThrottledRefreshWaitsWhatTheWorkspaceAskedFor() {
        TokenCache cache = cache();
        WorkspaceEmulatorClient.inject("{\"status\":429,\"times\":1,\"retryAfterSeconds\":\"3\"}");
        Instant before = Instant.now();

        assertThat(failedRefresh(cache)).hasMessageContaining("HTTP 429")
                .hasMessageContaining("3 s the workspace asked for");

        TokenRefreshException failure = cache.state().lastFailure();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(cache.state().nextAttemptAt()).isAfterOrEqualTo(before.plusSeconds(3));
    }

    @Test
    void malformedAnswersAreFailedRefreshesThatSayWhatWasMissing() {
        TokenCache cache = cache();
        String token = cache.token(Duration.ofSeconds(10)).secret();
        assertMalformed(cache, "{\"token\":\"abc\"}", "without an expire_time");
        assertMalformed(cache, "{\"expire_time\":\"2099-01-01T00:00:00Z\"}", "without a token");
        assertMalformed(cache, "{\"token\":\"abc\",\"expire_time\":\"yesterday\"}", "failed");
        assertThat(cache.token(Duration.ofSeconds(10)).secret()).isEqualTo(token);
    }

    @Test
    void wrongCredentialsAreReportedOnceAMinuteNotInALoop() {
        TokenCache cache = cache();
        WorkspaceEmulatorClient.inject("{\"status\":401,\"times\":-1,\"body\":{\"error_code\":\"UNAUTHENTICATED\","
                + "\"message\":\"Invalid access token\"}}");
        assertThat(failedRefresh(cache)).hasMessageContaining("HTTP 401")
                .hasMessageContaining("DATABRICKS_CLIENT_SECRET");
        int callsAfterFailure = credentialRequests();
        Instant until = Instant.now().plusSeconds(3);

        serveRequestsUntil(() -> Instant.now().isAfter(until));

        assertThat(credentialRequests()).isEqualTo(callsAfterFailure);
        assertThat(cache.state().nextAttemptAt()).isAfter(Instant.now().plusSeconds(50));
    }

    @Test
    void aTokenReplacedBehindThePoolsBackIsMintedAgainOnTheNextLogin() {
        int callsBefore = credentialRequests();
        WorkspaceEmulatorClient.mintBehindTheApplicationsBack();
        dataSource.flush(AgroalDataSource.FlushMode.ALL);

        // a refused login of another test may have minted within the last two seconds: then this one waits its turn
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get("/orders/backend").then().statusCode(200));

        assertThat(credentialRequests()).isEqualTo(callsBefore + 2);
    }

    @Test
    void aRoleThatDoesNotExistCannotMakeThePoolHammerTheWorkspace() {
        String token = cache().token(Duration.ofSeconds(10)).secret();
        int callsBefore = credentialRequests();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login("no-such-role", token)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
        assertThat(credentialRequests()).isLessThanOrEqualTo(callsBefore + 1);
        given().when().get("/orders/backend").then().statusCode(200);
    }

    private static void assertMalformed(TokenCache cache, String body, String message) {
        WorkspaceEmulatorClient.inject("{\"status\":200,\"times\":1,\"body\":" + body + "}");
        assertThat(failedRefresh(cache)).hasMessageContaining(message);
    }

    /**
     * Mints now and returns why it failed. A background refresh that got past the workspace before the fault was
     * injected may be in flight and succeed: the next mint then meets the fault.
     */
    private static Throwable failedRefresh(TokenCache cache) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                cache.refreshNow().toCompletableFuture().join();
            } catch (CompletionException e) {
                return e;
            }
        }
        return null;
    }

    /** Requests keep succeeding while the condition is awaited. */
    private void serveRequestsUntil(BooleanSupplier condition) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
            given().when().get("/orders/backend").then().statusCode(200);
            return condition.getAsBoolean();
        });
    }

    private TokenCache cache() {
        return credentials.tokenCache().orElseThrow();
    }

    private static int credentialRequests() {
        return WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
    }

    private static void login(String user, String password) throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        new LakebaseDriver().connect("jdbc:postgresql://127.0.0.1:" + config.getValue("quarkus.lakebase.port",
                String.class) + "/" + config.getValue("quarkus.lakebase.database", String.class), properties).close();
    }
}
