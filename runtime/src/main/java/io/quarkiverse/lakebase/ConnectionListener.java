package io.quarkiverse.lakebase;

import java.time.Duration;

/**
 * Hears how physical connections of the Lakebase datasource fail. Called on the pool's thread; must not block.
 */
public interface ConnectionListener {

    /** PostgreSQL refused the login (SQLState 28P01): the token is wrong, replaced or expired, or the role is unknown. */
    default void loginRejected(String username) {
    }

    /** A physical connection could not be opened; {@code sqlState} may be null. */
    default void connectFailed(String sqlState) {
    }

    /** PostgreSQL refused the connection or is starting up; the connection is tried again after {@code delay}. */
    default void connectRetried(String sqlState, Duration delay) {
    }
}
