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

    @Test
    void readinessFollowsTheTokenThroughAnOutage() {
        assertThat(awaitReadiness(200).getString("checks.find { it.name == 'Lakebase' }.status")).isEqualTo("UP");

        WorkspaceEmulatorClient.fail(503, -1);
        try {
            JsonPath down = awaitReadiness(503);
            assertThat(down.getString("checks.find { it.name == 'Lakebase' }.status")).isEqualTo("DOWN");
            assertThat(down.getString("checks.find { it.name == 'Lakebase' }.data.reason")).contains("HTTP 503");
        } finally {
            WorkspaceEmulatorClient.recover();
        }

        JsonPath up = awaitReadiness(200);
        assertThat(up.getString("checks.find { it.name == 'Lakebase' }.status")).isEqualTo("UP");
        assertThat(up.getLong("checks.find { it.name == 'Lakebase' }.data.tokenSecondsLeft")).isPositive();
    }

    private static JsonPath awaitReadiness(int status) {
        return await("readiness " + status).atMost(DEADLINE).until(() -> {
            var response = given().when().get("/q/health/ready").then().extract();
            assertThat(response.statusCode()).as("readiness never fails with a server error").isNotEqualTo(500);
            return response;
        }, response -> response.statusCode() == status).jsonPath();
    }
}
