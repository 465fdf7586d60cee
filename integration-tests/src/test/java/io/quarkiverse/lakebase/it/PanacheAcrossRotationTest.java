package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Panache entities across token rotations: with three-second tokens and connections recycled every second, products
 * keep being added while the first token is replaced and then refused, every acknowledged product is stored, and new
 * logins after the rotations keep Panache working.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class PanacheAcrossRotationTest {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(40);

    @Inject
    Lakebase lakebase;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void productsAreAddedAndReadAcrossRotations() throws Exception {
        String first = lakebase.connectionConfig().password().get();
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        Set<Integer> backends = new HashSet<>();
        List<Integer> added = new ArrayList<>();
        long started = System.nanoTime();

        // until two rotations and three physical connections (each a new login) have served requests
        while (WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) < mintsBefore + 2
                || backends.size() < 3) {
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("time to see two rotations and three connections").isLessThan(TIME_LIMIT);
            added.add(given().contentType(ContentType.JSON)
                    .body(new NewProduct("rotating-" + added.size(), BigDecimal.ONE))
                    .when().post("/products").then().statusCode(201).extract().path("id"));
            backends.add(Integer.valueOf(given().when().get("/orders/backend").then().statusCode(200).extract().asString()));
        }

        List<Integer> stored = given().when().get("/products").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.name.startsWith('rotating-') }.id", Integer.class);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(added);
        LakebaseConnectionConfig login = lakebase.connectionConfig();
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), login.username(), first).close())
                .as("the first token, replaced").isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("28P01"));

        // no connection of the first token's time is left: the next product is written on a new login
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
        int after = given().contentType(ContentType.JSON).body(new NewProduct("after-rotation", BigDecimal.TEN))
                .when().post("/products").then().statusCode(201).extract().path("id");
        given().when().get("/products/" + after).then().statusCode(200);
    }
}
