package io.quarkiverse.lakebase.runtime.user;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.LakebaseUser;
import io.quarkiverse.lakebase.NoSignedInUserException;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.LakebaseLogin;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.config.TokenConfig;
import io.quarkiverse.lakebase.runtime.config.UserPoolsConfig;
import io.quarkiverse.lakebase.runtime.databricks.DatabricksTokenSource;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApisFactory;
import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.jdbc.LoginRecovery;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkiverse.lakebase.runtime.token.RefreshListeners;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The pools of the signed-in users of the default Lakebase datasource, one per user, kept by the user's name as the
 * workspace tells it from the user's own access token.
 * <ul>
 * <li>Isolation: a pool, its connections and its token cache belong to one user's name, and a request reaches only
 * the pool of the user its access token belongs to. A header a client could set plays no part.</li>
 * <li>Each user's tokens are minted with the user's latest access token, refreshed ahead of expiry, and kept through
 * workspace failures, as the application's are (a {@link TokenCache} each, on shared refresh threads).</li>
 * <li>Bounded: at most {@code max-users} pools of {@code connections-per-user}; the least recently used one, and any
 * idle for {@code idle-timeout}, retire without breaking a connection in use. A retired user's last token is kept
 * until it expires, so a returning user costs no mint.</li>
 * </ul>
 */
@Singleton
public class UserPools {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.lakebase");
    /** What to do when the workspace refuses a user's access token or its permission. */
    private static final String USER_CREDENTIALS_HINT = "the workspace refused the signed-in user's access token: it"
            + " has expired or lacks the postgres scope of the app's user authorization; the user signs in again";
    private static final int REMEMBERED_TOKENS = 1000;

