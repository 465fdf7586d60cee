package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import com.databricks.sdk.WorkspaceClient;

import io.quarkiverse.lakebase.ConnectionListener;
import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.LakebaseStatus;
import io.quarkiverse.lakebase.LakebaseWorkspace;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * The logins of the Lakebase datasources: for each, the checked settings, the role, and the token cache it shares with
 * every datasource on the same endpoint and identity. Everything is built on first use, so a connection opened before
 * start-up completes (schema migration, ORM) still gets a token.
 */
@Singleton
public class LakebaseLogins {

    private final LakebaseRuntimeConfig config;
    private final List<String> datasources;
    private final Instance<RefreshListener> refreshListeners;
    private final Instance<ConnectionListener> connectionListeners;
    private final Map<String, LakebaseLogin> logins = new LinkedHashMap<>();
    /** What {@link #start} registered with the driver's static {@link ConnectionEvents}, to unregister exactly that. */
    private final List<ConnectionListener> registered = new ArrayList<>();
    private final Lazy<TokenCaches> caches;
    private volatile boolean closed;

    public LakebaseLogins(LakebaseRuntimeConfig config, LakebaseDatasourceNames names,
            @Any Instance<RefreshListener> refreshListeners, @Any Instance<ConnectionListener> connectionListeners,
            @LakebaseWorkspace Instance<WorkspaceClient> applicationWorkspace) {
        this.config = config;
        this.datasources = names.names();
        this.refreshListeners = refreshListeners;
        this.connectionListeners = connectionListeners;
        this.caches = Lazy.of(() -> {
            List<RefreshListener> observers = new ArrayList<>();
            refreshListeners.forEach(observers::add);
            return new TokenCaches(observers, applicationWorkspace.isResolvable()
                    ? () -> WorkspaceApis.of(applicationWorkspace.get())
                    : null);
        });
    }

    /** The names of the Lakebase datasources, the default one first. */
    public List<String> datasources() {
        return datasources;
    }

    /** The datasources not switched off ({@link LakebaseDatasourceNames#isActive}). */
    public List<String> activeDatasources() {
        return datasources.stream().filter(LakebaseDatasourceNames::isActive).toList();
    }

