package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo starts against the local Lakebase, its schema migrated from scratch, without a warning or an error in its
 * log: a newcomer reads those as "broken".
 */
@QuarkusTest
@TestProfile(StartupLogIsCleanTest.LoggedToAFile.class)
class StartupLogIsCleanTest {

    static final Path LOG = Path.of("target", "startup-" + ProcessHandle.current().pid() + ".log");

    @Test
    void startsWithoutWarningsOrErrors() throws IOException {
        List<String> lines = Files.readAllLines(LOG);
        List<String> startUp = lines.subList(0, lines.stream().filter(line -> line.contains(" started in "))
                .findFirst().map(lines::indexOf).orElseThrow() + 1);

        assertThat(startUp).filteredOn(line -> line.contains(" WARN ") || line.contains(" ERROR ")).isEmpty();
    }

    /** The log in a file of its own; a new profile gets a new local Lakebase, so the migrations run from scratch. */
    public static class LoggedToAFile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString());
        }
    }
}
