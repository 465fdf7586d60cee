package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.config.TokenClaimsConfig;
import io.quarkiverse.lakebase.runtime.pool.ConnectionLifetimes;

/**
 * The checked connection settings: everything start-up needs is present, or start-up fails with a message that says
 * which property or environment variable to set.
 *
 * @param endpoint the endpoint whose tokens are minted; empty in native password mode
 * @param nativePassword the native PostgreSQL password; empty in token mode
 */
public record LakebaseSettings(Optional<String> endpoint, String host, int port, String database,
        Optional<String> username, Optional<String> nativePassword) {

    /** A host name or an IPv4 address; an IPv6 address in brackets. Nothing that would change the JDBC URL. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    /** Characters that would end the database name in a JDBC URL, or start parameters there. */
    private static final Pattern URL_DELIMITERS = Pattern.compile("[/?&#%\\s]");
    private static final Pattern ENDPOINT_PATH = Pattern.compile("projects/[^/\\s]+/branches/[^/\\s]+/endpoints/[^/\\s]+");
    private static final Duration MIN_TTL = Duration.ofSeconds(300);
    private static final Duration MAX_TTL = Duration.ofSeconds(3600);

    public static LakebaseSettings check(LakebaseDatasourceConfig config, PropertyNames properties) {
        Optional<String> password = config.nativePassword();
        Optional<String> endpoint = config.endpoint().filter(value -> !value.isBlank());
        if (password.isEmpty() && endpoint.isEmpty()) {
            throw new LakebaseConfigurationException("No Lakebase endpoint configured for " + properties + ": set "
                    + properties.hint("endpoint") + " (projects/<project>/branches/<branch>/endpoints/<endpoint>), or "
                    + properties.name("password") + " for native PostgreSQL authentication");
        }
        config.token().ttl().ifPresent(ttl -> checkTtl(ttl, properties));
        checkClaims(config.token().claims(), properties);
        config.statementTimeout().ifPresent(limit -> checkSessionLimit(limit, properties.name("statement-timeout")));
        config.idleInTransactionSessionTimeout().ifPresent(
                limit -> checkSessionLimit(limit, properties.name("idle-in-transaction-session-timeout")));
        endpoint.ifPresent(value -> checkEndpoint(value, properties));
        checkPositive(config.token().refreshBuffer(), properties.name("token.refresh-buffer"));
        checkPositive(config.token().retryInitialDelay(), properties.name("token.retry-initial-delay"));
        checkPositive(config.token().retryMaxDelay(), properties.name("token.retry-max-delay"));
        checkPositive(config.token().terminalRetryDelay(), properties.name("token.terminal-retry-delay"));
        checkPositive(config.token().acquireTimeout(), properties.name("token.acquire-timeout"));
        checkPositive(config.token().remintAfterRejectionInterval(),
                properties.name("token.remint-after-rejection-interval"));
        checkPositive(config.databricks().httpTimeout(), properties.name("databricks.http-timeout"));
        // at start-up; the pool, which may be made earlier, checks it against its max lifetime (maxLifetimeJitter)
        config.pool().maxLifetimeJitter().ifPresent(jitter -> checkJitterNotNegative(jitter, properties));
        if (config.wakeUpTimeout().isNegative()) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("wake-up-timeout") + " "
                    + config.wakeUpTimeout() + ": it must not be negative");
        }
        String host = checkHost(required(config.host(), "host", properties), properties);
        String database = checkDatabase(required(config.database(), "database", properties), properties);
        return new LakebaseSettings(password.isPresent() ? Optional.empty() : endpoint, host, config.port(), database,
                config.username().filter(value -> !value.isBlank()), password);
    }

    /**
     * A caller gives up waiting for a connection after the pool's acquisition time-out, whatever the connection is still
     * waiting for: a token, or a database that wakes up. A shorter acquisition time-out than either would replace the
     * reason with the pool's "acquisition timeout".
     *
     * @param acquisitionTimeout {@code quarkus.datasource.jdbc.acquisition-timeout}; zero waits for ever
     */
    public static void checkAcquisitionTimeout(LakebaseDatasourceConfig config, PropertyNames properties,
            Optional<Duration> acquisitionTimeout) {
        Duration acquisition = acquisitionTimeout.filter(timeout -> !timeout.isZero()).orElse(null);
        if (acquisition == null) {
            return;
        }
        checkNotLonger(config.token().acquireTimeout(), properties.name("token.acquire-timeout"), acquisition,
                properties);
        checkNotLonger(config.wakeUpTimeout(), properties.name("wake-up-timeout"), acquisition, properties);
    }

    private static void checkNotLonger(Duration wait, String property, Duration acquisition,
            PropertyNames properties) {
        if (wait.compareTo(acquisition) > 0) {
            String acquisitionProperty = properties.datasourceProperty("jdbc.acquisition-timeout");
            throw new LakebaseConfigurationException(property + " (" + wait.toSeconds() + " s) is longer than "
                    + acquisitionProperty + " (" + acquisition.toSeconds() + " s): a caller would give up before the"
                    + " connection could be opened; raise " + acquisitionProperty + " or lower " + property);
        }
    }

    /**
     * How much shorter than the datasource's max lifetime a connection's lifetime may be: the configured jitter or the
     * default share of the max lifetime, checked against it.
     */
    public static Duration maxLifetimeJitter(LakebaseDatasourceConfig config, PropertyNames properties,
            Duration maxLifetime) {
        config.pool().maxLifetimeJitter().ifPresent(jitter -> checkJitterNotNegative(jitter, properties));
        Duration jitter = ConnectionLifetimes.jitterOrDefault(config.pool().maxLifetimeJitter(), maxLifetime);
        if (jitter.compareTo(maxLifetime) >= 0) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("pool.max-lifetime-jitter") + " "
                    + jitter + ": it must be shorter than " + properties.datasourceProperty("jdbc.max-lifetime") + " "
                    + maxLifetime);
        }
        return jitter;
    }

    /** Never shows the native password. */
    @Override
    public String toString() {
        return "LakebaseSettings[endpoint=" + endpoint.orElse(null) + ", host=" + host + ", port=" + port + ", database="
                + database + ", username=" + username.orElse(null) + ", nativePassword="
                + (nativePassword.isPresent() ? "***" : null) + "]";
    }

    public boolean usesTokens() {
        return nativePassword.isEmpty();
    }

    /** Host, port and database, for messages; carries no secret. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    private static String checkHost(String host, PropertyNames properties) {
        if (HOST.matcher(host).matches()) {
            return host;
        }
        String problem = host.matches("[^:/]+:[0-9]+") ? "it includes a port: set the port with "
                + properties.hint("port") + " instead" : "a host name or IP address is expected";
        throw new LakebaseConfigurationException("Invalid Lakebase host '" + host + "' (" + properties.hint("host")
                + "): " + problem);
    }

    private static String checkDatabase(String database, PropertyNames properties) {
        if (!URL_DELIMITERS.matcher(database).find()) {
            return database;
        }
        throw new LakebaseConfigurationException("Invalid Lakebase database '" + database + "' ("
                + properties.hint("database") + "): the name goes into the JDBC URL, where /, ?, &, #, % and spaces"
                + " would change its meaning; set " + properties.datasourceProperty("jdbc.url") + " yourself for such a"
                + " database");
    }

    private static void checkEndpoint(String endpoint, PropertyNames properties) {
        if (!ENDPOINT_PATH.matcher(endpoint).matches()) {
            throw new LakebaseConfigurationException("Invalid Lakebase endpoint '" + endpoint + "': set "
                    + properties.hint("endpoint") + " to projects/<project>/branches/<branch>/endpoints/<endpoint>");
        }
    }

    private static void checkJitterNotNegative(Duration jitter, PropertyNames properties) {
        if (jitter.isNegative()) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("pool.max-lifetime-jitter") + " "
                    + jitter + ": it must not be negative");
        }
    }

    private static void checkPositive(Duration value, String property) {
        if (value.isNegative() || value.isZero()) {
            throw new LakebaseConfigurationException("Invalid " + property + " " + value + ": it must be positive");
        }
    }

    private static void checkTtl(Duration ttl, PropertyNames properties) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("token.ttl") + " " + ttl.toSeconds()
                    + " s: Lakebase issues tokens of " + MIN_TTL.toSeconds() + " to " + MAX_TTL.toSeconds() + " seconds");
        }
    }

    private static void checkClaims(TokenClaimsConfig claims, PropertyNames properties) {
        boolean tables = claims.tables().filter(names -> !names.isEmpty()).isPresent();
        if (claims.permissionSet().isPresent() != tables) {
            throw new LakebaseConfigurationException("Token claims need both " + properties.name("token.claims.permission-set")
                    + " and " + properties.name("token.claims.tables") + ": set both, or neither");
        }
    }

    /** PostgreSQL counts these limits in whole milliseconds, and 0 turns them off. */
    private static void checkSessionLimit(Duration limit, String property) {
        if (limit.isNegative() || limit.toMillis() > Integer.MAX_VALUE) {
            throw new LakebaseConfigurationException("Invalid " + property + " " + limit
                    + ": it must be between 0 (no limit) and " + Integer.MAX_VALUE + " ms");
        }
    }

    private static String required(Optional<String> value, String property, PropertyNames properties) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new LakebaseConfigurationException(
                "No Lakebase " + property + " configured: set " + properties.hint(property)));
    }
}
