package io.quarkiverse.lakebase.runtime;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.TokenConfig;
import io.quarkiverse.lakebase.runtime.databricks.DatabricksTokenSource;
import io.quarkiverse.lakebase.runtime.databricks.LazyWorkspaceClient;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceUsername;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshPolicy;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkiverse.lakebase.runtime.token.TokenUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The login of the Lakebase datasource: the checked settings, the role, and the token cache with its lifecycle.
 * Everything is built on first use, so a connection opened before start-up completes (schema migration, ORM) still
 * gets a token.
 */
@Singleton
public class LakebaseCredentials {

    private final LakebaseRuntimeConfig config;
    private volatile Login login;

    public LakebaseCredentials(LakebaseRuntimeConfig config) {
        this.config = config;
    }

    /** The user name and password (token) for a new physical connection. */
    public Login login() {
        Login current = login;
        if (current == null) {
            synchronized (this) {
                current = login;
                if (current == null) {
                    current = Login.create(config);
                    login = current;
                }
            }
        }
        return current;
    }

    /** The settings the datasource connects with, checked. */
    public LakebaseSettings settings() {
        return login().settings();
    }

    /** The token cache, empty in native password mode. */
    public Optional<TokenCache> tokenCache() {
        return Optional.ofNullable(login().cache());
    }

    void start(@Observes StartupEvent event) {
        Login started = login();
        TokenConfig token = config.token();
        if (started.cache() == null) {
            TokenRefreshLog.LOG.debugf("Lakebase datasource for %s uses a native PostgreSQL password",
                    started.settings().describe());
            return;
        }
        try {
            started.cache().start(token.failOnStartup(), token.acquireTimeout());
            started.username();
            TokenRefreshLog.LOG.debugf("Lakebase datasource ready for %s@%s", started.username(),
                    started.settings().describe());
        } catch (TokenUnavailableException | LakebaseConfigurationException e) {
            if (token.failOnStartup()) {
                // start-up fails: no ShutdownEvent will stop the refresh thread
                started.close();
                throw e;
            }
            TokenRefreshLog.LOG.warnf("Lakebase is not ready yet, connections will retry: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        Login current = login;
        if (current != null) {
            current.close();
        }
    }

    /** One resolved login: settings, role, and the token cache when tokens are used. */
    public static final class Login implements AutoCloseable {

        private final LakebaseSettings settings;
        private final LazyWorkspaceClient workspace;
        private final ExecutorRefreshScheduler scheduler;
        private final TokenCache cache;
        private volatile String username;

        private Login(LakebaseSettings settings, LazyWorkspaceClient workspace, ExecutorRefreshScheduler scheduler,
                TokenCache cache) {
            this.settings = settings;
            this.workspace = workspace;
            this.scheduler = scheduler;
            this.cache = cache;
            this.username = settings.username().orElse(null);
        }

        static Login create(LakebaseRuntimeConfig config) {
            LakebaseSettings settings = LakebaseSettings.check(config);
            if (!settings.usesTokens()) {
                if (settings.username().isEmpty()) {
                    throw new LakebaseConfigurationException("No Lakebase username: set quarkus.lakebase.username or"
                            + " the PGUSER environment variable");
                }
                return new Login(settings, null, null, null);
            }
            TokenConfig token = config.token();
            Clock clock = Clock.systemUTC();
            Random random = new SecureRandom();
            LazyWorkspaceClient workspace = new LazyWorkspaceClient(config.databricks());
            ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
            String endpoint = settings.endpoint().orElseThrow();
            TokenCache cache = new TokenCache(
                    new DatabricksTokenSource(workspace, endpoint, token.ttl(), clock),
                    clock, scheduler,
                    new RefreshPolicy(token.refreshBuffer(), token.retryInitialDelay(), token.retryMaxDelay(),
                            token.terminalRetryDelay(), random::nextDouble),
                    new TokenRefreshLog(endpoint));
            return new Login(settings, workspace, scheduler, cache);
        }

        public LakebaseSettings settings() {
            return settings;
        }

        TokenCache cache() {
            return cache;
        }

        /** The PostgreSQL role; looked up in the workspace once when not configured. */
        public String username() {
            String known = username;
            if (known == null) {
                synchronized (this) {
                    known = username;
                    if (known == null) {
                        known = WorkspaceUsername.resolve(workspace.get());
                        username = known;
                    }
                }
            }
            return known;
        }

        @Override
        public void close() {
            if (cache != null) {
                cache.close();
                scheduler.close();
            }
        }
    }
}