    /** The login of the default datasource. */
    public LakebaseLogin login() {
        return login(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /** The user name and password (token) source of a datasource's new physical connections. */
    public LakebaseLogin login(String datasource) {
        synchronized (logins) {
            if (closed) {
                throw new IllegalStateException("No Lakebase login: the application is stopping");
            }
            LakebaseLogin login = logins.get(datasource);
            if (login == null) {
                LakebaseDatasourceConfig settings = config.datasource(datasource);
                if (settings == null) {
                    throw new LakebaseConfigurationException("No Lakebase datasource named '" + datasource + "'");
                }
                PropertyNames properties = PropertyNames.of(datasource);
                login = LakebaseLogin.create(settings, properties, caches(), ConfigProvider.getConfig()
                        .getOptionalValue(properties.datasourceProperty("jdbc.acquisition-timeout"), Duration.class));
                ConnectionEvents.addRecovery(login);
                logins.put(datasource, login);
            }
            return login;
        }
    }

    /** The settings the default datasource connects with, checked. */
    public LakebaseSettings settings() {
        return login().settings();
    }

    /** The default datasource's token cache, empty in native password mode. */
    public Optional<TokenCache> tokenCache() {
        return Optional.ofNullable(login().cache());
    }

    /** The token caches made so far, each once, however many datasources share it. */
    public List<EndpointTokens> endpointTokens() {
        // read by telemetry callbacks, which may run while the application stops: none then
        return caches.ifMade().filter(made -> !closed).map(made -> made.all().stream()
                .map(shared -> new EndpointTokens(shared.endpoint(), shared.cache())).toList()).orElse(List.of());
    }

    /** Mints a new token for the default datasource now; completes with its status afterwards. */
    public CompletionStage<LakebaseStatus> refreshToken() {
        return refreshToken(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /**
     * Mints a new token for a datasource now; completes with its status afterwards. The datasources that share its
     * token cache (same endpoint and identity) get the new token too.
     */
    public CompletionStage<LakebaseStatus> refreshToken(String datasource) {
        TokenCache cache = login(datasource).cache();
        return cache == null ? CompletableFuture.completedFuture(status(datasource))
                : cache.refreshNow().thenApply(token -> status(datasource));
    }

    /** The default datasource's login state now; never throws for a configuration the user fixed. */
    public LakebaseStatus status() {
        return status(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /** A datasource's login state now, for health checks and the Dev UI. */
    public LakebaseStatus status(String datasource) {
        LakebaseLogin login = login(datasource);
        return LoginStatus.of(login, Optional.ofNullable(login.cache()).map(TokenCache::state), Instant.now());
    }

    private TokenCaches caches() {
        if (closed) {
            throw new IllegalStateException("No Lakebase token cache: the application is stopping");
        }
        return caches.get();
    }

    /**
     * Begins the first mints in the background; {@link #start} then waits for them. A datasource that already has a
     * token, because a connection was opened earlier in start-up (a schema migration), mints nothing more.
     */
    void mintEarly() {
        for (String datasource : activeDatasources()) {
            LakebaseLogin login = login(datasource);
            Optional.ofNullable(login.cache()).ifPresent(TokenCache::prefetch);
            login.beginHostCheck();
        }
    }

    void start(@Observes StartupEvent event) {
        synchronized (registered) {
            registered.add(LakebaseLog.CONNECTIONS);
            connectionListeners.forEach(registered::add);
            registered.forEach(ConnectionEvents::register);
        }
        EnvironmentFallbacks.logInDevelopment();
        try {
            for (String datasource : activeDatasources()) {
                start(datasource);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start(String datasource) {
        LakebaseDatasourceConfig settings = config.datasource(datasource);
        boolean failOnStartup = settings.token().failOnStartup();
        LakebaseLogin started = login(datasource);
        if (started.cache() == null) {
            LakebaseLog.LOG.debugf("Lakebase %s on %s uses a native PostgreSQL password",
                    PropertyNames.of(datasource), started.settings().describe());
            return;
        }
        PropertyNames properties = PropertyNames.of(datasource);
        started.checkHost();
        if (failOnStartup) {
            started.start(true);
            LakebaseLog.LOG.infof("Lakebase %s ready for %s@%s", properties, started.username(),
                    started.settings().describe());
            return;
        }
        started.start(false);
        Optional<String> notReady = started.cache().state().currentToken().isPresent() ? Optional.empty()
                : Optional.of(started.cache().state().failure().map(Throwable::getMessage)
                        .orElse("its first token is still being minted"));
        if (notReady.isPresent()) {
            LakebaseLog.LOG.warnf("Lakebase %s is not ready: %s. Start-up goes on (%s=false); new connections wait up"
                    + " to %d s for a token", properties, notReady.get(), properties.name("token.fail-on-startup"),
                    started.acquireTimeout().toSeconds());
        } else {
            LakebaseLog.LOG.infof("Lakebase %s ready for %s@%s", properties,
                    started.knownUsername().orElse("(role not looked up yet)"), started.settings().describe());
        }
    }

    /**
     * Closes the token caches and their refresh threads, and unregisters from the driver's static registry. Runs when
     * the bean container shuts down: at shutdown, on a dev-mode restart, and when start-up fails after this bean was
     * created, whatever failed. Nothing is created again afterwards.
     */
    @PreDestroy
    void close() {
        synchronized (logins) {
            closed = true;
            logins.values().forEach(ConnectionEvents::removeRecovery);
            logins.clear();
        }
        synchronized (registered) {
            registered.forEach(ConnectionEvents::unregister);
            registered.clear();
        }
        caches.ifMade().ifPresent(TokenCaches::close);
    }
}
