package io.quarkiverse.lakebase.runtime.pool;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalPoolInterceptor;
import io.agroal.api.transaction.TransactionAware;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.smallrye.config.SmallRyeConfig;

/**
 * Gives each physical connection of a Lakebase datasource its own lifetime, a little shorter than the pool's max
 * lifetime, and retires the connection the first time it is returned to the pool after that lifetime: the same way,
 * and at the same moment in its use, as Agroal retires a connection at the max lifetime, but not for all connections
 * opened together at once. A connection is never closed while it is in use.
 * <p>
 * Agroal's own max lifetime stays the upper bound: a connection idle past its lifetime is closed on its next return,
 * by idle removal, or at the latest when Agroal's max lifetime flushes it.
 */
public class StaggeredRetirement implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.lakebase");

    /** System.nanoTime() after which each live pool entry is retired; entries leave when Agroal destroys them. */
    private final Map<TransactionAware, Long> deadlines = new ConcurrentHashMap<>();
    private final ConnectionLifetimes lifetimes;
    private final Function<Connection, Optional<TransactionAware>> entries;
    private final Consumer<Throwable> turnedOff;
    private volatile boolean off;

    /**
     * @param lifetimes the lifetimes to draw; null when the pool has no max lifetime, and there is nothing to stagger
     * @param entries finds Agroal's pool entry of a connection ({@link PoolEntry#of})
     * @param turnedOff told once, when Agroal's internals no longer are what {@link PoolEntry} relies on
     */
    StaggeredRetirement(ConnectionLifetimes lifetimes, Function<Connection, Optional<TransactionAware>> entries,
            Consumer<Throwable> turnedOff) {
        this.lifetimes = lifetimes;
        this.entries = entries;
        this.turnedOff = turnedOff;
    }

    /** For one Lakebase datasource: its Agroal max lifetime and its Lakebase jitter, checked. */
    public static StaggeredRetirement forDatasource(String datasource) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        PropertyNames properties = PropertyNames.of(datasource);
        LakebaseDatasourceConfig lakebase = config.getConfigMapping(LakebaseRuntimeConfig.class).datasource(datasource);
        Optional<Duration> maxLifetime = config.getOptionalValue(properties.datasourceProperty("jdbc.max-lifetime"),
                Duration.class);
        // zero disables Agroal's max lifetime: then there is nothing to stagger
        return new StaggeredRetirement(maxLifetime.filter(max -> !max.isZero() && !max.isNegative())
                .map(max -> new ConnectionLifetimes(max, LakebaseSettings.maxLifetimeJitter(lakebase, properties, max),
                        () -> ThreadLocalRandom.current().nextDouble()))
                .orElse(null), PoolEntry::of,
                failure -> LOG.warnf("Staggered connection lifetimes are off for the %s:"
                        + " Agroal's pool no longer has the internals they rely on (%s); connections are retired at %s"
                        + " only", properties, failure, properties.datasourceProperty("jdbc.max-lifetime")));
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (lifetimes != null) {
            entryOf(connection)
                    .ifPresent(entry -> deadlines.put(entry, System.nanoTime() + lifetimes.next().toNanos()));
        }
    }

    /** Called while the returning connection is still checked out, before the pool makes it available again. */
    @Override
    public void onConnectionReturn(Connection connection) {
        entryOf(connection).ifPresent(entry -> {
            Long deadline = deadlines.get(entry);
            if (deadline != null && System.nanoTime() - deadline >= 0) {
                entry.setFlushOnly();
            }
        });
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        entryOf(connection).ifPresent(deadlines::remove);
    }

    /**
     * The pool entry, unless Agroal's internals changed (a linkage error or a handler of another type): then this
     * interceptor turns itself off, once, and the pool goes on with Agroal's own max lifetime.
     */
    private Optional<TransactionAware> entryOf(Connection connection) {
        if (off) {
            return Optional.empty();
        }
        try {
            return entries.apply(connection);
        } catch (LinkageError | ClassCastException e) {
            turnOff(e);
            return Optional.empty();
        }
    }

    private synchronized void turnOff(Throwable failure) {
        if (!off) {
            off = true;
            deadlines.clear();
            turnedOff.accept(failure);
        }
    }
}
