package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseProperties;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionListener;
import io.quarkiverse.lakebase.runtime.token.RefreshListener;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkiverse.lakebase.runtime.token.TokenUnavailableException;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The logins of the Lakebase datasources: for each, the checked settings, the role, and the token cache it shares with
 * every datasource on the same endpoint and identity. Everything is built on first use, so a connection opened before
 * start-up completes (schema migration, ORM) still gets a token.
 */
@Singleton
public class LakebaseCredentials {

    private final LakebaseRuntimeConfig config;
    private final List<String> datasources;
    private final Instance<RefreshListener> refreshListeners;
    private final Instance<ConnectionListener> connectionListeners;
    private final Map<String, LakebaseLogin> logins = new LinkedHashMap<>();
    private volatile TokenCaches caches;

    public LakebaseCredentials(LakebaseRuntimeConfig config, LakebaseDatasourceNames names,
            @Any Instance<RefreshListener> refreshListeners, @Any Instance<ConnectionListener> connectionListeners) {
        this.config = config;
        this.datasources = names.names();
        this.refreshListeners = refreshListeners;
        this.connectionListeners = connectionListeners;
    }

    /** The names of the Lakebase datasources, the default one first. */
    public List<String> datasources() {
        return datasources;
    }

    /** The login of the default datasource. */
    public LakebaseLogin login() {
        return login(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /** The user name and password (token) source of a datasource's new physical connections. */
    public LakebaseLogin login(String datasource) {
        synchronized (logins) {
            LakebaseLogin login = logins.get(datasource);
            if (login == null) {
                LakebaseDatasourceConfig settings = config.datasource(datasource);
                if (settings == null) {
                    throw new LakebaseConfigurationException("No Lakebase datasource named '" + datasource + "'");
                }
                login = LakebaseLogin.create(settings, LakebaseProperties.of(datasource), caches());
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

    /** The token caches of all datasources, each once, however many datasources share it. */
    public List<EndpointTokens> endpointTokens() {
        return caches().all().stream().map(shared -> new EndpointTokens(shared.endpoint(), shared.cache())).toList();
    }

    /** The password a new connection of the default datasource logs in with now. Never logged. */
    public String currentPassword(Duration timeout) {
        return login().currentPassword(timeout);
    }

    /** The default datasource's login state now; never throws for a configuration the user fixed. */
    public LakebaseStatus status() {
        return status(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    /** A datasource's login state now, for health checks and the Dev UI. */
    public LakebaseStatus status(String datasource) {
        LakebaseLogin login = login(datasource);
        return LakebaseStatus.of(login, Optional.ofNullable(login.cache()).map(TokenCache::state), Instant.now());
    }

    private TokenCaches caches() {
        TokenCaches current = caches;
        if (current == null) {
            synchronized (this) {
                current = caches;
                if (current == null) {
                    List<RefreshListener> observers = new ArrayList<>();
                    refreshListeners.forEach(observers::add);
                    current = new TokenCaches(observers);
                    caches = current;
                }
            }
        }
        return current;
    }

    /** Begins the first mints in the background; {@link #start} then waits for them. */
    void mintEarly() {
        for (String datasource : datasources) {
            Optional.ofNullable(login(datasource).cache()).ifPresent(TokenCache::refreshNow);
        }
    }

    void start(@Observes StartupEvent event) {
        ConnectionEvents.register(LakebaseLog.CONNECTIONS);
        connectionListeners.forEach(ConnectionEvents::register);
        try {
            for (String datasource : datasources) {
                start(datasource);
            }
        } catch (RuntimeException e) {
            // start-up fails: no ShutdownEvent will stop the refresh threads
            close();
            throw e;
        }
    }

    private void start(String datasource) {
        LakebaseDatasourceConfig settings = config.datasource(datasource);
        boolean failOnStartup = settings == null || settings.token().failOnStartup();
        LakebaseLogin started = login(datasource);
        if (started.cache() == null) {
            LakebaseLog.LOG.debugf("Lakebase %s on %s uses a native PostgreSQL password",
                    LakebaseProperties.of(datasource), started.settings().describe());
            return;
        }
        try {
            started.cache().start(failOnStartup, settings.token().acquireTimeout());
            started.username();
            LakebaseLog.LOG.infof("Lakebase %s ready for %s@%s", LakebaseProperties.of(datasource), started.username(),
                    started.settings().describe());
        } catch (TokenUnavailableException | LakebaseConfigurationException e) {
            if (failOnStartup) {
                throw e;
            }
            LakebaseLog.LOG.warnf("Lakebase %s is not ready yet, connections will retry: %s",
                    LakebaseProperties.of(datasource), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        ConnectionEvents.unregister(LakebaseLog.CONNECTIONS);
        connectionListeners.forEach(ConnectionEvents::unregister);
        close();
    }

    private void close() {
        synchronized (logins) {
            logins.values().forEach(ConnectionEvents::removeRecovery);
            logins.clear();
        }
        TokenCaches current = caches;
        if (current != null) {
            current.close();
        }
    }
}
