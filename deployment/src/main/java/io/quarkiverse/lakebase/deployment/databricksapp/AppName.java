package io.quarkiverse.lakebase.deployment.databricksapp;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a Databricks app: lowercase letters, digits and hyphens, 2 to 30 characters.
 */
final class AppName {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,28}[a-z0-9]");
    private static final int MAX_LENGTH = 30;

    private AppName() {
    }

    /** The configured name, checked; otherwise one made from the Quarkus application name. */
    static String of(Optional<String> configured, String applicationName) {
        if (configured.isPresent()) {
            String name = configured.get();
            if (!VALID.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid quarkus.lakebase.databricks-app.name '" + name
                        + "': a Databricks app name has 2 to 30 lowercase letters, digits and hyphens, and neither starts"
                        + " nor ends with a hyphen");
            }
            return name;
        }
        String derived = applicationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        derived = trimHyphens(derived.length() > MAX_LENGTH ? derived.substring(0, MAX_LENGTH) : derived);
        if (!VALID.matcher(derived).matches()) {
            throw new IllegalArgumentException("No Databricks app name can be made from the application name '"
                    + applicationName + "': set quarkus.lakebase.databricks-app.name");
        }
        return derived;
    }

    private static String trimHyphens(String name) {
        return name.replaceAll("^-+|-+$", "");
    }
}
