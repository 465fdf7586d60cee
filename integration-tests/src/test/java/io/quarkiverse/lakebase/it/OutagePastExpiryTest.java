package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A workspace outage that outlasts the three-second token: new connections, JDBC and reactive, fail with why within
 * the acquire time-out,
 * open connections keep working, and service resumes by itself when the workspace answers again.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class OutagePastExpiryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    LakebaseCredentials credentials;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pool reactive;

    @Test
    void newConnectionsFailWithTheReasonOpenOnesWorkAndServiceResumes() throws Exception {
        try (Connection open = dataSource.getConnection()) {
            WorkspaceEmulatorClient.fail(503, -1);
            try {
                awaitUntil(() -> !credentials.status().healthy());
                SQLException refused = awaitRefusal();
                assertThat(refused.getMessage()).contains("Lakebase database token", "HTTP 503");

                try (ResultSet row = open.createStatement().executeQuery("SELECT 1")) {
                    assertThat(row.next()).as("an open connection outlives its token").isTrue();
                }
                assertThat(awaitReactiveRefusal()).as("a new reactive connection refused with the reason")
                        .hasMessageContaining("Lakebase database token").hasMessageContaining("HTTP 503");
            } finally {
                WorkspaceEmulatorClient.recover();
            }
        }
        awaitUntil(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(1);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private SQLException awaitRefusal() throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            dataSource.flush(AgroalDataSource.FlushMode.IDLE);
            try (Connection fresh = dataSource.getConnection()) {
                assertThat(System.nanoTime()).as("a new connection refused").isLessThan(deadline);
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(100);
        }
    }

    /** Reactive connections live one second: once the idle ones are gone, a query needs a new login. */
    private Throwable awaitReactiveRefusal() throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            try {
                reactive.query("SELECT 1").execute().await().atMost(DEADLINE);
                assertThat(System.nanoTime()).as("a new reactive connection refused").isLessThan(deadline);
            } catch (RuntimeException e) {
                return e;
            }
            Thread.sleep(100);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
