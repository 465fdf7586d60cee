package io.quarkiverse.lakebase.runtime;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.TokenConfig;
import io.quarkiverse.lakebase.runtime.databricks.DatabricksTokenSource;
import io.quarkiverse.lakebase.runtime.databricks.LazyWorkspaceClient;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceUsername;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionListener;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;
import io.quarkiverse.lakebase.runtime.token.DatabaseToken;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshListener;
import io.quarkiverse.lakebase.runtime.token.RefreshListeners;
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
    private final Instance<RefreshListener> refreshListeners;
    private final Instance<ConnectionListener> connectionListeners;
    private volatile Login login;

    public LakebaseCredentials(LakebaseRuntimeConfig config, @Any Instance<RefreshListener> refreshListeners,
            @Any Instance<ConnectionListener> connectionListeners) {
        this.config = config;
        this.refreshListeners = refreshListeners;
        this.connectionListeners = connectionListeners;
    }

    /** The user name and password (token) for a new physical connection. */
    public Login login() {
        Login current = login;
        if (current == null) {
            synchronized (this) {
                current = login;
                if (current == null) {
                    current = Login.create(config, observers());
                    ConnectionEvents.recoverWith(current);
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

    private List<RefreshListener> observers() {
        List<RefreshListener> observers = new ArrayList<>();
        refreshListeners.forEach(observers::add);
        return observers;
    }

    /** The password a new connection logs in with now: the current token, or the native password. Never logged. */
    public String currentPassword(java.time.Duration timeout) {
        Login current = login();
        return current.cache() == null ? current.settings().nativePassword().orElseThrow()
                : current.cache().token(timeout).secret();
    }

    /** The login's state now, for health checks and the Dev UI; never throws for a configuration the user fixed. */
    public LakebaseStatus status() {
        Login current = login();
        return LakebaseStatus.of(current, Optional.ofNullable(current.cache()).map(TokenCache::state),
                java.time.Instant.now());
    }

    /** Begins the first mint in the background; {@link #start} then waits for it. */
    void mintEarly() {
        tokenCache().ifPresent(TokenCache::refreshNow);
    }

    void start(@Observes StartupEvent event) {
        Login started = login();
        started.log().ifPresent(ConnectionEvents::register);
        connectionListeners.forEach(ConnectionEvents::register);
        TokenConfig token = config.token();
        if (started.cache() == null) {
            LakebaseLog.LOG.debugf("Lakebase datasource for %s uses a native PostgreSQL password",
                    started.settings().describe());
            return;
        }
        try {
            started.cache().start(token.failOnStartup(), token.acquireTimeout());
            started.username();
            LakebaseLog.LOG.infof("Lakebase datasource ready for %s@%s", started.username(),
                    started.settings().describe());
        } catch (TokenUnavailableException | LakebaseConfigurationException e) {
            if (token.failOnStartup()) {
                // start-up fails: no ShutdownEvent will stop the refresh thread
                started.close();
                throw e;
            }
            LakebaseLog.LOG.warnf("Lakebase is not ready yet, connections will retry: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        connectionListeners.forEach(ConnectionEvents::unregister);
        Login current = login;
        if (current != null) {
            current.log().ifPresent(ConnectionEvents::unregister);
            ConnectionEvents.stopRecovering(current);
            current.close();
        }
    }

    /** One resolved login: settings, role, and the token cache when tokens are used. */
    public static final class Login implements AutoCloseable, LoginRecovery {

        private final LakebaseSettings settings;
        private final LazyWorkspaceClient workspace;
        private final ExecutorRefreshScheduler scheduler;
        private final TokenCache cache;
        private final LakebaseLog log;
        private final LakebaseRuntimeConfig config;
        private volatile String username;

        private Login(LakebaseRuntimeConfig config, LakebaseSettings settings, LazyWorkspaceClient workspace,
                ExecutorRefreshScheduler scheduler, TokenCache cache, LakebaseLog log) {
            this.config = config;
            this.settings = settings;
            this.workspace = workspace;
            this.scheduler = scheduler;
            this.cache = cache;
            this.log = log;
            this.username = settings.username().orElse(null);
        }

        static Login create(LakebaseRuntimeConfig config, List<RefreshListener> observers) {
            LakebaseSettings settings = LakebaseSettings.check(config);
            if (!settings.usesTokens()) {
                if (settings.username().isEmpty()) {
                    throw new LakebaseConfigurationException("No Lakebase username: set quarkus.lakebase.username or"
                            + " the PGUSER environment variable");
                }
                return new Login(config, settings, null, null, null, null);
            }
            TokenConfig token = config.token();
            Clock clock = Clock.systemUTC();
            Random random = new SecureRandom();
            LazyWorkspaceClient workspace = new LazyWorkspaceClient(config.databricks());
            ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
            String endpoint = settings.endpoint().orElseThrow();
            LakebaseLog log = new LakebaseLog(endpoint);
            List<RefreshListener> listeners = new ArrayList<>(observers);
            listeners.add(0, log);
            TokenCache cache = new TokenCache(
                    new DatabricksTokenSource(workspace, endpoint, token.ttl(), clock),
                    clock, scheduler,
                    new RefreshPolicy(token.refreshBuffer(), token.retryInitialDelay(), token.retryMaxDelay(),
                            token.terminalRetryDelay(), token.remintAfterRejectionInterval(), random::nextDouble),
                    new RefreshListeners(listeners), token.refreshMode());
            return new Login(config, settings, workspace, scheduler, cache, log);
        }

        public LakebaseSettings settings() {
            return settings;
        }

        TokenCache cache() {
            return cache;
        }

        Optional<LakebaseLog> log() {
            return Optional.ofNullable(log);
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
                        known = WorkspaceUsername.resolve(workspace.get());
                        username = known;
                    }
                }
            }
            return known;
        }

        @Override
        public Optional<String> passwordAfterRejection(String rejectedPassword) {
            return cache == null ? Optional.empty()
                    : cache.afterRejectedLogin(rejectedPassword, config.token().acquireTimeout())
                            .map(DatabaseToken::secret);
        }

        @Override
        public java.time.Duration wakeUpTimeout() {
            return config.wakeUpTimeout();
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
