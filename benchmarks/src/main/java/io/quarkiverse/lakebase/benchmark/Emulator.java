package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the local Lakebase's workspace emulator over its {@code /emulator/*} control API. */
final class Emulator {

    private static final Pattern CREDENTIALS = Pattern.compile("\"/api/2.0/postgres/credentials\":(\\d+)");

    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    Emulator(String url) {
        this.url = url;
    }

    int credentialRequests() {
        Matcher count = CREDENTIALS.matcher(send("GET", "/emulator/requests", null));
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    /** Every request answered so far, by path, as the emulator counts them (a JSON object). */
    String requests() {
        return send("GET", "/emulator/requests", null);
    }

    void tokenTtl(Duration ttl) {
        send("PUT", "/emulator/token-ttl", "{\"millis\":" + ttl.toMillis() + "}");
    }

    void delayCredentials(Duration delay) {
        send("POST", "/emulator/faults", "{\"delayMillis\":" + delay.toMillis() + ",\"times\":-1}");
    }

    void clearFaults() {
        send("DELETE", "/emulator/faults", null);
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
