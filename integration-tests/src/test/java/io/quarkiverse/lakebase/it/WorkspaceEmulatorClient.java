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
        given().baseUri(url()).body("{\"status\":" + status + ",\"times\":" + times + "}")
                .when().post("/emulator/faults").then().statusCode(204);
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
