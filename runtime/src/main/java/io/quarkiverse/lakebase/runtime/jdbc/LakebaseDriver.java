package io.quarkiverse.lakebase.runtime.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The PostgreSQL driver of the Lakebase datasource: it reports refused logins and failed connections, and turns a
 * token that could not be obtained into an {@link SQLException}, so that the pool, the health check and the caller see
 * an ordinary JDBC failure that says why.
 * <p>
 * Not registered with {@link java.sql.DriverManager}: only the Lakebase datasource uses it.
 */
public class LakebaseDriver implements Driver {

    /** Driver property that carries why no token could be had, instead of a password. */
    public static final String TOKEN_UNAVAILABLE = "lakebase.token-unavailable";

    static final String LOGIN_REJECTED = "28P01";
    static final String CONNECTION_REJECTED = "08004";

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        String unavailable = info == null ? null : info.getProperty(TOKEN_UNAVAILABLE);
        if (unavailable != null) {
            ConnectionEvents.connectFailed(CONNECTION_REJECTED);
            throw new SQLException(unavailable, CONNECTION_REJECTED);
        }
        try {
            return postgres.connect(url, info);
        } catch (SQLException e) {
            ConnectionEvents.connectFailed(e.getSQLState());
            if (LOGIN_REJECTED.equals(e.getSQLState())) {
                ConnectionEvents.loginRejected(info == null ? null : info.getProperty("user"));
            }
            throw e;
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
