package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.lakebase.deployment.devservices.LocalLakebase;
import io.quarkiverse.lakebase.runtime.AotTrainingRecorder;

/** Starts an application jar, times its first successful request and reads its resident memory. */
final class AppStartup {

    record Result(double millisToFirstRequest, double rssMegabytes) {
    }

    /** A start-up with class loading logged: the classes loaded until the first answer, and the JVM's own readings. */
    record Profile(LoadedClasses classes, JvmReadings jvm) {
    }

    /**
     * The classes a start-up loaded, by name, read from the JVM's class-loading log, the JVM's uptime when each name
     * was first loaded, and the names it loaded from the class data archive (the AOT cache, or the JDK's CDS archive).
     */
    record LoadedClasses(List<String> names, Map<String, Double> firstLoadedSeconds, Set<String> fromArchive) {

        long count(String prefix) {
            return names.stream().filter(name -> name.startsWith(prefix)).count();
        }

        /**
         * Milliseconds from the first loading of one class to that of another ({@code from} null: from the JVM's start),
         * or -1 when either was not loaded.
         */
        double millisBetween(String from, String to) {
            Double start = from == null ? Double.valueOf(0) : firstLoadedSeconds.get(from);
            Double end = firstLoadedSeconds.get(to);
            return start == null || end == null ? -1 : (end - start) * 1000;
        }

        /**
         * The credential providers among them (the SDK's, and the extension's own for its service principal), by simple
         * name: the auth types the SDK considered.
         */
        List<String> credentialProviders() {
            return names.stream().filter(name -> (name.startsWith("com.databricks.sdk.")
                    || name.startsWith("io.quarkiverse.lakebase.runtime.databricks."))
                    && name.endsWith("CredentialsProvider") && !name.contains("$")
                    && !name.endsWith(".CredentialsProvider"))
                    .map(name -> name.substring(name.lastIndexOf('.') + 1)).sorted().toList();
        }
    }

    /** Starts the demo once more with class loading logged, and profiles it at its first answer. */
    Profile lakebaseAppProfile(Path jar) throws Exception {
        Path log = Files.createTempFile("benchmark-classes-", ".log");
        JvmReadings jvm = run(List.of("java", classLoadLog(log)), jar, lakebaseEnvironment(), true)
                .jvm();
        return new Profile(classesIn(log), jvm);
    }

    /** The same for the plain application. */
    Profile plainAppProfile(Path jar) throws Exception {
        Path log = Files.createTempFile("benchmark-classes-", ".log");
        JvmReadings jvm = run(List.of("java", classLoadLog(log)), jar, plainEnvironment(), true)
                .jvm();
        return new Profile(classesIn(log), jvm);
    }

    /** An AOT cache a training run wrote, and the names of the classes that run loaded: what the cache could hold. */
    record AotCache(Path file, Set<String> trainingClasses) {
    }

