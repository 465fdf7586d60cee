package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The orders API against the local Lakebase, logging in with minted tokens. */
@QuarkusTest
class OrderResourceTest {

    @Test
    void placesAndListsOrdersOfOneUser() {
        given().contentType(ContentType.JSON).body(new NewOrder("alice", "widget", 2))
                .when().post("/orders")
                .then().statusCode(201)
                .body("id", greaterThan(0))
                .body("product", equalTo("widget"));
        given().contentType(ContentType.JSON).body(new NewOrder("alice", "gadget", 1))
                .when().post("/orders").then().statusCode(201);
        given().contentType(ContentType.JSON).body(new NewOrder("bob", "widget", 7))
                .when().post("/orders").then().statusCode(201);

        given().queryParam("userId", "alice")
                .when().get("/orders")
                .then().statusCode(200)
                .body("product", contains("widget", "gadget"))
                .body("userId", contains("alice", "alice"));
    }

    @Test
    void userIdIsABindParameterNotSql() {
        given().contentType(ContentType.JSON).body(new NewOrder("carol", "widget", 1))
                .when().post("/orders").then().statusCode(201);

        given().queryParam("userId", "carol' OR '1'='1")
                .when().get("/orders")
                .then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void rejectsIncompleteOrders() {
        given().contentType(ContentType.JSON).body("{\"userId\":\"dave\"}")
                .when().post("/orders").then().statusCode(400);
    }
}
