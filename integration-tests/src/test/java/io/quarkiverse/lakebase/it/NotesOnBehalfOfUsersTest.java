package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Notes written and read on behalf of the signed-in users of the local Lakebase: each request logs in as its user's
 * own role, and the row-level security of the table shows each user their own notes only.
 */
@QuarkusTest
class NotesOnBehalfOfUsersTest {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    @Test
    void eachUserWritesAndReadsTheirOwnNotesOnly() {
        String alice = WorkspaceEmulatorClient.userToken(ALICE);
        String bob = WorkspaceEmulatorClient.userToken(BOB);

        as(alice, ALICE).contentType(ContentType.TEXT).body("alice's note").when().post("/notes").then().statusCode(200);
        as(bob, BOB).contentType(ContentType.TEXT).body("bob's note").when().post("/notes").then().statusCode(200);

        List<String> alicesAuthors = as(alice, ALICE).when().get("/notes").then().statusCode(200).extract().jsonPath()
                .getList("author", String.class);
        List<String> bobsBodies = as(bob, BOB).when().get("/notes").then().statusCode(200).extract().jsonPath()
                .getList("body", String.class);
        assertThat(alicesAuthors).isNotEmpty().containsOnly(ALICE);
        assertThat(bobsBodies).contains("bob's note").doesNotContain("alice's note");
    }

    @Test
    void aRequestWithoutASignedInUserIsRefusedWithWhatToTurnOn() {
        String answer = given().when().get("/notes").then().statusCode(401).extract().asString();

        assertThat(answer).contains("X-Forwarded-Access-Token", "user authorization", "postgres scope");
    }

    @Test
    void aClaimedEmailDoesNotMakeARequestAnotherUser() {
        String alice = WorkspaceEmulatorClient.userToken(ALICE);

        String loggedInAs = as(alice, BOB).when().get("/notes/me").then().statusCode(200).extract().asString();

        assertThat(loggedInAs).as("the role of the token's user, not of the claimed e-mail").isEqualTo(ALICE);
    }

    /** A request as the Databricks Apps proxy forwards it for a signed-in user. */
    private static RequestSpecification as(String accessToken, String email) {
        return given().header("X-Forwarded-Access-Token", accessToken).header("X-Forwarded-Email", email);
    }
}
