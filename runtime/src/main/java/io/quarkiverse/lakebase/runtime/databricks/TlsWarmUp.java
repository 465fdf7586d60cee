package io.quarkiverse.lakebase.runtime.databricks;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.HttpsURLConnection;

/**
 * Sets the JDK's default TLS context up (security providers, the trust store) on a thread of its own while the other
 * extensions start, when a workspace is reached over HTTPS: otherwise the first mint, on the way to the first
 * connection, pays for it in a cold JVM. Nothing is sent to the workspace.
 */
public final class TlsWarmUp {

    private TlsWarmUp() {
    }

    /**
     * @param configuredHosts each Lakebase datasource's {@code databricks.host}, empty where it falls back to
     *        {@code DATABRICKS_HOST}
     * @param environment the process environment, by variable name
     * @return whether a warm-up began
     */
    public static boolean beginFor(Collection<Optional<String>> configuredHosts, Function<String, String> environment) {
        Optional<String> fromEnvironment = Optional.ofNullable(environment.apply("DATABRICKS_HOST"));
        boolean anyHttps = configuredHosts.stream().map(host -> host.or(() -> fromEnvironment))
                .anyMatch(host -> host.filter(TlsWarmUp::isHttps).isPresent());
        if (anyHttps) {
            Thread thread = new Thread(TlsWarmUp::prepareDefaultContext, "lakebase-tls-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        return anyHttps;
    }

    static boolean isHttps(String host) {
        return host.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    private static void prepareDefaultContext() {
        try {
            HttpsURLConnection.getDefaultSSLSocketFactory();
        } catch (RuntimeException e) {
            // the first call to the workspace meets the same problem and reports it
        }
    }
}
