package io.quarkiverse.lakebase.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code quarkus.lakebase.port} and says where to fix a wrong value.
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
        return new IllegalArgumentException("Invalid Lakebase port '" + value
                + "': set quarkus.lakebase.port or the PGPORT environment variable to a number between 1 and 65535");
    }
}
