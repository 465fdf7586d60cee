package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The catalog kept with Panache entities: products added and read over HTTP are rows written by the role that logs in
 * with the minted token, and that role has no other way in.
 */
@QuarkusTest
class ProductResourceTest {

    @Inject
    Lakebase lakebase;

    @Test
    void addsAndReadsProductsWrittenByTheTokensRole() throws SQLException {
        LakebaseConnectionConfig login = lakebase.connectionConfig();
        int lamp = given().contentType(ContentType.JSON).body(new NewProduct("lamp", new BigDecimal("19.90")))
                .when().post("/products")
                .then().statusCode(201)
                .body("name", equalTo("lamp"))
                .body("createdBy", equalTo(login.username()))
                .extract().path("id");
        int desk = given().contentType(ContentType.JSON).body(new NewProduct("desk", new BigDecimal("120.00")))
                .when().post("/products").then().statusCode(201).extract().path("id");

        given().when().get("/products/" + lamp)
                .then().statusCode(200)
                .body("name", equalTo("lamp"))
                .body("unitPrice", equalTo(19.90f));
        List<Integer> listed = given().when().get("/products").then().statusCode(200).extract().jsonPath()
                .getList("id", Integer.class);
        assertThat(listed).containsSubsequence(desk, lamp);

        try (Connection connection = DriverManager.getConnection(login.jdbcUrl(), login.username(),
                login.password().get());
                PreparedStatement select = connection.prepareStatement(
                        "SELECT name, created_by FROM app.products WHERE id = ?")) {
            select.setLong(1, lamp);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("lamp");
                assertThat(row.getString(2)).isEqualTo(login.username());
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), login.username(), "not-the-token"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void unknownProductIsNotFound() {
        given().when().get("/products/-1").then().statusCode(404);
    }

    @Test
    void rejectsIncompleteProducts() {
        given().contentType(ContentType.JSON).body("{\"name\":\"chair\"}")
                .when().post("/products").then().statusCode(400);
    }
}
