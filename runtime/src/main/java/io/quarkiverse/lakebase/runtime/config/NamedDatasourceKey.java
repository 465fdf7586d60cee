package io.quarkiverse.lakebase.runtime.config;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithName;

/**
 * A property of a named Lakebase datasource: {@code quarkus.lakebase."reports".host}, or unquoted
 * {@code quarkus.lakebase.reports.host}. The one place that reads these names.
 * <p>
 * What counts as a datasource property, and which first segments belong to the default datasource or to the build-time
 * settings instead ({@code quarkus.lakebase.token.ttl} is not a datasource named {@code token}), is read from the
 * configuration interfaces themselves, so a new property needs no list updated here.
 *
 * @param datasource the datasource name, without quotes
 * @param quoted whether the name was quoted
 * @param property the property below the datasource, {@code host} or {@code token.ttl}
 */
public record NamedDatasourceKey(String datasource, boolean quoted, String property) {

    private static final String ROOT = "quarkus.lakebase.";
    private static final Pattern KEY = Pattern.compile(Pattern.quote(ROOT) + "(?:\"([^\"]+)\"|([^.\"]+))\\.(.+)");
    /** Properties of one datasource; a group's properties as {@code group.} prefixes. */
    private static final Set<String> PROPERTIES = propertiesOf(LakebaseDatasourceConfig.class);
    /** First segments that are not datasource names: the default datasource's properties and the build-time settings. */
    private static final Set<String> RESERVED = reserved();

    /** The key, when the property is one of a named datasource's. */
    public static Optional<NamedDatasourceKey> parse(String property) {
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

    private static boolean isDatasourceProperty(String rest) {
        int dot = rest.indexOf('.');
        return PROPERTIES.contains(rest) || dot > 0 && PROPERTIES.contains(rest.substring(0, dot + 1));
    }

    private static Set<String> propertiesOf(Class<?> config) {
        Set<String> properties = new HashSet<>();
        for (Method method : config.getMethods()) {
            if (method.getParameterCount() == 0 && !method.isDefault()) {
                boolean group = method.getReturnType().isAnnotationPresent(ConfigGroup.class);
                properties.add(nameOf(method) + (group ? "." : ""));
            }
        }
        return properties;
    }

    private static Set<String> reserved() {
        Set<String> reserved = new HashSet<>();
        for (String property : PROPERTIES) {
            reserved.add(property.endsWith(".") ? property.substring(0, property.length() - 1) : property);
        }
        for (Method method : LakebaseBuildTimeConfig.class.getMethods()) {
            if (method.getParameterCount() == 0 && !method.isDefault()) {
                reserved.add(nameOf(method).split("\\.")[0]);
            }
        }
        return reserved;
    }

    /** The property name of a mapping method: its {@link WithName}, or its name in kebab case. */
    private static String nameOf(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
