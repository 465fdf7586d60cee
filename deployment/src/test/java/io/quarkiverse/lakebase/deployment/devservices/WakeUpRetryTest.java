package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.ConnectionListener;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;

/**
 * A database that is down while a connection is opened and comes back seconds later (scale-to-zero wake, restart):
 * the connection succeeds once it is back; a refused login is never retried as if it were a wake-up.
 */
class WakeUpRetryTest {

    private static final String PASSWORD = "wake-up-password";

    private static LocalLakebase lakebase;
    private static TcpProxy proxy;

    private final List<String> retriedStates = new CopyOnWriteArrayList<>();
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void connectRetried(String sqlState, Duration delay) {
            retriedStates.add(sqlState);
        }
    };
    private final LoginRecovery recovery = new LoginRecovery() {
        @Override
        public Optional<String> passwordAfterRejection(String rejectedPassword) {
            return Optional.empty();
        }

        @Override
        public Duration wakeUpTimeout() {
            return Duration.ofSeconds(20);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        lakebase = TestLakebase.start(Duration.ofHours(1));
        lakebase.postgres().setPassword(PASSWORD, Instant.now().plus(Duration.ofHours(1)));
        proxy = new TcpProxy(lakebase.postgresPort());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        lakebase.close();
    }

    @BeforeEach
    void listen() {
        proxy.up();
        ConnectionEvents.register(listener);
        ConnectionEvents.addRecovery(recovery);
    }

    @AfterEach
    void stopListening() {
        ConnectionEvents.unregister(listener);
        ConnectionEvents.removeRecovery(recovery);
    }

    @Test
    void aConnectionOpenedWhileTheDatabaseIsDownSucceedsWhenItReturns() throws Exception {
        proxy.down();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            // the database comes back while the connection is being opened
            later.schedule(proxy::up, 2, TimeUnit.SECONDS);

            try (Connection connection = connect(PASSWORD);
                    ResultSet row = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(row.next()).isTrue();
            }
        } finally {
            later.shutdownNow();
        }
        assertThat(retriedStates).isNotEmpty().allSatisfy(state -> assertThat(state).isIn("08001", "08006", "57P03"));
    }

    @Test
    void aRefusedLoginIsNotRetriedAsAWakeUp() {
        assertThatThrownBy(() -> connect("not-the-password")).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThat(retriedStates).isEmpty();
    }

    private static Connection connect(String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", lakebase.postgres().role());
        properties.setProperty("password", password);
        return new LakebaseDriver().connect("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + TestLakebase.DATABASE,
                properties);
    }
}
