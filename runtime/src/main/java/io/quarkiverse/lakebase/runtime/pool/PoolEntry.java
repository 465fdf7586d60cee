package io.quarkiverse.lakebase.runtime.pool;

import java.sql.Connection;
import java.util.Optional;

import io.agroal.api.transaction.TransactionAware;
import io.agroal.pool.wrapper.ConnectionWrapper;

/**
 * Agroal's own record of one physical connection, which the pool's API does not hand out. This is the only place that
 * relies on Agroal's pool implementation rather than its API: an {@link io.agroal.api.AgroalPoolInterceptor} is given
 * a {@link ConnectionWrapper} around the physical connection, and the wrapper's handler is the pool entry.
 * <p>
 * Marking an entry flush-only ({@link TransactionAware#setFlushOnly()}, part of Agroal's API) while it is checked out
 * is how Agroal itself retires a connection at its max lifetime or after a fatal error: when it is returned, the pool
 * closes it instead of making it available again.
 */
final class PoolEntry {

    private PoolEntry() {
    }

    /** The pool entry of the connection an interceptor is given; empty for a connection Agroal's pool did not wrap. */
    static Optional<TransactionAware> of(Connection connection) {
        return connection instanceof ConnectionWrapper wrapper ? Optional.of(wrapper.getHandler()) : Optional.empty();
    }
}
