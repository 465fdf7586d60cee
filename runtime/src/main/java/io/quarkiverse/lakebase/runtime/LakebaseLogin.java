package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseProperties;
import io.quarkiverse.lakebase.runtime.databricks.LazyWorkspaceClient;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceUsername;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;
import io.quarkiverse.lakebase.runtime.token.DatabaseToken;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * How one datasource logs in: its checked settings, its role, and the token cache when tokens are used.
 */
public final class LakebaseLogin implements LoginRecovery {

    private final LakebaseDatasourceConfig config;
    private final LakebaseProperties properties;
    private final LakebaseSettings settings;
    private final TokenCaches.Shared tokens;
    private volatile String username;

    private LakebaseLogin(LakebaseDatasourceConfig config, LakebaseProperties properties, LakebaseSettings settings,
            TokenCaches.Shared tokens) {
        this.config = config;
        this.properties = properties;
        this.settings = settings;
        this.tokens = tokens;
        this.username = settings.username().orElse(null);
    }

    static LakebaseLogin create(LakebaseDatasourceConfig config, LakebaseProperties properties, TokenCaches caches) {
        LakebaseSettings settings = LakebaseSettings.check(config, properties);
        if (!settings.usesTokens()) {
            if (settings.username().isEmpty()) {
                throw new LakebaseConfigurationException("No Lakebase username: set " + properties.hint("username"));
            }
            return new LakebaseLogin(config, properties, settings, null);
        }
        String endpoint = settings.endpoint().orElseThrow();
        return new LakebaseLogin(config, properties, settings, caches.forDatasource(endpoint, config, properties));
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
        return Optional.ofNullable(username);
    }

    /** The PostgreSQL role; looked up in the workspace once when not configured. */
    public String username() {
        String known = username;
        if (known == null) {
            synchronized (this) {
                known = username;
                if (known == null) {
                    known = WorkspaceUsername.resolve(workspace().get(), properties);
                    username = known;
                }
            }
        }
        return known;
    }

    /** The password a new connection logs in with now: the current token, or the native password. Never logged. */
    public String currentPassword(Duration timeout) {
        return tokens == null ? settings.nativePassword().orElseThrow() : tokens.cache().token(timeout).secret();
    }

    /** How long a connection waits for a token. */
    public Duration acquireTimeout() {
        return config.token().acquireTimeout();
    }

    private LazyWorkspaceClient workspace() {
        return tokens.workspace();
    }

    @Override
    public Optional<String> passwordAfterRejection(String rejectedPassword) {
        return tokens == null ? Optional.empty()
                : tokens.cache().afterRejectedLogin(rejectedPassword, config.token().acquireTimeout())
                        .map(DatabaseToken::secret);
    }

    @Override
    public Duration wakeUpTimeout() {
        return config.wakeUpTimeout();
    }
}
