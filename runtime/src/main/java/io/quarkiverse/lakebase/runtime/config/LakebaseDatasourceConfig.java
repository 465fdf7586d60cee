package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigDocEnum;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * Connection of one datasource to a Databricks Lakebase PostgreSQL endpoint.
 * <p>
 * For the default datasource, each connection property falls back to the environment variable that Databricks Apps
 * injects, so an application deployed there needs no configuration at all. Named datasources have no such fallback.
 */
@ConfigGroup
public interface LakebaseDatasourceConfig {

    /**
     * The Lakebase endpoint whose credentials are minted, as
     * {@code projects/<project>/branches/<branch>/endpoints/<endpoint>}.
     * <p>
     * Falls back to the {@code LAKEBASE_ENDPOINT} environment variable. Not needed when
     * {@code quarkus.lakebase.password} is set.
     */
    Optional<String> endpoint();

    /**
     * Host name of the Lakebase PostgreSQL endpoint.
     * <p>
     * Falls back to the {@code PGHOST} environment variable.
     */
    Optional<String> host();

    /**
     * Port of the Lakebase PostgreSQL endpoint.
     * <p>
     * Falls back to the {@code PGPORT} environment variable.
     */
    @WithDefault(LakebaseDefaults.PORT)
    @WithConverter(PortConverter.class)
    int port();

    /**
     * Name of the PostgreSQL database.
     * <p>
     * Falls back to the {@code PGDATABASE} environment variable.
     */
    Optional<String> database();

    /**
     * PostgreSQL role to log in as.
     * <p>
     * Falls back to the {@code PGUSER} environment variable, then to the OAuth client id of the Databricks
     * credentials ({@code DATABRICKS_CLIENT_ID}, a service principal's role), then to the {@code userName} of the
     * current workspace user.
     */
    Optional<String> username();

    /**
     * SSL mode of the connection, one of {@code disable}, {@code allow}, {@code prefer}, {@code require},
     * {@code verify-ca}, {@code verify-full}.
     * <p>
     * Falls back to the {@code PGSSLMODE} environment variable.
     */
    @WithDefault(LakebaseDefaults.SSL_MODE)
    @WithConverter(SslModeConverter.class)
    @ConfigDocEnum(enforceHyphenateValues = true)
    SslMode sslMode();

    /**
     * Application name reported to PostgreSQL ({@code application_name}). Defaults to {@code quarkus.application.name}.
     * <p>
     * Falls back to the {@code PGAPPNAME} environment variable.
     */
    Optional<String> applicationName();

    /**
     * A native PostgreSQL password. When set, no OAuth token is minted and no endpoint or Databricks workspace is
     * needed.
     */
    Optional<String> password();

    /** The native password when one is set (not empty): then the datasource never calls the workspace. */
    default Optional<String> nativePassword() {
        return password().filter(value -> !value.isEmpty());
    }

    /**
     * How long a new connection keeps retrying while PostgreSQL refuses connections or is still starting up, as when a
     * Lakebase endpoint wakes from scale-to-zero or restarts. A refused login is never retried as a wake-up. Must not be
     * longer than {@code quarkus.datasource.jdbc.acquisition-timeout}, so that a caller still waits when the database
     * is back.
     */
    @WithDefault("15S")
    Duration wakeUpTimeout();

    /**
     * What start-up does when the configured host is not one of the endpoint's hosts, as the workspace lists them
     * ({@code GET /api/2.0/postgres/<endpoint>}): {@code strict} fails start-up, {@code lenient} logs a warning,
     * {@code disabled} does not ask. A host copied from another branch otherwise shows up only as refused logins.
     * An unknown endpoint is a warning, and a workspace that does not answer within 3 seconds is passed over, in every
     * mode.
     */
    @WithDefault("strict")
    HostCheck hostCheck();

    /**
     * Longest time a statement may run before PostgreSQL cancels it (SQLState 57014), on every connection of the
     * datasource, JDBC and reactive; PostgreSQL's {@code statement_timeout}. Not set: the role's or server's setting.
     */
    Optional<Duration> statementTimeout();

    /**
     * Longest time a session may sit idle inside an open transaction before PostgreSQL ends it, on every connection of
     * the datasource, JDBC and reactive; PostgreSQL's {@code idle_in_transaction_session_timeout}. Not set: the role's
     * or server's setting.
     */
    Optional<Duration> idleInTransactionSessionTimeout();

    /**
     * How the OAuth database token is minted and refreshed.
     */
    TokenConfig token();

    /**
     * How the physical connections of the datasource are recycled.
     */
    PoolConfig pool();

    /**
     * Connections on behalf of the signed-in users of HTTP requests (default datasource).
     */
    UserPoolsConfig onBehalfOfUser();

    /**
     * The Databricks workspace that mints tokens. Everything not set here is resolved by the Databricks SDK's unified
     * authentication (environment variables such as {@code DATABRICKS_HOST}, {@code DATABRICKS_CLIENT_ID},
     * {@code DATABRICKS_CLIENT_SECRET}, {@code DATABRICKS_TOKEN}, then {@code ~/.databrickscfg}).
     */
    WorkspaceConfig databricks();
}
