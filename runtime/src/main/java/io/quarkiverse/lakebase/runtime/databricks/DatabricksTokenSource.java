package io.quarkiverse.lakebase.runtime.databricks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.databricks.sdk.service.postgres.DatabaseCredential;
import com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest;
import com.databricks.sdk.service.postgres.RequestedClaims;
import com.databricks.sdk.service.postgres.RequestedClaimsPermissionSet;
import com.databricks.sdk.service.postgres.RequestedResource;
import com.google.protobuf.Timestamp;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.config.TokenClaimsConfig;
import io.quarkiverse.lakebase.runtime.token.TokenSource;

/**
 * Mints Lakebase database tokens with {@code POST /api/2.0/postgres/credentials} through the Databricks SDK.
 * Never logs or stringifies the SDK's credential object: its {@code toString()} prints the token.
 */
public final class DatabricksTokenSource implements TokenSource {

    private final Supplier<WorkspaceApis> client;
    private final String endpoint;
    private final Optional<Duration> ttl;
    private final Clock clock;
    private final PropertyNames properties;
    private final String credentialsHint;
    private final List<RequestedClaims> claims;

    /**
     * @param properties the properties of the datasource the tokens are for, named in failure messages
     */
    public DatabricksTokenSource(Supplier<WorkspaceApis> client, String endpoint, Optional<Duration> ttl, Clock clock,
            PropertyNames properties) {
        this(client, endpoint, ttl, clock, properties, null);
    }

    /**
     * @param credentialsHint what to do when the workspace refuses the credentials; null for the application's own
     */
    public DatabricksTokenSource(Supplier<WorkspaceApis> client, String endpoint, Optional<Duration> ttl, Clock clock,
            PropertyNames properties, String credentialsHint) {
        this(client, endpoint, ttl, clock, properties, credentialsHint, List.of());
    }

    private DatabricksTokenSource(Supplier<WorkspaceApis> client, String endpoint, Optional<Duration> ttl,
            Clock clock, PropertyNames properties, String credentialsHint, List<RequestedClaims> claims) {
        this.claims = claims;
        this.credentialsHint = credentialsHint;
        this.client = client;
        this.endpoint = endpoint;
        this.ttl = ttl;
        this.clock = clock;
        this.properties = properties;
    }

    /** The same source, asking for these Unity Catalog permissions with each token; none when none are configured. */
    public DatabricksTokenSource withClaims(TokenClaimsConfig configured) {
        List<RequestedClaims> requested = configured.permissionSet().map(permissions -> List.of(new RequestedClaims()
                .setPermissionSet(RequestedClaimsPermissionSet.valueOf(permissions.name()))
                .setResources(configured.tables().orElse(List.of()).stream()
                        .map(table -> new RequestedResource().setTableName(table)).toList())))
                .orElse(List.of());
        return new DatabricksTokenSource(client, endpoint, ttl, clock, properties, credentialsHint, requested);
    }

    @Override
    public DatabaseToken mint() {
        DatabaseCredential credential;
        try {
            credential = client.get().postgres().generateDatabaseCredential(request());
        } catch (RuntimeException e) {
            String action = "mint a Lakebase database token for endpoint '" + endpoint + "'";
            Duration retryAfter = RetryAfterHttpClient.takeRetryAfter().orElse(null);
            throw credentialsHint == null ? WorkspaceFailures.classify(e, action, retryAfter, properties)
                    : WorkspaceFailures.classify(e, action, retryAfter, properties, credentialsHint);
        }
        return toToken(credential);
    }

    private GenerateDatabaseCredentialRequest request() {
        GenerateDatabaseCredentialRequest request = new GenerateDatabaseCredentialRequest().setEndpoint(endpoint);
        if (!claims.isEmpty()) {
            request.setClaims(claims);
        }
        ttl.ifPresent(value -> request.setTtl(com.google.protobuf.Duration.newBuilder()
                .setSeconds(value.toSeconds()).build()));
        return request;
    }

    private DatabaseToken toToken(DatabaseCredential credential) {
        if (credential == null || credential.getToken() == null || credential.getToken().isEmpty()) {
            throw TokenRefreshException.transientFailure("The workspace answered the credential request for endpoint '"
                    + endpoint + "' without a token", null);
        }
        Timestamp expireTime = credential.getExpireTime();
        if (expireTime == null || (expireTime.getSeconds() == 0 && expireTime.getNanos() == 0)) {
            throw TokenRefreshException.transientFailure("The workspace answered the credential request for endpoint '"
                    + endpoint + "' without an expire_time", null);
        }
        Instant expiresAt = Instant.ofEpochSecond(expireTime.getSeconds(), expireTime.getNanos());
        return new DatabaseToken(credential.getToken(), clock.instant(), expiresAt);
    }
}
