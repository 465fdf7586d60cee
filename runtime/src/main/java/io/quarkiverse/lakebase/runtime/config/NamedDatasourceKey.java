package io.quarkiverse.lakebase.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A property of a named Lakebase datasource: {@code quarkus.lakebase."reports".host}, or unquoted
 * {@code quarkus.lakebase.reports.host}. The one place that reads these names.
 * <p>
 * What counts as a datasource property, and which first segments belong to the default datasource or to the build-time
 * settings instead ({@code quarkus.lakebase.token.ttl} is not a datasource named {@code token}), is listed here rather
 * than read from the configuration interfaces: every configuration lookup passes through this class while the
 * application starts, and reading the interfaces' methods and annotations then cost start-up time (and reflection
 * registrations in a native image). {@code NamedDatasourceKeyTest} fails when a list and the interfaces differ.
 *
 * @param datasource the datasource name, without quotes
 * @param quoted whether the name was quoted
 * @param property the property below the datasource, {@code host} or {@code token.ttl}
 */
public record NamedDatasourceKey(String datasource, boolean quoted, String property) {

    private static final String ROOT = PropertyNames.ROOT;
    private static final Pattern KEY = Pattern.compile(Pattern.quote(ROOT) + "(?:\"([^\"]+)\"|([^.\"]+))\\.(.+)");
    /** Properties of one datasource ({@link LakebaseDatasourceConfig}); a group's properties as {@code group.} prefixes. */
    static final Set<String> PROPERTIES = Set.of("endpoint", "host", "port", "database", "username", "ssl-mode",
            "application-name", "password", "wake-up-timeout", "host-check", "statement-timeout",
            "idle-in-transaction-session-timeout", "token.", "pool.", "on-behalf-of-user.", "databricks.");
    /**
     * First segments that are not datasource names: the default datasource's properties and groups, and the first
     * segments of the build-time settings ({@link LakebaseBuildTimeConfig}).
     */
    static final Set<String> RESERVED = reserved("devservices", "databricks-app", "agent-tool", "health", "native");

    /** The key, when the property is one of a named datasource's. */
    public static Optional<NamedDatasourceKey> parse(String property) {
        if (!property.startsWith(ROOT)) {
            return Optional.empty();
        }
        Matcher key = KEY.matcher(property);
        if (!key.matches()) {
            return Optional.empty();
        }
        boolean quoted = key.group(1) != null;
        String name = quoted ? key.group(1) : key.group(2);
        String rest = key.group(3);
        if (!quoted && RESERVED.contains(name) || !isDatasourceProperty(rest)) {
            return Optional.empty();
        }
        return Optional.of(new NamedDatasourceKey(name, quoted, rest));
    }

    /** The same property in the other spelling; none for a quoted name that holds a dot. */
    public Optional<String> otherSpelling() {
        if (quoted) {
            return datasource.contains(".") ? Optional.empty() : Optional.of(ROOT + datasource + "." + property);
        }
        return Optional.of(ROOT + "\"" + datasource + "\"." + property);
    }

    private static Set<String> reserved(String... buildTimeSegments) {
        Set<String> reserved = new HashSet<>(List.of(buildTimeSegments));
        for (String property : PROPERTIES) {
            reserved.add(property.endsWith(".") ? property.substring(0, property.length() - 1) : property);
        }
        return Set.copyOf(reserved);
    }

    private static boolean isDatasourceProperty(String rest) {
        int dot = rest.indexOf('.');
        return PROPERTIES.contains(rest) || dot > 0 && PROPERTIES.contains(rest.substring(0, dot + 1));
    }
}
