package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.service.postgres.DatabaseCredential;
import com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest;
import com.databricks.sdk.service.postgres.PostgresService;
import com.google.protobuf.Timestamp;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * How answers of the credential API become tokens or classified failures. The HTTP path itself is exercised against
 * the workspace emulator in the deployment and integration tests.
 */
class DatabricksTokenSourceTest {

    private static final String ENDPOINT = "projects/p/branches/b/endpoints/e";
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private final AtomicReference<GenerateDatabaseCredentialRequest> sent = new AtomicReference<>();

    @Test
    void turnsTheCredentialIntoATokenAndSendsEndpointAndTtl() {
        DatabaseToken token = source(() -> credential("secret-token", NOW.plusSeconds(900).getEpochSecond()),
                Optional.of(Duration.ofMinutes(15))).mint();

        assertThat(token.secret()).isEqualTo("secret-token");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(token.toString()).doesNotContain("secret-token");
        assertThat(sent.get().getEndpoint()).isEqualTo(ENDPOINT);
        assertThat(sent.get().getTtl().getSeconds()).isEqualTo(900);
    }

    @Test
    void missingExpireTimeIsATransientFailure() {
        assertFailure(() -> new DatabaseCredential().setToken("secret-token"), false, "without an expire_time");
    }

    @Test
    void zeroExpireTimeIsATransientFailure() {
        assertFailure(() -> credential("secret-token", 0), false, "without an expire_time");
    }

    @Test
    void missingTokenIsATransientFailure() {
        assertFailure(() -> credential(null, NOW.plusSeconds(60).getEpochSecond()), false, "without a token");
    }

    @Test
    void unauthorizedIsTerminalAndNamesTheCredentialsToFix() {
        assertFailure(() -> {
            throw new DatabricksError("UNAUTHENTICATED", "Invalid access token", 401);
        }, true, "DATABRICKS_CLIENT_SECRET");
    }

    @Test
    void forbiddenIsTerminal() {
        assertFailure(() -> {
            throw new DatabricksError("PERMISSION_DENIED", "no access to endpoint", 403);
        }, true, "permission");
    }

    @Test
    void unknownEndpointIsTerminalAndNamesTheProperty() {
        assertFailure(() -> {
            throw new DatabricksError("NOT_FOUND", "Endpoint does not exist", 404);
        }, true, "LAKEBASE_ENDPOINT");
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        assertFailure(() -> {
            throw new DatabricksError("TEMPORARILY_UNAVAILABLE", "try later", 503);
        }, false, "HTTP 503");
        assertFailure(() -> {
            throw new DatabricksError("RESOURCE_EXHAUSTED", "slow down", 429);
        }, false, "HTTP 429");
    }

    @Test
    void unreachableWorkspaceIsTransient() {
        assertFailure(() -> {
            throw new DatabricksException("IO error: Connection refused");
        }, false, "the call to the Databricks workspace failed");
    }

    private void assertFailure(Supplier<DatabaseCredential> answer, boolean terminal, String message) {
        assertThatThrownBy(() -> source(answer, Optional.empty()).mint())
                .isInstanceOfSatisfying(TokenRefreshException.class,
                        failure -> assertThat(failure.isTerminal()).isEqualTo(terminal))
                .hasMessageContaining(message)
                .hasMessageNotContaining("secret-token");
    }

    private DatabricksTokenSource source(Supplier<DatabaseCredential> answer, Optional<Duration> ttl) {
        PostgresService service = (PostgresService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PostgresService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("generateDatabaseCredential")) {
                        sent.set((GenerateDatabaseCredentialRequest) args[0]);
                        return answer.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        WorkspaceApis client = WorkspaceApis.of(new WorkspaceClient(true).withPostgresImpl(service));
        return new DatabricksTokenSource(() -> client, ENDPOINT, ttl, Clock.fixed(NOW, ZoneOffset.UTC),
                PropertyNames.of(DataSourceUtil.DEFAULT_DATASOURCE_NAME));
    }

    private static DatabaseCredential credential(String token, long expireEpochSecond) {
        return new DatabaseCredential().setToken(token)
                .setExpireTime(Timestamp.newBuilder().setSeconds(expireEpochSecond).build());
    }
}