    private final LakebaseLogins logins;
    private final LakebaseRuntimeConfig config;
    private final Instance<ForwardedAccessToken> forwarded;
    private final Instance<UserPoolsListener> listeners;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; in order of use, the least recently used first. */
    private final Map<String, Entry> pools = new LinkedHashMap<>(16, 0.75f, true);
    /** The last token of each retired user's pool, until it expires; guarded by {@link #lock}. */
    private final Map<String, DatabaseToken> lastTokens = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DatabaseToken> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    };
    /** The token cache of each user with a pool, open or retiring; guarded by {@link #lock}. */
    private final Map<String, UserTokens> userTokens = new HashMap<>();
    private volatile Shared shared;
    private volatile boolean closed;

    public UserPools(LakebaseLogins logins, LakebaseRuntimeConfig config, Instance<ForwardedAccessToken> forwarded,
            Instance<UserPoolsListener> listeners) {
        this.logins = logins;
        this.config = config;
        this.forwarded = forwarded;
        this.listeners = listeners;
    }

    /** The signed-in user of the current HTTP request. */
    public LakebaseUser forCurrentRequest() {
        if (!forwarded.isResolvable()) {
            throw new IllegalStateException("Connections on behalf of the signed-in user need the application's HTTP"
                    + " layer (quarkus-rest, or another extension on quarkus-vertx-http)");
        }
        return forAccessToken(forwarded.get().current().orElseThrow(() -> new NoSignedInUserException(
                "No signed-in user: the request carries no " + ForwardedAccessToken.HEADER + " header. On Databricks"
                        + " Apps, turn on user authorization for the app and give it the postgres scope; in dev mode,"
                        + " send a user token of the local Lakebase in that header")));
    }

    /** The user an access token belongs to; asks the workspace the first time the token is seen. */
    public LakebaseUser forAccessToken(String accessToken) {
        String username = shared().identities.usernameOf(accessToken);
        return new PooledUser(username, new UserDataSource(() -> connection(username, accessToken)));
    }

    /** How many users' pools are kept now. */
    public int pooledUsers() {
        synchronized (lock) {
            return pools.size();
        }
    }

    /** A connection of the user's pool, made anew when the pool was retired. */
    private Connection connection(String username, String accessToken) throws SQLException {
        while (true) {
            UserPool pool = poolOf(username, accessToken);
            try {
                return pool.getConnection();
            } catch (UserPool.RetiredPoolException retired) {
                // retired between the lookup and the request: the next lookup makes a new pool
            }
        }
    }

    private UserPool poolOf(String username, String accessToken) throws SQLException {
        Shared current = shared();
        List<UserPool> evicted = new ArrayList<>();
        UserPool pool;
        synchronized (lock) {
            if (closed) {
                throw new SQLException("No connection on behalf of the user: the application is stopping");
            }
            Entry entry = pools.get(username);
            if (entry == null) {
                entry = create(current, username, accessToken);
                pools.put(username, entry);
                for (Iterator<Entry> eldest = pools.values().iterator(); pools.size() > current.limits.maxUsers();) {
                    Entry retired = eldest.next();
                    eldest.remove();
                    evicted.add(retired.pool);
                }
            } else {
                entry.accessToken.set(accessToken);
            }
            pool = entry.pool;
        }
        evicted.forEach(UserPool::retire);
        return pool;
    }

    /** Guarded by {@link #lock}. */
    private Entry create(Shared current, String username, String accessToken) throws SQLException {
        UserTokens tokens = userTokens.get(username);
        if (tokens == null) {
            tokens = newUserTokens(current, username, accessToken);
            userTokens.put(username, tokens);
        } else {
            tokens.latestAccessToken.set(accessToken);
        }
        UserTokens owner = tokens;
        UserPool pool = new UserPool(username, tokens.cache, current.settings, () -> poolClosed(username, owner));
        tokens.pools++;
        return new Entry(pool, tokens.latestAccessToken);
    }

    /**
     * A user's token cache lives while any of the user's pools does: a pool made while the evicted one still lends a
     * connection shares the cache, so the user's tokens are minted once per lifetime, not once per pool.
     */
    private void poolClosed(String username, UserTokens tokens) {
        synchronized (lock) {
            if (--tokens.pools > 0) {
                return;
            }
            userTokens.remove(username);
            ConnectionEvents.removeRecovery(tokens.recovery);
            tokens.cache.close();
            tokens.cache.state().currentToken().ifPresent(last -> lastTokens.put(username, last));
        }
    }

    /** Guarded by {@link #lock}. */
    private UserTokens newUserTokens(Shared current, String username, String accessToken) {
        AtomicReference<String> latest = new AtomicReference<>(accessToken);
        LatestClient client = new LatestClient(token -> WorkspaceApisFactory.forAccessToken(
                current.datasource.databricks(), token));
        TokenConfig token = current.datasource.token();
        TokenCache cache = new TokenCache(
                new DatabricksTokenSource(() -> client.forToken(latest.get()), current.endpoint, token.ttl(),
                        Clock.systemUTC(), current.properties, USER_CREDENTIALS_HINT),
                Clock.systemUTC(), current.refreshThreads,
                token.refreshPolicy(() -> ThreadLocalRandom.current().nextDouble()),
                new RefreshListeners(listenersOfUserTokens()));
        cache.resume(lastTokens.remove(username));
        LoginRecovery recovery = new LoginRecovery() {
            @Override
            public java.util.Optional<String> passwordAfterRejection(String rejectedPassword) {
                return cache.afterRejectedLogin(rejectedPassword, token.acquireTimeout()).map(DatabaseToken::secret);
            }

            @Override
            public Duration wakeUpTimeout() {
                return current.datasource.wakeUpTimeout();
            }
        };
        ConnectionEvents.addRecovery(recovery);
        return new UserTokens(cache, latest, recovery);
    }

    private List<RefreshListener> listenersOfUserTokens() {
        List<RefreshListener> all = new ArrayList<>();
        all.add(new RefreshListener() {
            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                // the user's name stays out of the log: the failure says what the user or the app must do
                LOG.warnf("A token on behalf of a signed-in user could not be minted: %s (attempt %d; retrying in %d ms)",
                        failure.getMessage(), consecutiveFailures, nextAttemptIn.toMillis());
            }
        });
        listeners.forEach(listener -> all.add(listener.forUserTokens()));
        return all;
    }

    /** Retires the pools idle for longer than the idle time-out. */
    private void retireIdle() {
        Shared current = shared;
        if (current == null) {
            return;
        }
        long idleSince = System.nanoTime() - current.limits.idleTimeout().toNanos();
        List<UserPool> idle = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Entry> each = pools.values().iterator(); each.hasNext();) {
                UserPool pool = each.next().pool;
                if (pool.leases() == 0 && pool.lastUsed() - idleSince < 0) {
                    each.remove();
                    idle.add(pool);
                }
            }
        }
        idle.forEach(UserPool::retire);
    }

    private Shared shared() {
        Shared current = shared;
        if (current == null) {
            synchronized (lock) {
                current = shared;
                if (current == null) {
                    current = Shared.of(logins, config);
                    shared = current;
                    scheduleIdleCheck(current);
                }
            }
        }
        return current;
    }

    private void scheduleIdleCheck(Shared current) {
        Duration every = current.limits.idleTimeout().dividedBy(2);
        current.refreshThreads.schedule(() -> {
            retireIdle();
            if (!closed) {
                scheduleIdleCheck(current);
            }
        }, every.isZero() ? Duration.ofSeconds(1) : every);
    }

    @PreDestroy
    void close() {
        List<UserPool> all = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            pools.values().forEach(entry -> all.add(entry.pool));
            pools.clear();
        }
        all.forEach(UserPool::retire);
        Shared current = shared;
        if (current != null) {
            current.refreshThreads.close();
        }
    }

    private record Entry(UserPool pool, AtomicReference<String> accessToken) {
    }

    /** A user's token cache, the user's latest access token, and how many of the user's pools use them. */
    private static final class UserTokens {
        final TokenCache cache;
        final AtomicReference<String> latestAccessToken;
        final LoginRecovery recovery;
        /** Guarded by the registry's lock. */
        int pools;

        UserTokens(TokenCache cache, AtomicReference<String> latestAccessToken, LoginRecovery recovery) {
            this.cache = cache;
            this.latestAccessToken = latestAccessToken;
            this.recovery = recovery;
        }
    }

    /** What every user's pool shares: the default datasource's settings, the limits, the refresh threads. */
    private record Shared(String endpoint, LakebaseDatasourceConfig datasource, PropertyNames properties,
            UserPoolsConfig limits, UserPoolSettings settings, UserIdentities identities,
            ExecutorRefreshScheduler refreshThreads) {

        static Shared of(LakebaseLogins logins, LakebaseRuntimeConfig config) {
            String name = DataSourceUtil.DEFAULT_DATASOURCE_NAME;
            LakebaseDatasourceConfig datasource = config.datasource(name);
            PropertyNames properties = PropertyNames.of(name);
            LakebaseLogin login = logins.login();
            LakebaseSettings settings = login.settings();
            String endpoint = settings.endpoint().orElseThrow(() -> new IllegalStateException("Connections on behalf"
                    + " of the signed-in user need OAuth tokens: " + properties.name("password") + " is set"));
            var values = ConfigProvider.getConfig();
            UserPoolsConfig limits = datasource.onBehalfOfUser();
            UserPoolSettings pool = new UserPoolSettings(
                    "jdbc:" + LakebaseDefaults.postgresqlUrl(settings.host(), String.valueOf(settings.port()),
                            settings.database()),
                    datasource.sslMode().libpqName(),
                    values.getOptionalValue(properties.datasourceProperty("jdbc.additional-jdbc-properties.ApplicationName"),
                            String.class).orElse("quarkus-lakebase"),
                    values.getOptionalValue(properties.datasourceProperty("jdbc.additional-jdbc-properties.options"),
                            String.class),
                    limits.connectionsPerUser(),
                    values.getOptionalValue(properties.datasourceProperty("jdbc.acquisition-timeout"), Duration.class)
                            .orElse(Duration.ofSeconds(30)),
                    values.getOptionalValue(properties.datasourceProperty("jdbc.max-lifetime"), Duration.class)
                            .orElse(Duration.ofMinutes(45)),
                    limits.idleTimeout(), datasource.token().acquireTimeout());
            UserIdentities identities = new UserIdentities(token -> WorkspaceApisFactory.forAccessToken(
                    datasource.databricks(), token));
            return new Shared(endpoint, datasource, properties, limits, pool, identities,
                    new ExecutorRefreshScheduler());
        }
    }

    /** The workspace client of a user's latest access token: made again when the token changes. */
    private static final class LatestClient {
        private final java.util.function.Function<String, WorkspaceApis> factory;
        private String token;
        private WorkspaceApis client;

        LatestClient(java.util.function.Function<String, WorkspaceApis> factory) {
            this.factory = factory;
        }

        synchronized WorkspaceApis forToken(String latest) {
            if (!latest.equals(token)) {
                client = factory.apply(latest);
                token = latest;
            }
            return client;
        }
    }
}
