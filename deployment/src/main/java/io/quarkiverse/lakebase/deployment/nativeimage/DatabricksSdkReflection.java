package io.quarkiverse.lakebase.deployment.nativeimage;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes of the Databricks SDK that the calls the extension makes bind by reflection, so that a native image
 * keeps their constructors, accessors and fields. Only the paths the extension takes: workspace configuration, OAuth
 * machine-to-machine and token authentication, the database credential, the current user, and error bodies.
 */
public final class DatabricksSdkReflection {

    private static final String SDK = "com.databricks.sdk.";
    private static final String ERROR_DETAILS = SDK + "core.error.details.";

    private DatabricksSdkReflection() {
    }

    /** Read and written by Jackson: request and response bodies of the calls the extension makes. */
    public static List<String> jsonModels() {
        return List.of(
                SDK + "service.postgres.GenerateDatabaseCredentialRequest",
                SDK + "service.postgres.DatabaseCredential",
                SDK + "service.postgres.RequestedClaims",
                SDK + "service.postgres.RequestedResource",
                SDK + "service.postgres.RequestedClaimsPermissionSet",
                SDK + "service.iam.User",
                SDK + "service.iam.ComplexValue",
                SDK + "service.iam.Name",
                SDK + "service.iam.UserSchema",
                SDK + "core.oauth.OpenIDConnectEndpoints",
                SDK + "core.oauth.OAuthResponse",
                SDK + "core.oauth.HostMetadata",
                SDK + "core.error.ApiErrorBody");
    }

    /**
     * The structured details of an error body (google.rpc types), immutable value classes that Jackson builds through
     * their generated builders, and the (de)serializers their annotations name.
     */
    public static List<String> errorDetails() {
        List<String> classes = new ArrayList<>(List.of(
                ERROR_DETAILS + "ErrorDetails",
                ERROR_DETAILS + "AutoValue_ErrorDetails",
                ERROR_DETAILS + "ErrorDetails$Builder",
                ERROR_DETAILS + "AutoValue_ErrorDetails$Builder",
                ERROR_DETAILS + "ErrorDetailsDeserializer",
                ERROR_DETAILS + "ErrorDetailsSerializer",
                ERROR_DETAILS + "RetryInfo$DurationDeserializer"));
        for (String detail : List.of("ErrorInfo", "RequestInfo", "RetryInfo", "DebugInfo", "QuotaFailure",
                "QuotaFailure$QuotaFailureViolation", "PreconditionFailure",
                "PreconditionFailure$PreconditionFailureViolation", "BadRequest", "BadRequest$BadRequestFieldViolation",
                "ResourceInfo", "Help", "Help$HelpLink")) {
            String autoValue = "AutoValue_" + detail.replace('$', '_');
            classes.add(ERROR_DETAILS + detail);
            classes.add(ERROR_DETAILS + detail + "$Builder");
            classes.add(ERROR_DETAILS + autoValue);
            classes.add(ERROR_DETAILS + autoValue + "$Builder");
        }
        return classes;
    }

    /** Its fields carry {@code @ConfigAttribute}, which the SDK reads reflectively to load environment and profile. */
    public static List<String> configuration() {
        return List.of(SDK + "core.DatabricksConfig", SDK + "core.ConfigAttribute");
    }
}
