package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Applies a datasource's {@code statement-timeout} and {@code idle-in-transaction-session-timeout} to every connection
 * it opens, as PostgreSQL session settings sent when the connection starts: the JDBC driver's {@code options}
 * ({@code -c statement_timeout=...}) and the reactive client's startup properties. Sent at start, they cost no round
 * trip, and survive a {@code RESET ALL} as session defaults would.
 * <p>
 * The limits are run-time settings while the connection properties are read as maps, so the properties are added to
 * the configuration here, with their names, only for a datasource that has a limit. A reactive property the user set
 * wins; the user's own JDBC {@code options} are kept, the limits appended.
 * <p>
 * Sits outside the spelling and environment interceptors, so it reads a named datasource's limits in either spelling.
 */
public class SessionLimitsInterceptor implements ConfigSourceInterceptor {

    /** Registered with {@link PrioritizedInterceptor}. */
    static final int PRIORITY = Priorities.LIBRARY + 260;

    /** The Lakebase properties, and the PostgreSQL settings they become. */
    private static final Map<String, String> LIMITS = limits();
    private static final String JDBC_OPTIONS = "jdbc.additional-jdbc-properties.options";
    private static final String REACTIVE_PROPERTY = "reactive.additional-properties.";
    private static final String DATASOURCE_PREFIX = "quarkus.datasource.";
    private static final Pattern DATASOURCE_KEY = Pattern.compile("quarkus\\.datasource\\.(?:\"([^\"]+)\"\\.)?(.+)");

    private static Map<String, String> limits() {
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("statement-timeout", "statement_timeout");
        limits.put("idle-in-transaction-session-timeout", "idle_in_transaction_session_timeout");
        return limits;
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (!name.startsWith(DATASOURCE_PREFIX)) {
            return configured;
        }
        Matcher key = DATASOURCE_KEY.matcher(name);
        if (!key.matches()) {
            return configured;
        }
        String datasource = key.group(1) == null ? DataSourceUtil.DEFAULT_DATASOURCE_NAME : key.group(1);
        String property = key.group(2);
        if (property.equals(JDBC_OPTIONS)) {
            return jdbcOptions(context, datasource, configured).map(options -> value(configured, name, options))
                    .orElse(configured);
        }
        if (property.startsWith(REACTIVE_PROPERTY) && (configured == null || isBuiltInDefault(configured))) {
            String setting = property.substring(REACTIVE_PROPERTY.length());
            return LIMITS.entrySet().stream().filter(limit -> limit.getValue().equals(setting)).findFirst()
                    .flatMap(limit -> millis(context, datasource, limit.getKey()))
                    .map(millis -> value(configured, name, String.valueOf(millis))).orElse(configured);
        }
        return configured;
    }

    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Set<String> names = new LinkedHashSet<>();
        List<Limited> limited = new ArrayList<>();
        for (Iterator<String> configured = context.iterateNames(); configured.hasNext();) {
            String name = configured.next();
            names.add(name);
            datasourceWithLimit(name).ifPresent(limited::add);
        }
        for (Limited limit : limited) {
            names.add(DataSourceUtil.dataSourcePropertyKey(limit.datasource(), JDBC_OPTIONS));
            names.add(DataSourceUtil.dataSourcePropertyKey(limit.datasource(), REACTIVE_PROPERTY + LIMITS.get(limit.limit())));
        }
        return names.iterator();
    }

    private static Optional<String> jdbcOptions(ConfigSourceInterceptorContext context, String datasource,
            ConfigValue configured) {
        StringBuilder options = new StringBuilder();
        LIMITS.forEach((limit, setting) -> millis(context, datasource, limit)
                .ifPresent(millis -> options.append(options.isEmpty() ? "" : " ").append("-c ").append(setting)
                        .append('=').append(millis)));
        if (options.isEmpty()) {
            return Optional.empty();
        }
        String own = configured == null || configured.getValue() == null || isBuiltInDefault(configured) ? ""
                : configured.getValue().trim();
        return Optional.of(own.isEmpty() ? options.toString() : own + " " + options);
    }

    /** The datasource's limit in whole milliseconds, when it has one; PostgreSQL's unit for both settings. */
    private static Optional<Long> millis(ConfigSourceInterceptorContext context, String datasource, String limit) {
        ConfigValue value = context.proceed(PropertyNames.of(datasource).name(limit));
        if (value == null || value.getValue() == null || value.getValue().isBlank()) {
            return Optional.empty();
        }
        Duration duration = DurationConverter.parseDuration(value.getValue().trim());
        // a malformed or negative value is reported by the configuration mapping, naming the Lakebase property
        return duration == null || duration.isNegative() ? Optional.empty() : Optional.of(duration.toMillis());
    }

    /** The datasource and limit a configured Lakebase property sets, in either spelling of a named datasource. */
    private static Optional<Limited> datasourceWithLimit(String name) {
        // the names are iterated several times while the configuration is built: most are not Lakebase's
        if (!name.startsWith(PropertyNames.ROOT)) {
            return Optional.empty();
        }
        for (String limit : LIMITS.keySet()) {
            if (name.equals(PropertyNames.ROOT + limit)) {
                return Optional.of(new Limited(DataSourceUtil.DEFAULT_DATASOURCE_NAME, limit));
            }
        }
        return NamedDatasourceKey.parse(name).filter(key -> LIMITS.containsKey(key.property()))
                .map(key -> new Limited(key.datasource(), key.property()));
    }

    private static ConfigValue value(ConfigValue configured, String name, String value) {
        ConfigValue base = configured != null ? configured
                : ConfigValue.builder().withName(name).withConfigSourceName("Lakebase session limits")
                        .withConfigSourceOrdinal(Integer.MIN_VALUE + 1).build();
        return base.withName(name).withValue(value);
    }

    private static boolean isBuiltInDefault(ConfigValue value) {
        return DatabricksAppsEnvironmentInterceptor.isBuiltInDefault(value);
    }

    private record Limited(String datasource, String limit) {
    }
}
