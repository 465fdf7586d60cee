package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.Lakebase;
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
    Lakebase lakebase;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pool reactive;

    @Test
    void newConnectionsFailWithTheReasonOpenOnesWorkAndServiceResumes() throws SQLException {
        try (Connection open = dataSource.getConnection()) {
            WorkspaceEmulatorClient.fail(503, -1);
            try {
                awaitUntil(() -> !lakebase.status().healthy());
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

    /** A new physical connection is refused: the idle ones are flushed before each try. */
    private SQLException awaitRefusal() {
        return await("a new connection refused").atMost(DEADLINE).until(() -> {
            dataSource.flush(AgroalDataSource.FlushMode.IDLE);
            try (Connection fresh = dataSource.getConnection()) {
                return null;
            } catch (SQLException e) {
                return e;
            }
        }, refusal -> refusal != null);
    }

    /** Reactive connections live one second: once the idle ones are gone, a query needs a new login. */
    private Throwable awaitReactiveRefusal() {
        return await("a new reactive connection refused").atMost(DEADLINE).until(() -> {
            try {
                reactive.query("SELECT 1").execute().await().atMost(DEADLINE);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, refusal -> refusal != null);
    }

    private static void awaitUntil(Callable<Boolean> condition) {
        await().atMost(DEADLINE).until(condition);
    }
}
