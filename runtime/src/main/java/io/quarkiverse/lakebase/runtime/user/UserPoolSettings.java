package io.quarkiverse.lakebase.runtime.user;

import java.time.Duration;
import java.util.Optional;

/**
 * How each user's pool connects: the application's datasource's URL and driver properties, with the sizes of
 * {@code quarkus.lakebase.on-behalf-of-user.*}.
 *
 * @param options the datasource's JDBC {@code options}: its session limits ({@code statement-timeout},
 *        {@code idle-in-transaction-session-timeout}) and the user's own, so that a user's connections have the limits
 *        the application's have
 */
record UserPoolSettings(String jdbcUrl, String sslMode, String applicationName, Optional<String> options,
        int connectionsPerUser, Duration acquisitionTimeout, Duration maxLifetime, Duration idleTimeout,
        Duration acquireTimeout) {
}
