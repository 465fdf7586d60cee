package io.quarkiverse.lakebase.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a Lakebase SSL mode. The configuration names the property in its own message; this one must not, as it serves
 * every datasource.
 */
public class SslModeConverter implements Converter<SslMode> {

    @Override
    public SslMode convert(String value) {
        return SslMode.fromLibpqName(value).orElseThrow(() -> new IllegalArgumentException(
                "'" + value + "' is not an SSL mode: set one of " + SslMode.allLibpqNames() + " (the default"
                        + " datasource's SSL mode also comes from the PGSSLMODE environment variable)"));
    }
}
