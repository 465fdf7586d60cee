package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A database that takes 12 seconds to wake from scale-to-zero, with every timeout at its default: the first request
 * waits for it and succeeds, instead of giving up with the pool's "acquisition timeout".
 */
@ExtendWith({ LocalLakebaseExtension.class, DatabaseWakingUpWithinDefaultsTest.AsleepAtEachTest.class })
class DatabaseWakingUpWithinDefaultsTest {

    private static final Duration ASLEEP = Duration.ofSeconds(12);

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .overrideConfigKey("quarkus.lakebase.port", "${lakebase.test.proxy-port}");

    @Inject
    DataSource dataSource;

    @Test
    void theFirstRequestWaitsForTheDatabaseAndSucceeds() throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(row.next()).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the database")
                .isGreaterThanOrEqualTo(ASLEEP.minusSeconds(1));
    }

    /** A proxy in front of the local PostgreSQL that is down for the first twelve seconds of each test. */
    public static final class AsleepAtEachTest implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

        private TcpProxy proxy;
        private ScheduledExecutorService wakeUp;

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            proxy = new TcpProxy(Integer.getInteger("lakebase.test.port"));
            wakeUp = Executors.newSingleThreadScheduledExecutor();
            System.setProperty("lakebase.test.proxy-port", String.valueOf(proxy.port()));
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            proxy.down();
            wakeUp.schedule(proxy::up, ASLEEP.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            System.clearProperty("lakebase.test.proxy-port");
            wakeUp.shutdownNow();
            proxy.close();
        }
    }
}
