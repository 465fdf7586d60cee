package io.quarkiverse.lakebase.deployment.nativeimage;

import java.util.List;

import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The classes of the Databricks SDK that the calls the extension makes bind by reflection, so that a native image
 * keeps their constructors, accessors and fields. Only the paths the extension takes: workspace configuration, OAuth
 * machine-to-machine and token authentication, the database credential, the endpoint, the current user, and error
 * bodies.
 */
public final class DatabricksSdkReflection {

    private static final String SDK = "com.databricks.sdk.";
    private static final DotName ERROR_DETAILS_PACKAGE = DotName.createSimple(SDK + "core.error.details");
    private static final DotName POSTGRES_PACKAGE = DotName.createSimple(SDK + "service.postgres");

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
     * The structured details of an error body (google.rpc types): immutable value classes that Jackson builds through
     * their builders, the {@code AutoValue_} classes generated for them, and the (de)serializers their annotations
     * name. All live in one package, so they are read from the index of the SDK rather than listed by name: the names of
     * generated classes are the SDK build's, and an upgrade that renames them still registers them.
     */
    public static List<String> errorDetails(IndexView index) {
        return index.getClassesInPackage(ERROR_DETAILS_PACKAGE).stream().map(type -> type.name().toString())
                .filter(name -> !name.endsWith(".package-info")).sorted().toList();
    }

    /**
     * The endpoint resource that the host check reads ({@code Endpoint} and the types of its fields, all named
     * {@code Endpoint*}), read from the index for the same reason: its nesting is the API's, and grows with it.
     */
    public static List<String> endpointModels(IndexView index) {
        return index.getClassesInPackage(POSTGRES_PACKAGE).stream().map(type -> type.name().toString())
                .filter(name -> name.startsWith(SDK + "service.postgres.Endpoint")).sorted().toList();
    }

    /** Its fields carry {@code @ConfigAttribute}, which the SDK reads reflectively to load environment and profile. */
    public static List<String> configuration() {
        return List.of(SDK + "core.DatabricksConfig", SDK + "core.ConfigAttribute");
    }
}
