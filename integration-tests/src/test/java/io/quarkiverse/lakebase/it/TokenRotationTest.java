package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.runtime.LakebaseCredentials;
import io.quarkiverse.lakebase.runtime.token.DatabaseToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Tokens of three seconds, connections recycled every second: requests keep succeeding across several rotations, the
 * workspace sees one mint per rotation rather than one per connection, and a token that has been replaced and has
 * expired is refused by PostgreSQL.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class TokenRotationTest {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration SHORTEST_REFRESH_INTERVAL = Duration.ofMillis(1500);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(40);

    @Inject
    LakebaseCredentials credentials;

    @Test
    void requestsSucceedAcrossRotationsWithOneMintPerRotation() throws Exception {
        DatabaseToken first = credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10));
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        Set<Integer> backends = new HashSet<>();
        long started = System.nanoTime();
        List<Integer> placed = new ArrayList<>();

        while (WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) < mintsBefore + 3
                || Duration.ofNanos(System.nanoTime() - started).compareTo(TTL.multipliedBy(2)) < 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to see three rotations")
                    .isLessThan(TIME_LIMIT);
            placed.add(given().contentType(ContentType.JSON).body(new NewOrder("rotation", "widget", 1))
                    .when().post("/orders").then().statusCode(201).extract().path("id"));
            backends.add(Integer.valueOf(given().when().get("/orders/backend").then().statusCode(200).extract().asString()));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int mints = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) - mintsBefore;

        assertThat(mints).isGreaterThanOrEqualTo(3)
                .isLessThanOrEqualTo((int) (elapsed.toMillis() / SHORTEST_REFRESH_INTERVAL.toMillis()) + 1);
        assertThat(backends.size()).as("physical connections opened while %d tokens were minted", mints)
                .isGreaterThan(mints);
        List<Integer> stored = given().queryParam("userId", "rotation").when().get("/orders")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        assertThat(stored).containsExactlyElementsOf(placed);

        assertThatThrownBy(() -> login(first)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    private void login(DatabaseToken token) throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.lakebase.databricks.client-id", String.class));
        properties.setProperty("password", token.secret());
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + config.getValue("quarkus.lakebase.port", String.class) + "/"
                + config.getValue("quarkus.lakebase.database", String.class), properties).close();
    }
}
