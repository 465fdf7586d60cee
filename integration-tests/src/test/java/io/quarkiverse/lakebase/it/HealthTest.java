package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The readiness check through {@code /q/health/ready}: UP, DOWN with the reason during a workspace outage that outlasts
 * the three-second token, UP again once the workspace answers. Never an HTTP 500.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class HealthTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static final String LAKEBASE = "checks.find { it.name == 'Lakebase' }";

    @Test
    void readinessFollowsTheTokenThroughAnOutage() {
        awaitLakebaseCheck("UP", 200);

        WorkspaceEmulatorClient.fail(503, -1);
        try {
            // the datasource's own check may turn DOWN first, when a new connection cannot get a token
            JsonPath down = awaitLakebaseCheck("DOWN", 503);
            assertThat(down.getString(LAKEBASE + ".data.reason")).contains("HTTP 503");
        } finally {
            WorkspaceEmulatorClient.recover();
        }

        JsonPath up = awaitLakebaseCheck("UP", 200);
        assertThat(up.getLong(LAKEBASE + ".data.tokenSecondsLeft")).isPositive();
    }

    /** Readiness until the Lakebase check has the status, and the whole readiness the HTTP status. */
    private static JsonPath awaitLakebaseCheck(String status, int httpStatus) {
        return await("Lakebase check " + status).atMost(DEADLINE).until(() -> {
            var response = given().when().get("/q/health/ready").then().extract();
            assertThat(response.statusCode()).as("readiness never fails with a server error").isNotEqualTo(500);
            return response;
        }, response -> response.statusCode() == httpStatus
                && status.equals(response.jsonPath().getString(LAKEBASE + ".status"))).jsonPath();
    }
}
