package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

/**
 * {@code quarkus.lakebase.statement-timeout} holds for the reactive client as for JDBC, and for the connections made on
 * behalf of signed-in users: PostgreSQL cancels a longer statement on each (SQLState 57014).
 */
@QuarkusTest
@TestProfile(SessionLimitsTest.OneSecondStatements.class)
class SessionLimitsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    Pool reactive;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Lakebase lakebase;

    @Test
    void theReactiveClientHasTheLimit() {
        String limit = reactive.query("SHOW statement_timeout").execute().await().atMost(DEADLINE).iterator().next()
                .getString(0);
        assertThat(limit).isEqualTo("1s");
        assertThatThrownBy(() -> reactive.query("SELECT pg_sleep(3)").execute().await().atMost(DEADLINE))
                .isInstanceOfSatisfying(PgException.class,
                        cancelled -> assertThat(cancelled.getSqlState()).isEqualTo("57014"));
    }

    @Test
    void theJdbcPoolHasTheLimit() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(3)")).isInstanceOfSatisfying(SQLException.class,
                    cancelled -> assertThat(cancelled.getSQLState()).isEqualTo("57014"));
            try (ResultSet row = statement.executeQuery("SHOW statement_timeout")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("1s");
            }
        }
    }

    @Test
    void theConnectionsOfSignedInUsersHaveTheLimit() throws SQLException {
        LakebaseUser alice = lakebase.asUser(WorkspaceEmulatorClient.userToken("alice@example.com"));

        assertThat(alice.query("SHOW statement_timeout").rows()).singleElement()
                .satisfies(row -> assertThat(row.get("statement_timeout", String.class)).isEqualTo("1s"));
        assertThatThrownBy(() -> alice.query("SELECT pg_sleep(3)")).isInstanceOfSatisfying(SQLException.class,
                cancelled -> assertThat(cancelled.getSQLState()).isEqualTo("57014"));
    }

    public static class OneSecondStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lakebase.statement-timeout", "1S");
        }
    }
}
