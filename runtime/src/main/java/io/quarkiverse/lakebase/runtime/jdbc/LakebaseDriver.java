package io.quarkiverse.lakebase.runtime.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The PostgreSQL driver of the Lakebase datasource:
 * <ul>
 * <li>a login refused with SQLState 28P01 is retried once with the token the application gives
 * ({@link LoginRecovery}): the newer cached token after a race with a rotation, or a freshly minted one;</li>
 * <li>a connection refused, broken, or met with "the database system is starting up" (a database waking from
 * scale-to-zero or restarting) is retried with backoff for a bounded time; a refused login never is;</li>
 * <li>a token that could not be obtained becomes an {@link SQLException}, so that the pool, the health check and the
 * caller see an ordinary JDBC failure that says why;</li>
 * <li>refused logins and failed connections are reported to {@link ConnectionListener}s.</li>
 * </ul>
 * <p>
 * Not registered with {@link java.sql.DriverManager}: only the Lakebase datasource uses it.
 */
public class LakebaseDriver implements Driver {

    /** Driver property that carries why no token could be had, instead of a password. */
    public static final String TOKEN_UNAVAILABLE = "lakebase.token-unavailable";

    public static final String LOGIN_REJECTED = "28P01";
    static final String CONNECTION_REJECTED = "08004";
    /** Refused connection, broken connection, "the database system is starting up": a database waking up. */
    static final Set<String> WAKING_UP = Set.of("08001", "08006", "57P03");
    static final Duration FIRST_WAKE_UP_DELAY = Duration.ofMillis(250);
    static final Duration MAX_WAKE_UP_DELAY = Duration.ofSeconds(2);

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        String unavailable = info == null ? null : info.getProperty(TOKEN_UNAVAILABLE);
        if (unavailable != null) {
            ConnectionEvents.connectFailed(CONNECTION_REJECTED);
            throw new SQLException(unavailable, CONNECTION_REJECTED);
        }
        Properties attempt = info;
        boolean loginRetried = false;
        long wakeUpDeadline = 0;
        Duration delay = FIRST_WAKE_UP_DELAY;
        while (true) {
            try {
                return postgres.connect(url, attempt);
            } catch (SQLException e) {
                String sqlState = e.getSQLState();
                ConnectionEvents.connectFailed(sqlState);
                if (LOGIN_REJECTED.equals(sqlState)) {
                    ConnectionEvents.loginRejected(attempt == null ? null : attempt.getProperty("user"));
                    Optional<String> retry = loginRetried || attempt == null ? Optional.empty()
                            : ConnectionEvents.passwordAfterRejection(attempt.getProperty("password"));
                    if (retry.isEmpty()) {
                        throw e;
                    }
                    loginRetried = true;
                    attempt = withPassword(attempt, retry.get());
                    continue;
                }
                if (!WAKING_UP.contains(sqlState)) {
                    throw e;
                }
                long now = System.nanoTime();
                if (wakeUpDeadline == 0) {
                    wakeUpDeadline = now + ConnectionEvents.wakeUpTimeout().toNanos();
                }
                if (now + delay.toNanos() > wakeUpDeadline) {
                    throw e;
                }
                ConnectionEvents.connectRetried(sqlState, delay);
                pause(delay, e);
                delay = delay.multipliedBy(2).compareTo(MAX_WAKE_UP_DELAY) > 0 ? MAX_WAKE_UP_DELAY
                        : delay.multipliedBy(2);
            }
        }
    }

    private static Properties withPassword(Properties original, String password) {
        Properties copy = new Properties();
        copy.putAll(original);
        copy.setProperty("password", password);
        return copy;
    }

    private static void pause(Duration delay, SQLException cause) throws SQLException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
