package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Twenty signed-in users at once, with pools for five only, so that users' pools are closed and made again under load:
 * every request logs in as its own user, none fails, and a user costs a mint per token lifetime, not per pool. Also: a
 * user whose access token changes gets tokens minted with the new one, and no user's access token is ever logged.
 */
@QuarkusTest
@TestProfile(ManySignedInUsersTest.TwentyUsers.class)
class ManySignedInUsersTest {

    @Inject
    Lakebase lakebase;

    private static final int USERS = 20;
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3);
    private static final Path LOG = Path.of("target/many-signed-in-users.log");
    /** A user of the workspace whose role the test drops. */
    private static final String WITHOUT_ROLE = "lost@example.com";

    @Test
    void everyRequestLogsInAsItsUserWhilePoolsComeAndGo() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : users()) {
            tokens.put(user, WorkspaceEmulatorClient.userToken(user));
        }
        Map<String, Integer> mintsBefore = tokens.keySet().stream()
                .collect(Collectors.toMap(user -> user, WorkspaceEmulatorClient::mintsFor));
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < 6; client++) {
                running.add(clients.submit(() -> {
                    for (int request = 0; request < 50; request++) {
                        String user = users().get(ThreadLocalRandom.current().nextInt(USERS));
                        var answer = given().header("X-Forwarded-Access-Token", tokens.get(user))
                                .when().get("/notes/me").then().extract();
                        if (answer.statusCode() != 200 || !user.equals(answer.asString())) {
                            wrong.add(user + " -> " + answer.statusCode() + " " + answer.asString());
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(wrong).as("requests answered as another user, or failed").isEmpty();
        // a token is refreshed at the earliest half-way through its life (a third before expiry, less jitter); one more
        // for the first, and one for a login refused while the emulator rotated the role's password
        long lifetimes = took.toMillis() / (TOKEN_LIFETIME.toMillis() / 2) + 2;
        for (String user : tokens.keySet()) {
            assertThat(WorkspaceEmulatorClient.mintsFor(user) - mintsBefore.get(user)).as("mints for " + user)
                    .isLessThanOrEqualTo((int) lifetimes);
        }
        assertLogHoldsNone(tokens.values());
    }

    @Test
    void aNewAccessTokenOfTheUserMintsTheUsersNextTokens() {
        String user = users().get(0);
        String first = WorkspaceEmulatorClient.userToken(user);
        assertThat(me(first)).isEqualTo(user);

        String second = WorkspaceEmulatorClient.userToken(user);
        assertThat(me(second)).isEqualTo(user);
        WorkspaceEmulatorClient.revoke(first);
        int mints = WorkspaceEmulatorClient.mintsFor(user);

        // refreshes after the revocation succeed only with the second token
        await().atMost(Duration.ofSeconds(20)).until(() -> WorkspaceEmulatorClient.mintsFor(user) >= mints + 2);
        assertThat(me(second)).isEqualTo(user);
        assertLogHoldsNone(List.of(first, second));
    }

    @Test
    void aPoolClosedForOtherUsersLetsItsTransactionInFlightFinish() throws Exception {
        String first = users().get(1);
        try (Connection held = lakebase.asUser(WorkspaceEmulatorClient.userToken(first)).dataSource().getConnection()) {
            held.setAutoCommit(false);
            held.createStatement().execute("INSERT INTO app.notes (body) VALUES ('written across an eviction')");

            // five other users: the pools of the first user is the least recently used, and is closed
            for (String other : users().subList(2, 8)) {
                assertThat(lakebase.asUser(WorkspaceEmulatorClient.userToken(other)).query("SELECT current_user")
                        .rows().get(0).get("current_user", String.class)).isEqualTo(other);
            }

            held.commit();
            try (ResultSet row = held.createStatement().executeQuery("SELECT current_user")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(first);
            }
        }
        // the closed pool's last connection is gone once it was returned
        await().atMost(Duration.ofSeconds(10)).until(() -> backendsOf(first) == 0);
    }

    private static int backendsOf(String role) throws SQLException {
        try (Connection superuser = superuser();
                ResultSet count = superuser.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + role + "'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + ConfigProvider.getConfig().getValue("quarkus.lakebase.port", String.class) + "/postgres", "postgres", "");
    }

    @Test
    void aUserWithoutARoleIsToldHowToCreateIt() throws Exception {
        String user = WITHOUT_ROLE;
        String token = WorkspaceEmulatorClient.userToken(user);
        try (Connection superuser = superuser()) {
            superuser.createStatement().execute("DROP ROLE \"" + user + "\"");
        }

        assertThatThrownBy(() -> lakebase.asUser(token).query("SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getMessage()).contains("refused the login of role '" + user + "'")
                        .contains("databricks_create_role('" + user + "', 'USER')"));
    }

    private static String me(String accessToken) {
        return given().header("X-Forwarded-Access-Token", accessToken).when().get("/notes/me").then().statusCode(200)
                .extract().asString();
    }

    private static void assertLogHoldsNone(Iterable<String> accessTokens) throws java.io.UncheckedIOException {
        String log;
        try {
            log = Files.readString(LOG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(log).as("the application's log, every category at DEBUG").isNotEmpty();
        for (String token : accessTokens) {
            assertThat(log).doesNotContain(token);
        }
    }

    private static List<String> users() {
        return IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%02d@example.com", i)).toList();
    }

    /** Twenty users of the local Lakebase, pools for five, tokens of three seconds, a DEBUG log in a file. */
    public static class TwentyUsers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.lakebase.devservices.users", String.join(",", users()) + "," + WITHOUT_ROLE,
                    "quarkus.lakebase.devservices.token-ttl", TOKEN_LIFETIME.toSeconds() + "S",
                    "quarkus.lakebase.on-behalf-of-user.max-users", "5",
                    "quarkus.lakebase.on-behalf-of-user.connections-per-user", "2",
                    "quarkus.log.level", "DEBUG",
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.level", "DEBUG");
        }
    }
}
