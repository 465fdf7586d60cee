package io.quarkiverse.lakebase.runtime.user;

import java.time.Duration;

/**
 * How each user's pool connects: the application's datasource's URL and driver properties, with the sizes of
 * {@code quarkus.lakebase.on-behalf-of-user.*}.
 */
record UserPoolSettings(String jdbcUrl, String sslMode, String applicationName, int connectionsPerUser,
        Duration acquisitionTimeout, Duration maxLifetime, Duration idleTimeout, Duration acquireTimeout) {
}