    /**
     * Writes the AOT cache as the Databricks Apps folder's deployment does ({@code launcher.py --write-aot-cache}): a
     * training run that ends after Quarkus' static initialisation, with the options the app will run with.
     *
     * @param java the {@code java} command and the options the app runs with
     * @return the cache, empty when the JVM wrote none
     */
    static Optional<AotCache> writeAotCache(List<String> java, Path jar, Path cache) throws Exception {
        // %p: the JVM that assembles the cache is a child with the same options, and would overwrite the training's log
        Path classLogs = Files.createTempDirectory("benchmark-aot-training-");
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, classLoadLog(classLogs.resolve("classes-%p.log")),
                "-D" + AotTrainingRecorder.TRAINING_RUN + "=true", "-jar", jar.toString()));
        Process training = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(classLogs.resolve("output.log").toFile())
                .start();
        if (!training.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            training.destroyForcibly();
            return Optional.empty();
        }
        if (training.exitValue() != 0 || !Files.exists(cache)) {
            return Optional.empty();
        }
        Set<String> trainingClasses = new HashSet<>(
                classesIn(classLogs.resolve("classes-" + training.pid() + ".log")).names());
        return Optional.of(new AotCache(cache, trainingClasses));
    }

    /** The JVM option that logs the classes it loads into this file, which {@link #classesIn} reads. */
    static String classLoadLog(Path file) {
        return "-Xlog:class+load=info:file=" + file;
    }

    static LoadedClasses classesIn(Path log) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Double> firstLoaded = new HashMap<>();
        Set<String> fromArchive = new HashSet<>();
        for (String line : Files.readAllLines(log)) {
            // [0.569s][info][class,load] com.example.Type source: ...
            int start = line.indexOf("] ", line.indexOf("[class,load]"));
            if (line.contains("[class,load]") && start > 0 && !line.startsWith("opened: ", start + 2)) {
                String rest = line.substring(start + 2);
                int space = rest.indexOf(' ');
                String name = space > 0 ? rest.substring(0, space) : rest;
                names.add(name);
                firstLoaded.putIfAbsent(name, Double.parseDouble(line.substring(1, line.indexOf("s]"))));
                if (line.endsWith("source: shared objects file")) {
                    fromArchive.add(name);
                }
            }
        }
        return new LoadedClasses(names, firstLoaded, fromArchive);
    }

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final LocalLakebase lakebase;
    private final Pools pools;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    AppStartup(LocalLakebase lakebase, Pools pools) {
        this.lakebase = lakebase;
        this.pools = pools;
    }

    /** The demo with the extension, configured as Databricks Apps would configure it: environment only. */
    Result lakebaseApp(Path jar) throws Exception {
        return lakebaseApp(List.of("java"), jar);
    }

    /** The same, started with this {@code java} command and its options. */
    Result lakebaseApp(List<String> java, Path jar) throws Exception {
        return run(java, jar, lakebaseEnvironment(), false).result();
    }

    /** The same, calling the workspace over HTTPS as in production: TLS set-up is on the way to the first token. */
    Result lakebaseAppOverTls(Path jar, WorkspaceOverTls workspace) throws Exception {
        return lakebaseAppOverHttps(List.of("java"), jar, workspace, "disable", false).result();
    }

    /**
     * The same as on Databricks Apps: the workspace over HTTPS and PostgreSQL over TLS ({@code PGSSLMODE=require}),
     * once {@link PostgresTls} switched it on.
     */
    Result lakebaseAppAsOnDatabricksApps(Path jar, WorkspaceOverTls workspace) throws Exception {
        return lakebaseAppAsOnDatabricksApps(List.of("java"), jar, workspace);
    }

    /** The same, started with this {@code java} command and its options. */
    Result lakebaseAppAsOnDatabricksApps(List<String> java, Path jar, WorkspaceOverTls workspace) throws Exception {
        return lakebaseAppOverHttps(java, jar, workspace, "require", false).result();
    }

    /** The same, read by {@link JvmReadings} at its first answer. */
    JvmReadings lakebaseAppAsOnDatabricksAppsReadings(List<String> java, Path jar, WorkspaceOverTls workspace)
            throws Exception {
        return lakebaseAppOverHttps(java, jar, workspace, "require", true).jvm();
    }

    private Run lakebaseAppOverHttps(List<String> javaCommand, Path jar, WorkspaceOverTls workspace,
            String postgresSslMode, boolean readJvm) throws Exception {
        List<String> java = new ArrayList<>(javaCommand);
        java.addAll(workspace.javaOptions());
        Map<String, String> environment = new HashMap<>(lakebaseEnvironment());
        environment.put("DATABRICKS_HOST", workspace.url());
        environment.put("PGSSLMODE", postgresSslMode);
        return run(java, jar, environment, readJvm);
    }

    private Map<String, String> lakebaseEnvironment() {
        return Map.of(
                "LAKEBASE_ENDPOINT", LocalLakebase.endpoint(),
                "PGHOST", "127.0.0.1",
                "PGPORT", String.valueOf(lakebase.postgresPort()),
                "PGDATABASE", "databricks_postgres",
                "PGSSLMODE", "disable",
                "DATABRICKS_HOST", lakebase.workspaceUrl(),
                "DATABRICKS_CLIENT_ID", lakebase.clientId(),
                "DATABRICKS_CLIENT_SECRET", lakebase.clientSecret(),
                "DATABRICKS_AUTH_TYPE", "oauth-m2m");
    }

    /** The same application with plain quarkus-jdbc-postgresql and a static password. */
    Result plainApp(Path jar) throws Exception {
        return plainApp(List.of("java"), jar);
    }

    /** The same, started with this {@code java} command and its options. */
    Result plainApp(List<String> java, Path jar) throws Exception {
        return run(java, jar, plainEnvironment(), false).result();
    }

    /** The plain application over TLS to PostgreSQL, as it would reach Lakebase ({@code sslmode=require}). */
    Result plainAppOverTls(Path jar) throws Exception {
        return plainAppOverTls(List.of("java"), jar);
    }

    /** The same, started with this {@code java} command and its options. */
    Result plainAppOverTls(List<String> java, Path jar) throws Exception {
        return run(java, jar, plainEnvironment("require"), false).result();
    }

    /** The same, read by {@link JvmReadings} at its first answer. */
    JvmReadings plainAppOverTlsReadings(List<String> java, Path jar) throws Exception {
        return run(java, jar, plainEnvironment("require"), true).jvm();
    }

    private Map<String, String> plainEnvironment() {
        // explicitly, as the demo's PGSSLMODE: the driver's default would use TLS once the server offers it
        return plainEnvironment("disable");
    }

    private Map<String, String> plainEnvironment(String sslMode) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", pools.url() + "?sslmode=" + sslMode,
                "QUARKUS_DATASOURCE_REACTIVE_URL", pools.url().substring("jdbc:".length()),
                "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", sslMode,
                "QUARKUS_DATASOURCE_USERNAME", Pools.STATIC_ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", Pools.STATIC_PASSWORD);
    }

    /** A run's timing, and the JVM's readings when asked for (taken after the timing and the resident memory). */
    private record Run(Result result, JvmReadings jvm) {
    }

    private Run run(List<String> java, Path jar, Map<String, String> environment, boolean readJvm) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("benchmark-app-", ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            URI orders = URI.create("http://127.0.0.1:" + port + "/orders?userId=benchmark");
            while (true) {
                if (System.nanoTime() - started > LIMIT.toNanos() || !app.isAlive()) {
                    throw new IllegalStateException("The application " + jar + " did not answer");
                }
                if (answers(orders)) {
                    double millis = (System.nanoTime() - started) / 1e6;
                    Result result = new Result(millis, rssMegabytes(app.pid()));
                    return new Run(result, readJvm ? JvmReadings.of(app.pid()) : null);
                }
                Thread.sleep(10);
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private boolean answers(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
