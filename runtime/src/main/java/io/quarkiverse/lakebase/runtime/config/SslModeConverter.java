package io.quarkiverse.lakebase.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code quarkus.lakebase.ssl-mode} and says where to fix a wrong value.
 */
public class SslModeConverter implements Converter<SslMode> {

    @Override
    public SslMode convert(String value) {
        return SslMode.fromLibpqName(value).orElseThrow(() -> new IllegalArgumentException(
                "Invalid Lakebase SSL mode '" + value + "': set quarkus.lakebase.ssl-mode or the PGSSLMODE environment"
                        + " variable to one of: " + SslMode.allLibpqNames()));
    }
}
