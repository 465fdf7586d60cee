package io.quarkiverse.lakebase.runtime.databricks;

import java.time.Duration;

import com.databricks.sdk.core.DatabricksError;

import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;

/**
 * Turns what the SDK throws into a failure that says whether retrying helps and what the user should fix.
 */
final class WorkspaceFailures {

    private WorkspaceFailures() {
    }

    static TokenRefreshException classify(RuntimeException failure, String action, PropertyNames properties) {
        return classify(failure, action, null, properties);
    }

    /**
     * @param retryAfter the delay the workspace asked for, if it did
     * @param properties the properties of the datasource the call was for, named in the advice
     */
    static TokenRefreshException classify(RuntimeException failure, String action, Duration retryAfter,
            PropertyNames properties) {
        return classify(failure, action, retryAfter, properties, "check the Databricks credentials (DATABRICKS_CLIENT_ID"
                + " and DATABRICKS_CLIENT_SECRET, or DATABRICKS_TOKEN, or " + properties.name("databricks.*") + ")");
    }

    /**
     * @param credentialsHint what to do when the credentials are refused or lack a permission
     */
    static TokenRefreshException classify(RuntimeException failure, String action, Duration retryAfter,
            PropertyNames properties, String credentialsHint) {
        DatabricksError error = findError(failure);
        if (error == null) {
            return TokenRefreshException.transientFailure("Could not " + action + ": the call to the Databricks workspace"
                    + " failed (" + describe(failure) + ")", failure);
        }
        int status = error.getStatusCode();
        String answer = "HTTP " + status + (error.getErrorCode() == null ? "" : " " + error.getErrorCode())
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
        String prefix = "Could not " + action + " (" + answer + "); ";
        return switch (status) {
            case 400 -> TokenRefreshException.terminalFailure(prefix + "check " + properties.hint("endpoint")
                    + " and " + properties.name("token.ttl"), error);
            case 401 -> TokenRefreshException.terminalFailure(prefix + "the workspace rejected the credentials: "
                    + credentialsHint, error);
            case 403 -> TokenRefreshException.terminalFailure(prefix + "the principal lacks permission on the Lakebase"
                    + " endpoint: grant it access, or " + credentialsHint, error);
            case 404 -> TokenRefreshException.terminalFailure(prefix + "no such endpoint or workspace: check "
                    + properties.hint("endpoint") + ", and DATABRICKS_HOST or " + properties.name("databricks.host"),
                    error);
            default -> new TokenRefreshException(TokenRefreshException.Kind.TRANSIENT, prefix + "will retry"
                    + (retryAfter == null ? "" : " after the " + retryAfter.toSeconds() + " s the workspace asked for"),
                    retryAfter, error);
        };
    }

    private static DatabricksError findError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabricksError error && error.getStatusCode() > 0) {
                return error;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
