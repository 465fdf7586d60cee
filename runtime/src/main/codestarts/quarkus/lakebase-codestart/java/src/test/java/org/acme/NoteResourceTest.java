package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Writes a note and reads it back, against the local Lakebase that starts with the tests. */
@QuarkusTest
class NoteResourceTest {

    @Test
    void writtenNoteIsListed() {
        given()
                .contentType(ContentType.JSON)
                .body("{\"text\":\"Hello, Lakebase\"}")
                .when().post("/notes")
                .then()
                .statusCode(201)
                .body("text", is("Hello, Lakebase"))
                .body("writtenBy", not(emptyString()));

        given()
                .when().get("/notes")
                .then()
                .statusCode(200)
                .body("text", hasItem("Hello, Lakebase"));
    }

    @Test
    void noteWithoutTextIsRefused() {
        given()
                .contentType(ContentType.JSON)
                .body("{}")
                .when().post("/notes")
                .then()
                .statusCode(400);
    }
}
