package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * The local Lakebase: an embedded PostgreSQL with password authentication and a Databricks workspace emulator that
 * mints rotating tokens, started without Docker.
 */
@ConfigGroup
public interface DevServicesConfig {

    /**
     * Whether the local Lakebase starts in dev and test mode. It never starts when {@code quarkus.lakebase.host} (or
     * {@code PGHOST}) is set.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Lifetime of each token the workspace emulator mints. Short lifetimes let tests watch the token rotate.
     */
    @WithDefault("1H")
    Duration tokenTtl();

    /**
     * Fixed port of the local PostgreSQL; a free port is chosen when not set.
     */
    Optional<Integer> port();

    /**
     * Fixed port of the workspace emulator; a free port is chosen when not set.
     */
    Optional<Integer> emulatorPort();

    /**
     * Users of the local workspace, for connections on behalf of the signed-in user: each gets a PostgreSQL role of
     * the same name, and the workspace emulator issues access tokens for them (as the Databricks Apps proxy forwards a
     * signed-in user's token). A database token minted with a user's access token logs in as that user's role only.
     */
    Optional<List<String>> users();

    /**
     * Name of the database created in the local PostgreSQL.
     */
    @WithDefault(LakebaseDefaults.DATABASE)
    String database();
}
