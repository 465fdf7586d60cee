package io.quarkiverse.lakebase.runtime.user;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.quarkiverse.lakebase.TokenUnavailableException;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.token.TokenCache;

/**
 * One signed-in user's pool: a few connections that log in as the user's role with tokens of the user's own cache.
 * <p>
 * A pool that is evicted (too many users, or idle) retires: it hands out no more connections, and closes when the last
 * connection it lent is closed, so eviction never breaks a transaction in flight. A caller that meets a retired pool
 * asks the registry again, which makes a new one.
 */
final class UserPool {

    private final String username;
    private final TokenCache tokens;
    private final AgroalDataSource pool;
    private final Duration acquireTimeout;
    private final Runnable onClose;
    private final AtomicInteger leases = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retiring;
    private volatile long lastUsed = System.nanoTime();

    /**
     * @param settings how the application's datasource connects: URL, driver properties, pool size
     * @param tokens the user's token cache, which the pool uses but does not own: the user's next pool may share it
     * @param onClose told once, when the pool has closed
     */
    UserPool(String username, TokenCache tokens, UserPoolSettings settings, Runnable onClose) throws SQLException {
        this.username = username;
        this.tokens = tokens;
        this.acquireTimeout = settings.acquireTimeout();
        this.onClose = onClose;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool.maxSize(settings.connectionsPerUser()).minSize(0)
                        .acquisitionTimeout(settings.acquisitionTimeout()).maxLifetime(settings.maxLifetime())
                        .reapTimeout(settings.idleTimeout())
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(settings.jdbcUrl())
                                    .connectionProviderClass(LakebaseDriver.class)
                                    .jdbcProperty("sslmode", settings.sslMode())
                                    .jdbcProperty("ApplicationName", settings.applicationName())
                                    .principal(new NamePrincipal(username))
                                    .credential(this)
                                    .addSecurityProvider(login -> login == this ? password() : null);
                            settings.options().ifPresent(options -> factory.jdbcProperty("options", options));
                            return factory;
                        }));
        this.pool = AgroalDataSource.from(configuration);
    }

    String username() {
        return username;
    }

    /** When the pool was last used, in {@link System#nanoTime()}. */
    long lastUsed() {
        return lastUsed;
    }

    int leases() {
        return leases.get();
    }

    /**
     * A connection that logs in as the user.
     *
     * @throws RetiredPoolException when the pool retired meanwhile: the caller asks the registry for the user's pool
     *         again
     */
    Connection getConnection() throws SQLException {
        leases.incrementAndGet();
        lastUsed = System.nanoTime();
        if (retiring) {
            release();
            throw new RetiredPoolException();
        }
        try {
            return lent(pool.getConnection());
        } catch (SQLException e) {
            release();
            throw LakebaseDriver.LOGIN_REJECTED.equals(e.getSQLState()) ? refused(e) : e;
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    /** Hands out no more connections; closes once the last one lent is back. */
    void retire() {
        retiring = true;
        if (leases.get() == 0) {
            close();
        }
    }

    private void release() {
        lastUsed = System.nanoTime();
        if (leases.decrementAndGet() == 0 && retiring) {
            close();
        }
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
            onClose.run();
        }
    }

    /** The password of a new physical connection: the user's current token, or why there is none. */
    private Properties password() {
        Properties login = new Properties();
        try {
            login.setProperty("password", tokens.token(acquireTimeout).secret());
        } catch (TokenUnavailableException e) {
            login.setProperty(LakebaseDriver.TOKEN_UNAVAILABLE, String.valueOf(e.getMessage()));
        }
        return login;
    }

    private SQLException refused(SQLException e) {
        return new SQLException("PostgreSQL refused the login of role '" + username + "' (SQLState 28P01): the user has"
                + " no role in this Lakebase database. Create it in the Lakebase UI (Add role) or, as a database owner,"
                + " with SELECT databricks_create_role('" + username + "', 'USER'), then grant it what the app needs",
                e.getSQLState(), e);
    }

    /** The connection, counted as lent until it is closed. */
    private Connection lent(Connection connection) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            connection.close();
                        } finally {
                            if (returned.compareAndSet(false, true)) {
                                release();
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The pool retired between the caller's lookup and its request for a connection. */
    static final class RetiredPoolException extends RuntimeException {
        RetiredPoolException() {
            super(null, null, false, false);
        }
    }
}
