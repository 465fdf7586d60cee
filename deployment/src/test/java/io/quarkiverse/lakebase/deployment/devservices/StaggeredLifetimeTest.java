package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Ten connections opened together, then kept busy by ten clients: each is retired at its own moment between the max
 * lifetime less the jitter and the max lifetime, as PostgreSQL sees it (its backend ends), and no query fails.
 * <p>
 * Lifetimes are measured from each backend's own start ({@code pg_stat_activity.backend_start}), not from when the test
 * asked for the connections: Agroal opens connections one at a time on its housekeeping thread, so the tenth starts
 * (and reaches its max lifetime) a few hundred milliseconds after the first.
 */
@ExtendWith(LocalLakebaseExtension.class)
class StaggeredLifetimeTest {

    private static final Duration MAX_LIFETIME = Duration.ofSeconds(6);
    private static final Duration JITTER = Duration.ofSeconds(3);
    /** Time for a connection past its lifetime to be returned, closed by the pool, and its backend to end. */
    private static final Duration MARGIN = Duration.ofMillis(1500);
    private static final int CONNECTIONS = 10;
    private static final long POLL_INTERVAL_MILLIS = 20;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.lakebase.endpoint", "${lakebase.test.endpoint}")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.port", "${lakebase.test.port}")
            .overrideConfigKey("quarkus.lakebase.database", "${lakebase.test.database}")
            .overrideConfigKey("quarkus.lakebase.ssl-mode", "disable")
            .overrideConfigKey("quarkus.lakebase.databricks.host", "${lakebase.test.workspace-url}")
            .overrideConfigKey("quarkus.lakebase.databricks.client-id", "${lakebase.test.client-id}")
            .overrideConfigKey("quarkus.lakebase.databricks.client-secret", "${lakebase.test.client-secret}")
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", String.valueOf(CONNECTIONS))
            .overrideConfigKey("quarkus.datasource.jdbc.max-lifetime", MAX_LIFETIME.toSeconds() + "S")
            .overrideConfigKey("quarkus.lakebase.pool.max-lifetime-jitter", JITTER.toSeconds() + "S");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LakebaseLogins credentials;

    @Test
    void connectionsOpenedTogetherAreRetiredApartAndNeverInUse() throws Exception {
        long opened = System.nanoTime();
        Set<Integer> originals = openTogether();
        assertThat(originals).hasSize(CONNECTIONS);

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger queries = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        Backends backends = new Backends(originals);
        try (Connection observer = observer()) {
            backends.poll(observer);
            assertThat(backends.started).as("all opened backends seen alive").containsOnlyKeys(originals);
            for (int i = 0; i < CONNECTIONS; i++) {
                clients.execute(() -> useThePool(stop, queries, failures));
            }
            // samples the server's view every few milliseconds to record each backend's life (a timeline, not a wait
            // for a condition); generous bound for the loop only: each connection's own age is asserted below
            long deadline = opened + MAX_LIFETIME.plus(MARGIN).multipliedBy(2).toNanos();
            while (backends.ended.size() < originals.size() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS);
                backends.poll(observer);
            }
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        String timeline = backends.describe();
        assertThat(failures).as("queries failed: %s", failures).isEmpty();
        assertThat(queries.get()).as("the pool was in use all along").isGreaterThan(100);
        assertThat(backends.ended).as("every original connection retired; " + timeline).containsOnlyKeys(originals);
        List<Long> ages = backends.agesMillis();
        assertThat(ages).as("each retired within its max lifetime (+ time to be returned and closed); " + timeline)
                .allSatisfy(age -> assertThat(age).isLessThanOrEqualTo(MAX_LIFETIME.plus(MARGIN).toMillis()));
        assertThat(ages).as("none retired before the shortest lifetime; " + timeline)
                .allSatisfy(age -> assertThat(age).isGreaterThanOrEqualTo(MAX_LIFETIME.minus(JITTER).toMillis()));
        assertThat(ages.get(ages.size() - 1) - ages.get(0)).as("lifetimes spread over the jitter; " + timeline)
                .isGreaterThan(JITTER.dividedBy(3).toMillis());
        List<Long> ends = backends.ended.values().stream().sorted().toList();
        assertThat(ends.get(ends.size() - 1) - ends.get(0)).as("not all retired at once; " + timeline)
                .isGreaterThan(JITTER.dividedBy(3).toMillis());
    }

    /** Holds {@value #CONNECTIONS} connections at once, as a warm-up or a burst does; their backend pids. */
    private Set<Integer> openTogether() throws SQLException {
        List<Connection> held = new ArrayList<>();
        Set<Integer> pids = new HashSet<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                pids.add(backendPid(connection));
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }

    /** One client: borrows a connection, runs two queries on it, returns it, pauses a little; records any failure. */
    private void useThePool(AtomicBoolean stop, AtomicInteger queries, Queue<String> failures) {
        while (!stop.get()) {
            try (Connection connection = dataSource.getConnection()) {
                int pid = backendPid(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_sleep(0.005)");
                }
                assertThat(backendPid(connection)).isEqualTo(pid);
                queries.incrementAndGet();
            } catch (SQLException | RuntimeException | AssertionError e) {
                failures.add(e.toString());
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A plain connection outside the pool, with the application's role and current token. */
    private Connection observer() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("lakebase.test.client-id"));
        login.setProperty("password", credentials.login().currentPassword());
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + System.getProperty("lakebase.test.port")
                + "/" + System.getProperty("lakebase.test.database"), login);
    }

    /** The original backends as PostgreSQL reports them, by its own clock (epoch milliseconds). */
    private static final class Backends {

        private final Set<Integer> pids;
        private final Map<Integer, Long> started = new TreeMap<>();
        private final Map<Integer, Long> ended = new TreeMap<>();

        Backends(Set<Integer> pids) {
            this.pids = pids;
        }

        /** One look at pg_stat_activity: a backend no longer listed has ended by the time of the look. */
        void poll(Connection observer) throws SQLException {
            Array candidates = observer.createArrayOf("int4", pids.toArray());
            long now = 0;
            Set<Integer> alive = new HashSet<>();
            try (PreparedStatement query = observer.prepareStatement("SELECT"
                    + " (extract(epoch FROM clock_timestamp()) * 1000)::bigint, activity.pid,"
                    + " (extract(epoch FROM activity.backend_start) * 1000)::bigint"
                    + " FROM (SELECT 1) AS one LEFT JOIN pg_stat_activity AS activity ON activity.pid = ANY(?)")) {
                query.setArray(1, candidates);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        now = rows.getLong(1);
                        int pid = rows.getInt(2);
                        if (!rows.wasNull()) {
                            alive.add(pid);
                            started.putIfAbsent(pid, rows.getLong(3));
                        }
                    }
                }
            }
            for (Integer pid : pids) {
                if (!alive.contains(pid)) {
                    ended.putIfAbsent(pid, now);
                }
            }
        }

        /** How long each ended backend lived, shortest first. */
        List<Long> agesMillis() {
            return ended.entrySet().stream().map(end -> end.getValue() - started.get(end.getKey())).sorted().toList();
        }

        String describe() {
            long first = started.values().stream().mapToLong(Long::longValue).min().orElse(0);
            return "backends (started, ended) in ms after the first started: " + pids.stream()
                    .map(pid -> "(" + (started.getOrDefault(pid, first) - first) + ", "
                            + (ended.containsKey(pid) ? String.valueOf(ended.get(pid) - first) : "alive") + ")")
                    .sorted().toList();
        }
    }
}
