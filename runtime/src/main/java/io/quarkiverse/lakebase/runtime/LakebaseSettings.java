package io.quarkiverse.lakebase.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkiverse.lakebase.runtime.config.LakebaseDatasourceConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseProperties;
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

    private static final Pattern ENDPOINT_PATH = Pattern.compile("projects/[^/\\s]+/branches/[^/\\s]+/endpoints/[^/\\s]+");
    private static final Duration MIN_TTL = Duration.ofSeconds(300);
    private static final Duration MAX_TTL = Duration.ofSeconds(3600);

    public static LakebaseSettings check(LakebaseDatasourceConfig config, LakebaseProperties properties) {
        Optional<String> password = config.password().filter(value -> !value.isEmpty());
        Optional<String> endpoint = config.endpoint().filter(value -> !value.isBlank());
        if (password.isEmpty() && endpoint.isEmpty()) {
            throw new LakebaseConfigurationException("No Lakebase endpoint configured for " + properties + ": set "
                    + properties.hint("endpoint") + " (projects/<project>/branches/<branch>/endpoints/<endpoint>), or "
                    + properties.name("password") + " for native PostgreSQL authentication");
        }
        config.token().ttl().ifPresent(ttl -> checkTtl(ttl, properties));
        endpoint.ifPresent(value -> checkEndpoint(value, properties));
        checkPositive(config.token().refreshBuffer(), properties.name("token.refresh-buffer"));
        checkPositive(config.token().retryInitialDelay(), properties.name("token.retry-initial-delay"));
        checkPositive(config.token().retryMaxDelay(), properties.name("token.retry-max-delay"));
        checkPositive(config.token().terminalRetryDelay(), properties.name("token.terminal-retry-delay"));
        checkPositive(config.token().acquireTimeout(), properties.name("token.acquire-timeout"));
        checkPositive(config.token().remintAfterRejectionInterval(),
                properties.name("token.remint-after-rejection-interval"));
        checkPositive(config.databricks().httpTimeout(), properties.name("databricks.http-timeout"));
        config.pool().maxLifetimeJitter().ifPresent(jitter -> checkJitterNotNegative(jitter, properties));
        if (config.wakeUpTimeout().isNegative()) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("wake-up-timeout") + " "
                    + config.wakeUpTimeout() + ": it must not be negative");
        }
        String host = required(config.host(), "host", properties);
        String database = required(config.database(), "database", properties);
        return new LakebaseSettings(password.isPresent() ? Optional.empty() : endpoint, host, config.port(), database,
                config.username().filter(value -> !value.isBlank()), password);
    }

    /**
     * How much shorter than the datasource's max lifetime a connection's lifetime may be: the configured jitter or the
     * default share of the max lifetime, checked against it.
     */
    public static Duration maxLifetimeJitter(LakebaseDatasourceConfig config, LakebaseProperties properties,
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

    public boolean usesTokens() {
        return nativePassword.isEmpty();
    }

    /** Host, port and database, for messages; carries no secret. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    private static void checkEndpoint(String endpoint, LakebaseProperties properties) {
        if (!ENDPOINT_PATH.matcher(endpoint).matches()) {
            throw new LakebaseConfigurationException("Invalid Lakebase endpoint '" + endpoint + "': set "
                    + properties.hint("endpoint") + " to projects/<project>/branches/<branch>/endpoints/<endpoint>");
        }
    }

    private static void checkJitterNotNegative(Duration jitter, LakebaseProperties properties) {
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

    private static void checkTtl(Duration ttl, LakebaseProperties properties) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new LakebaseConfigurationException("Invalid " + properties.name("token.ttl") + " " + ttl.toSeconds()
                    + " s: Lakebase issues tokens of " + MIN_TTL.toSeconds() + " to " + MAX_TTL.toSeconds() + " seconds");
        }
    }

    private static String required(Optional<String> value, String property, LakebaseProperties properties) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new LakebaseConfigurationException(
                "No Lakebase " + property + " configured: set " + properties.hint(property)));
    }
}
