package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigGroup;

/**
 * How the physical connections of the Lakebase datasource are recycled.
 */
@ConfigGroup
public interface PoolConfig {

    /**
     * How much shorter than {@code quarkus.datasource.jdbc.max-lifetime} the lifetime of a physical connection may be.
     * Each connection draws its own lifetime between the max lifetime minus this jitter and the max lifetime, and is
     * closed the first time it is returned to the pool after that lifetime, never while it is in use; so connections
     * opened together (pool warm-up, a burst) are not all closed, and do not all log in again, at the same moment. A
     * connection left idle past its lifetime is closed on its next return, by idle removal, or at the latest at the max
     * lifetime.
     * <p>
     * {@code 0} disables the jitter. Must be shorter than the max lifetime; ignored when the datasource has no max
     * lifetime.
     */
    @ConfigDocDefault("15 % of quarkus.datasource.jdbc.max-lifetime")
    Optional<Duration> maxLifetimeJitter();
}
