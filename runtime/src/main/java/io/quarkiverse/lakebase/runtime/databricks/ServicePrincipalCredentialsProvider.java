package io.quarkiverse.lakebase.runtime.databricks;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.oauth.AuthParameterPosition;
import com.databricks.sdk.core.oauth.CachedTokenSource;
import com.databricks.sdk.core.oauth.OAuthHeaderFactory;
import com.databricks.sdk.core.oauth.TokenEndpointClient;

/**
 * The SDK's OAuth machine-to-machine authentication ({@code oauth-m2m}), the service principal's client credentials,
 * requested through the configuration's HTTP client. The SDK's own provider builds its token source with a builder
 * that first creates an Apache HTTP client and only then takes the configuration's, which loads the Apache client and
 * sets TLS up on the way to the first token for nothing; the request, the token cache in front of it and the errors are
 * the SDK's.
 */
final class ServicePrincipalCredentialsProvider implements CredentialsProvider {

    @Override
    public String authType() {
        return KnownAuthentication.OAUTH_M2M;
    }

    @Override
    public OAuthHeaderFactory configure(DatabricksConfig config) {
        if (config.getClientId() == null || config.getClientSecret() == null || config.getHost() == null) {
            return null;
        }
        String tokenEndpoint;
        try {
            tokenEndpoint = config.getDatabricksOidcEndpoints().getTokenEndpoint();
        } catch (IOException e) {
            throw new DatabricksException("Unable to fetch OIDC endpoint: " + e.getMessage(), e);
        }
        CachedTokenSource tokens = new CachedTokenSource.Builder(() -> TokenEndpointClient.retrieveToken(
                config.getHttpClient(), config.getClientId(), config.getClientSecret(), tokenEndpoint,
                clientCredentialsGrant(config), new HashMap<>(), AuthParameterPosition.HEADER))
                .setAsyncDisabled(config.getDisableAsyncTokenRefresh()).build();
        return OAuthHeaderFactory.fromTokenSource(tokens);
    }

    private static Map<String, String> clientCredentialsGrant(DatabricksConfig config) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("grant_type", "client_credentials");
        if (config.getScopes() != null) {
            parameters.put("scope", String.join(" ", config.getScopes()));
        }
        return parameters;
    }
}
