package io.quarkiverse.lakebase.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * The datasources the extension serves: the default one, and each named one configured with
 * {@code quarkus.lakebase."name".*}. Found at build time, because Quarkus datasources are.
 *
 * @param names the datasource names, the default one first
 */
public record LakebaseDatasourceNames(List<String> names) {

    /** The value of {@code quarkus.datasource.credentials-provider} for the default datasource. */
    static final String DEFAULT_PROVIDER_KEY = LakebaseCredentialsProvider.NAME;
    private static final String NAMED_PROVIDER_PREFIX = LakebaseCredentialsProvider.NAME + ":";

    /** Groups of the default datasource, which {@code quarkus.lakebase.<group>.<property>} must not be read as. */
    private static final Set<String> GROUPS = Set.of("token", "databricks", "devservices", "health",
            "databricks-app", "pool");
    private static final Set<String> PROPERTIES = Set.of("endpoint", "host", "port", "database", "username",
            "ssl-mode", "application-name", "password", "wake-up-timeout");
    private static final Pattern NAMED = Pattern.compile("quarkus\\.lakebase\\.(\"[^\"]+\"|[^.\"]+)\\.(.+)");

    public LakebaseDatasourceNames {
        names = List.copyOf(names);
    }

    /** The named datasources that the given configuration property names configure. */
    public static Set<String> namedIn(Iterable<String> propertyNames) {
        Set<String> named = new LinkedHashSet<>();
        for (String property : propertyNames) {
            Matcher matcher = NAMED.matcher(property);
            if (!matcher.matches()) {
                continue;
            }
            String key = matcher.group(1);
            String rest = matcher.group(2);
            boolean quoted = key.startsWith("\"");
            if (!quoted && GROUPS.contains(key)) {
                continue;
            }
            if (PROPERTIES.contains(rest) || rest.startsWith("token.") || rest.startsWith("databricks.")) {
                named.add(quoted ? key.substring(1, key.length() - 1) : key);
            }
        }
        named.remove(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        return named;
    }

    /** The value of {@code quarkus.datasource."name".credentials-provider} that makes the provider serve {@code name}. */
    public static String credentialsProviderKey(String datasource) {
        return DataSourceUtil.isDefault(datasource) ? DEFAULT_PROVIDER_KEY : NAMED_PROVIDER_PREFIX + datasource;
    }

    /** The datasource a {@code credentials-provider} value stands for. */
    static String datasourceOf(String credentialsProviderKey) {
        return credentialsProviderKey != null && credentialsProviderKey.startsWith(NAMED_PROVIDER_PREFIX)
                ? credentialsProviderKey.substring(NAMED_PROVIDER_PREFIX.length())
                : DataSourceUtil.DEFAULT_DATASOURCE_NAME;
    }
}
