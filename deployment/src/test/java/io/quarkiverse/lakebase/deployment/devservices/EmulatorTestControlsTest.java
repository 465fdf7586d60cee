package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workspace emulator's test controls ({@code /emulator/*}: faults, counts, token lifetime) answer only where the
 * test-only system property opens them: in a developer's dev mode they are an unknown path, like any other.
 */
class EmulatorTestControlsTest {

    private static LocalLakebase lakebase;

    @BeforeAll
    static void start() {
        lakebase = TestLakebase.start(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        lakebase.close();
    }

    @Test
    void controlsAnswerOnlyWhenTheTestPropertyOpensThem() throws Exception {
        String opened = System.getProperty(WorkspaceEmulator.TEST_CONTROLS);
        assertThat(opened).as("set by the build for tests").isEqualTo("true");
        assertThat(status("/emulator/requests")).isEqualTo(200);
        try {
            System.clearProperty(WorkspaceEmulator.TEST_CONTROLS);

            assertThat(status("/emulator/requests")).isEqualTo(404);
            assertThat(post("/emulator/faults", "{\"status\":503,\"times\":-1}")).isEqualTo(404);
        } finally {
            System.setProperty(WorkspaceEmulator.TEST_CONTROLS, opened);
        }
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lakebase.workspaceUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lakebase.workspaceUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
