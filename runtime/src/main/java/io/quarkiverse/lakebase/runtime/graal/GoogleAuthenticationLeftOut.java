package io.quarkiverse.lakebase.runtime.graal;

import java.util.function.BooleanSupplier;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.HeaderFactory;

/**
 * Whether a native image leaves out the Databricks SDK's Google authentication. Its two credential providers are the
 * only SDK classes that use the Google auth library (and through it Google's HTTP client and OpenCensus); a workspace
 * reached by any other auth type never runs them, but the SDK's default chain names them, so the builder would keep
 * them. Left out unless {@code quarkus.lakebase.native.google-authentication=true} sets {@link #KEEP_PROPERTY} on the
 * builder.
 */
public final class GoogleAuthenticationLeftOut implements BooleanSupplier {

    /** The builder's system property that keeps Google authentication in the image. */
    public static final String KEEP_PROPERTY = "io.quarkiverse.lakebase.native.google-authentication";

    @Override
    public boolean getAsBoolean() {
        return !Boolean.getBoolean(KEEP_PROPERTY);
    }

    /**
     * What a left-out provider does: nothing when its setting is absent (as the SDK's provider does), so the chain
     * goes on; an error naming the build property when the configuration asks for Google authentication.
     *
     * @param authType the provider's auth type
     * @param setting the SDK setting that makes the provider act (its value is never shown: it may be a private key)
     * @param settingNames the setting's names in {@code ~/.databrickscfg} and in the environment
     */
    public static HeaderFactory configure(String authType, String setting, String settingNames) {
        if (setting == null) {
            return null;
        }
        throw new DatabricksException("Google authentication (auth type " + authType + ", asked for by " + settingNames
                + ") is not in this native image: quarkus-lakebase leaves it out unless the application is built with "
                + "quarkus.lakebase.native.google-authentication=true");
    }

    static HeaderFactory configureGoogleCredentials(DatabricksConfig config) {
        return configure("google-credentials", config.getGoogleCredentials(),
                "google_credentials / GOOGLE_CREDENTIALS");
    }

    static HeaderFactory configureGoogleId(DatabricksConfig config) {
        return configure("google-id", config.getGoogleServiceAccount(),
                "google_service_account / DATABRICKS_GOOGLE_SERVICE_ACCOUNT");
    }
}
