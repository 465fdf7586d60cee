package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Connections on behalf of signed-in users ({@code @OnBehalfOfUser DataSource}, {@code Lakebase.asUser()}): one small
 * pool per user, at most so many users at once. Each user's connections count against Lakebase's connection limit:
 * plan {@code max-users} × {@code connections-per-user} per replica next to the application's own pool.
 */
@ConfigGroup
public interface UserPoolsConfig {

    /**
     * The most users whose pools are kept at once. Beyond it, the pool of the user seen longest ago is closed, once its
     * connections in use are returned. A user whose pool was closed gets a new one on the next request; the user's
     * token is kept until it expires, so no token is minted again for it.
     */
    @WithDefault("10")
    int maxUsers();

    /**
     * The most connections of one user's pool.
     */
    @WithDefault("2")
    int connectionsPerUser();

    /**
     * How long a user's pool is kept without being used; it is then closed, once its connections in use are returned.
     */
    @WithDefault("5M")
    Duration idleTimeout();
}
