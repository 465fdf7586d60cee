package io.quarkiverse.lakebase.runtime.pool;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalPoolInterceptor;
import io.agroal.api.transaction.TransactionAware;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseProperties;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
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

    /** System.nanoTime() after which each live pool entry is retired; entries leave when Agroal destroys them. */
    private final Map<TransactionAware, Long> deadlines = new ConcurrentHashMap<>();
    private final ConnectionLifetimes lifetimes;

    /**
     * @param lifetimes the lifetimes to draw; null when the pool has no max lifetime, and there is nothing to stagger
     */
    StaggeredRetirement(ConnectionLifetimes lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** For one Lakebase datasource: its Agroal max lifetime and its Lakebase jitter, checked. */
    public static StaggeredRetirement forDatasource(String datasource) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        LakebaseProperties properties = LakebaseProperties.of(datasource);
        LakebaseDatasourceConfig lakebase = config.getConfigMapping(LakebaseRuntimeConfig.class).datasource(datasource);
        Optional<Duration> maxLifetime = config.getOptionalValue(properties.datasourceProperty("jdbc.max-lifetime"),
                Duration.class);
        // zero disables Agroal's max lifetime: then there is nothing to stagger
        return new StaggeredRetirement(maxLifetime.filter(max -> !max.isZero() && !max.isNegative())
                .map(max -> new ConnectionLifetimes(max, LakebaseSettings.maxLifetimeJitter(lakebase, properties, max),
                        () -> ThreadLocalRandom.current().nextDouble()))
                .orElse(null));
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (lifetimes != null) {
            PoolEntry.of(connection)
                    .ifPresent(entry -> deadlines.put(entry, System.nanoTime() + lifetimes.next().toNanos()));
        }
    }

    /** Called while the returning connection is still checked out, before the pool makes it available again. */
    @Override
    public void onConnectionReturn(Connection connection) {
        PoolEntry.of(connection).ifPresent(entry -> {
            Long deadline = deadlines.get(entry);
            if (deadline != null && System.nanoTime() - deadline >= 0) {
                entry.setFlushOnly();
            }
        });
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        PoolEntry.of(connection).ifPresent(deadlines::remove);
    }
}
