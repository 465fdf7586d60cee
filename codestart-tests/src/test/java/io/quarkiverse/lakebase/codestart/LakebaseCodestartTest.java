package io.quarkiverse.lakebase.codestart;

import static io.quarkus.devtools.codestarts.quarkus.QuarkusCodestartCatalog.Language.JAVA;
import static io.quarkus.devtools.testing.SnapshotTesting.checkContains;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.devtools.testing.codestarts.QuarkusCodestartTest;

/**
 * The starter that {@code quarkus create app -x quarkus-lakebase} generates. The content checks compare the generated
 * files (with the mocked data of the codestart tests: package {@code ilove.quark.us}) against the snapshots in
 * {@code src/test/resources/__snapshots__}; after a change of the codestart, run them with {@code -Dsnap} to write the
 * snapshots anew, and commit them.
 * <p>
 * The build test builds a project generated with real data and runs its tests, against the local Lakebase, as a user
 * would with no edit. It uses this extension as installed in the local repository, so it runs after the runtime and
 * deployment modules are installed ({@code ./mvnw install}).
 */
class LakebaseCodestartTest {

    @RegisterExtension
    static QuarkusCodestartTest codestartTest = QuarkusCodestartTest.builder()
            .languages(JAVA)
            .setupStandaloneExtensionTest("io.quarkiverse.lakebase:quarkus-lakebase")
            .build();

    @Test
    void resourceAndItsTest() throws Throwable {
        codestartTest.checkGeneratedSource("org.acme.NoteResource");
        codestartTest.checkGeneratedSource("org.acme.Note");
        codestartTest.checkGeneratedSource("org.acme.NewNote");
        codestartTest.checkGeneratedTestSource("org.acme.NoteResourceTest");
    }

    @Test
    void migrationAndConfiguration() throws Throwable {
        codestartTest.assertThatGeneratedFileMatchSnapshot(JAVA, "src/main/resources/db/migration/V1__notes.sql");
        codestartTest.assertThatGeneratedFileMatchSnapshot(JAVA, "src/main/resources/application.properties");
        codestartTest.assertThatGeneratedFileMatchSnapshot(JAVA, "src/main/resources/application-prod.properties");
    }

    @Test
    void dependenciesOfTheStarter() throws Throwable {
        codestartTest.assertThatGeneratedFile(JAVA, "pom.xml")
                .satisfies(checkContains("<artifactId>quarkus-lakebase</artifactId>"))
                .satisfies(checkContains("<artifactId>quarkus-rest-jackson</artifactId>"))
                .satisfies(checkContains("<artifactId>quarkus-flyway</artifactId>"))
                .satisfies(checkContains("<artifactId>quarkus-flyway-postgresql</artifactId>"))
                .satisfies(checkContains("<artifactId>rest-assured</artifactId>"));
    }

    @Test
    void readmeHasTheThreeSteps() throws Throwable {
        codestartTest.assertThatGeneratedFile(JAVA, "README.md")
                .satisfies(checkContains("./mvnw quarkus:dev"))
                .satisfies(checkContains("./mvnw package` also writes `target/databricks-app/`"))
                .satisfies(checkContains("databricks bundle deploy"))
                .satisfies(checkContains("databricks apps deploy"));
    }

    @Test
    void generatedProjectBuildsPassesItsTestsAndWritesTheDatabricksAppFolder() throws Throwable {
        codestartTest.buildAllProjects();

        Path project = codestartTest.getProjectWithRealDataDir(JAVA);
        assertThat(project.resolve("target/databricks-app/app.yaml")).isRegularFile();
        assertThat(project.resolve("target/databricks-app/quarkus-app/quarkus-run.jar")).isRegularFile();
    }
}
