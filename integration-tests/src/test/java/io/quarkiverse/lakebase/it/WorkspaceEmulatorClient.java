package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the request counts of the local Lakebase's workspace emulator. */
final class WorkspaceEmulatorClient {

    static final String CREDENTIALS = "/api/2.0/postgres/credentials";

    private WorkspaceEmulatorClient() {
    }

    static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.lakebase.databricks.host", String.class);
    }

    /** Makes the credential endpoint answer {@code status} for the next {@code times} calls (-1: until cleared). */
    static void fail(int status, int times) {
        inject("{\"status\":" + status + ",\"times\":" + times + "}");
    }

    /**
     * Injects a fault into the credential endpoint: {@code status}, {@code times} (-1: until cleared),
     * {@code delayMillis}, {@code disconnect}, {@code retryAfterSeconds}, {@code body}.
     */
    static void inject(String fault) {
        given().baseUri(url()).body(fault).when().post("/emulator/faults").then().statusCode(204);
    }

    /** Mints a token as another client of the same principal would: it replaces the role's password. */
    static String mintBehindTheApplicationsBack() {
        var config = ConfigProvider.getConfig();
        String accessToken = given().baseUri(url())
                .auth().preemptive().basic(config.getValue("quarkus.lakebase.databricks.client-id", String.class),
                        config.getValue("quarkus.lakebase.databricks.client-secret", String.class))
                .formParam("grant_type", "client_credentials").formParam("scope", "all-apis")
                .when().post("/oidc/v1/token").then().statusCode(200).extract().path("access_token");
        return given().baseUri(url()).header("Authorization", "Bearer " + accessToken)
                .body("{\"endpoint\":\"" + config.getValue("quarkus.lakebase.endpoint", String.class) + "\"}")
                .when().post(CREDENTIALS).then().statusCode(200).extract().path("token");
    }

    /** An access token of a user of the local workspace, as the Databricks Apps proxy would forward it. */
    static String userToken(String user) {
        var config = ConfigProvider.getConfig();
        return given().baseUri(url())
                .auth().preemptive().basic(config.getValue("quarkus.lakebase.databricks.client-id", String.class),
                        config.getValue("quarkus.lakebase.databricks.client-secret", String.class))
                .formParam("grant_type", "client_credentials").formParam("scope", "all-apis").formParam("user", user)
                .when().post("/oidc/v1/token").then().statusCode(200).extract().path("access_token");
    }

    /** The workspace no longer accepts the access token. */
    static void revoke(String accessToken) {
        given().baseUri(url()).body("{\"accessToken\":\"" + accessToken + "\"}").when().post("/emulator/revoke")
                .then().statusCode(204);
    }

    /** Database credentials minted for a principal (a user's name, or the service principal's client id). */
    static int mintsFor(String principal) {
        return requests(CREDENTIALS + "#" + principal);
    }

    static void recover() {
        given().baseUri(url()).when().delete("/emulator/faults").then().statusCode(204);
    }

    static int requests(String path) {
        Map<String, Integer> counts = given().baseUri(url()).when().get("/emulator/requests")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        return counts.getOrDefault(path, 0);
    }
}
