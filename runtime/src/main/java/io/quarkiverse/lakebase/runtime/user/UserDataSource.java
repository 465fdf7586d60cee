package io.quarkiverse.lakebase.runtime.user;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections come from elsewhere at each call: the pool of a user, or of the current
 * request's user. Connections always log in as the pool's user: no user name or password is taken.
 */
class UserDataSource implements DataSource {

    /** Where each connection comes from. */
    @FunctionalInterface
    interface Connections {
        Connection next() throws SQLException;
    }

    private final Connections connections;

    UserDataSource(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connections.next();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connections on behalf of the signed-in user log in as that user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections are logged by the pools
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // bounded by the pools' acquisition time-out
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
