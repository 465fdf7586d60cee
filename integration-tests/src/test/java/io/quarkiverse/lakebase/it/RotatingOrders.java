package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.restassured.http.ContentType;

/**
 * Places orders over HTTP while tokens rotate, until the workspace has minted a number of tokens and two token
 * lifetimes have passed and new connections have logged in, and checks what a user would: every order acknowledged is
 * stored, and the workspace saw one mint per rotation, not one per connection.
 */
final class RotatingOrders {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration SHORTEST_REFRESH_INTERVAL = Duration.ofMillis(1500);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(40);

    private RotatingOrders() {
    }

    static void placeAcrossRotations(String userId, int rotations) {
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        Set<Integer> backends = new HashSet<>();
        long started = System.nanoTime();
        List<Integer> placed = new ArrayList<>();

        // until the rotations happened, connections were opened anew more often than that, and two tokens expired
        while (WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) < mintsBefore + rotations
                || backends.size() <= rotations + 1
                || Duration.ofNanos(System.nanoTime() - started).compareTo(TTL.multipliedBy(2)) < 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to see %d rotations", rotations)
                    .isLessThan(TIME_LIMIT);
            placed.add(given().contentType(ContentType.JSON).body(new NewOrder(userId, "widget", 1))
                    .when().post("/orders").then().statusCode(201).extract().path("id"));
            backends.add(Integer.valueOf(given().when().get("/orders/backend").then().statusCode(200).extract().asString()));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int mints = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) - mintsBefore;

        assertThat(mints).isGreaterThanOrEqualTo(rotations)
                .isLessThanOrEqualTo((int) (elapsed.toMillis() / SHORTEST_REFRESH_INTERVAL.toMillis()) + 1);
        List<Integer> stored = given().queryParam("userId", userId).when().get("/orders")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertThat(stored).containsExactlyElementsOf(placed);
    }
}
