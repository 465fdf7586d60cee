package io.quarkiverse.lakebase.deployment.devservices;

/** Answers of the workspace emulator's endpoint resource that the host-check tests plan. */
final class EndpointHostFaults {

    static final String OTHER_HOST = "ep-other-branch.database.cloud.databricks.com";

    private static final String PATH = "\"path\":\"" + WorkspaceEmulator.ENDPOINT_PATH + "\"";

    private EndpointHostFaults() {
    }

    /** The endpoint lists only a host of another branch, after {@code delayMillis}. */
    static String listsAnotherHost(long delayMillis) {
        return "{" + PATH + ",\"status\":200,\"times\":-1,\"delayMillis\":" + delayMillis
                + ",\"body\":{\"name\":\"" + WorkspaceEmulator.ENDPOINT + "\",\"status\":{\"hosts\":{\"host\":\""
                + OTHER_HOST + "\",\"read_only_host\":\"ep-other-branch-ro.database.cloud.databricks.com\"}}}}";
    }

    /** The workspace does not know the endpoint. */
    static String unknownEndpoint() {
        return "{" + PATH + ",\"status\":404,\"times\":-1,\"body\":{\"error_code\":\"NOT_FOUND\",\"message\":\"no such"
                + " endpoint\"}}";
    }
}
