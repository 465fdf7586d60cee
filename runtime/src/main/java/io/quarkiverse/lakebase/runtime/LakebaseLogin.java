package io.quarkiverse.lakebase.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.TokenUnavailableException;
import io.quarkiverse.lakebase.runtime.config.HostCheck;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceUsername;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * How one datasource logs in: its checked settings, its role, and the token cache when tokens are used. Every wait is
 * bounded by the datasource's {@code token.acquire-timeout}, and a failure that a longer wait could have mended names
 * that property.
 */
public final class LakebaseLogin implements LoginRecovery {

    private final LakebaseDatasourceConfig config;
    private final PropertyNames properties;
    private final LakebaseSettings settings;
    private final TokenCaches.Shared tokens;
    private final UsernameLookup username;
    private EndpointHostCheck hostCheck;

    private LakebaseLogin(LakebaseDatasourceConfig config, PropertyNames properties, LakebaseSettings settings,
            TokenCaches.Shared tokens, UsernameLookup username) {
        this.config = config;
        this.properties = properties;
        this.settings = settings;
        this.tokens = tokens;
        this.username = username;
    }

    /**
     * @param acquisitionTimeout the datasource's {@code jdbc.acquisition-timeout}, which every wait here must fit in
     */
    static LakebaseLogin create(LakebaseDatasourceConfig config, PropertyNames properties, TokenCaches caches,
            Optional<Duration> acquisitionTimeout) {
        LakebaseSettings settings = LakebaseSettings.check(config, properties);
        LakebaseSettings.checkAcquisitionTimeout(config, properties, acquisitionTimeout);
        if (!settings.usesTokens()) {
            String role = settings.username().orElseThrow(() -> new LakebaseConfigurationException(
                    "No Lakebase username: set " + properties.hint("username")));
            return new LakebaseLogin(config, properties, settings, null,
                    new UsernameLookup(Optional.of(role), null, null, Clock.systemUTC()));
        }
        TokenCaches.Shared tokens = caches.forDatasource(settings.endpoint().orElseThrow(), config, properties);
        UsernameLookup username = new UsernameLookup(settings.username(),
                () -> WorkspaceUsername.resolve(tokens.workspace().get(), properties), tokens.scheduler(),
                Clock.systemUTC());
        return new LakebaseLogin(config, properties, settings, tokens, username);
    }

    public LakebaseSettings settings() {
        return settings;
    }

    /** The Quarkus name of the datasource. */
    public String datasource() {
        return properties.datasource();
    }

    TokenCache cache() {
        return tokens == null ? null : tokens.cache();
    }

    /** The PostgreSQL role if already known, without asking the workspace. */
    public Optional<String> knownUsername() {
        return username.known();
    }

    /** The PostgreSQL role; looked up in the workspace once when not configured. Blocks for the lookup. */
    public String username() {
        return await(username.get().toCompletableFuture());
    }

    /**
     * What a new connection logs in with, without blocking the caller: at once when the role and a usable token are
     * known; otherwise completed from the token refresh threads, within the acquire time-out.
     */
    public CompletionStage<Credentials> credentialsAsync() {
        CompletionStage<String> password = tokens == null
                ? CompletableFuture.completedFuture(settings.nativePassword().orElseThrow())
                : tokenAsync().thenApply(DatabaseToken::secret);
        CompletionStage<String> role = username.get();
        if (role.toCompletableFuture().isDone()) {
            return role.thenCombine(password, Credentials::new);
        }
        return role.toCompletableFuture().copy().orTimeout(acquireTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenCombine(password, Credentials::new)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(withHint(failure)));
    }

    /** The current token, or the next one within the acquire time-out. */
    public CompletionStage<DatabaseToken> tokenAsync() {
        return tokens.cache().tokenAsync(acquireTimeout())
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(withHint(failure)));
    }

    /**
     * Mints the first token unless one is cached and, when {@code failFast}, waits for it through transient failures.
     */
    void start(boolean failFast) {
        if (tokens == null) {
            return;
        }
        if (failFast) {
            await(tokenAsync().toCompletableFuture());
        } else {
            tokens.cache().prefetch();
        }
    }

    /** Begins asking the workspace for the endpoint's hosts, when the host is to be checked. */
    synchronized void beginHostCheck() {
        if (hostCheck == null && tokens != null && config.hostCheck() != HostCheck.DISABLED) {
            hostCheck = EndpointHostCheck.begin(tokens.workspace(), settings.endpoint().orElseThrow(),
                    tokens.scheduler());
        }
    }

    /** Checks the configured host against the endpoint's hosts, as {@code host-check} says. */
    void checkHost() {
        beginHostCheck();
        EndpointHostCheck check;
        synchronized (this) {
            check = hostCheck;
        }
        if (check != null) {
            check.judge(settings.host(), config.hostCheck(), properties);
        }
    }

    /** The password a new connection logs in with now: the current token, or the native password. Never logged. */
    public String currentPassword() {
        return tokens == null ? settings.nativePassword().orElseThrow() : await(tokenAsync().toCompletableFuture()).secret();
    }

    /** How long a connection waits for a token. */
    public Duration acquireTimeout() {
        return config.token().acquireTimeout();
    }

    @Override
    public Optional<String> passwordAfterRejection(String rejectedPassword) {
        return tokens == null ? Optional.empty()
                : tokens.cache().afterRejectedLogin(rejectedPassword, acquireTimeout()).map(DatabaseToken::secret);
    }

    @Override
    public Duration wakeUpTimeout() {
        return config.wakeUpTimeout();
    }

    private <T> T await(CompletableFuture<T> pending) {
        try {
            // the stages complete within the acquire time-out by themselves; the margin guards against a stalled thread
            return pending.get(acquireTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // the stages say why, naming what to raise where a longer wait could help
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new TokenUnavailableException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw withHint(new TokenUnavailableException("No Lakebase login within " + acquireTimeout().toSeconds() + " s",
                    e, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while waiting for the Lakebase login", e);
        }
    }

    /** The failure itself; one that a longer wait could have mended says which property gives it. */
    private RuntimeException withHint(Throwable failure) {
        Throwable reason = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (reason instanceof TokenUnavailableException unavailable && unavailable.isTimeout()) {
            return new TokenUnavailableException(unavailable.getMessage() + " (raise "
                    + properties.name("token.acquire-timeout") + " to wait longer)", unavailable.getCause(), true);
        }
        if (reason instanceof TimeoutException) {
            return new TokenUnavailableException("The Lakebase username could not be looked up within "
                    + acquireTimeout().toSeconds() + " s (raise " + properties.name("token.acquire-timeout")
                    + " to wait longer)", reason, true);
        }
        return reason instanceof RuntimeException runtime ? runtime
                : new TokenUnavailableException(String.valueOf(reason.getMessage()), reason);
    }

    /** A role and its password. {@link #toString()} never shows the password. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
