package io.quarkiverse.lakebase.runtime.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The libpq SSL modes that the PostgreSQL JDBC driver understands.
 */
public enum SslMode {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    VERIFY_CA,
    VERIFY_FULL;

    /** The value as libpq and the JDBC driver spell it. */
    public String libpqName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<SslMode> fromLibpqName(String value) {
        return Arrays.stream(values()).filter(mode -> mode.libpqName().equalsIgnoreCase(value.trim())).findFirst();
    }

    static String allLibpqNames() {
        return Arrays.stream(values()).map(SslMode::libpqName).collect(Collectors.joining(", "));
    }
}
