package io.quarkiverse.lakebase.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a Lakebase port. The configuration names the property in its own message; this one must not, as it serves every
 * datasource.
 */
public class PortConverter implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
        if (port < 1 || port > 65535) {
            throw invalid(value);
        }
        return port;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("'" + value + "' is not a port: set a number between 1 and 65535 (the"
                + " default datasource's port also comes from the PGPORT environment variable)");
    }
}
