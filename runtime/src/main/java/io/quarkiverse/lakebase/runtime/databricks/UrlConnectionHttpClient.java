package io.quarkiverse.lakebase.runtime.databricks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;

import io.quarkiverse.lakebase.runtime.Lazy;

/**
 * Calls the workspace through the JDK's {@link HttpURLConnection}. The SDK's own client (Apache HttpClient) costs a
 * cold JVM several hundred milliseconds on the way to the first token: some 300 classes, and the TLS set-up of its
 * connection manager even for a plain-HTTP host. The JDK's client is mostly loaded already and sets TLS up on the
 * first HTTPS call, which an application with TLS to PostgreSQL pays for anyway.
 * <p>
 * It behaves as the SDK's client does: no proxy, the same timeout for connecting and for each read, redirects followed
 * for reads unless the request says otherwise, an error's body returned as an answer and not thrown. A method the JDK
 * does not know ({@code PATCH}) goes through the SDK's client.
 */
final class UrlConnectionHttpClient implements HttpClient {

    private static final Set<String> JDK_METHODS = Set.of(Request.GET, Request.HEAD, Request.POST, Request.PUT,
            Request.DELETE);
    private static final String JSON = "application/json";

    private final int timeoutMillis;
    private final Lazy<HttpClient> otherMethods;

    UrlConnectionHttpClient(int timeoutSeconds, Supplier<HttpClient> otherMethods) {
        this.timeoutMillis = Math.toIntExact(timeoutSeconds * 1000L);
        this.otherMethods = Lazy.of(otherMethods);
    }

    @Override
    public Response execute(Request request) throws IOException {
        if (!JDK_METHODS.contains(request.getMethod())) {
            return otherMethods.get().execute(request);
        }
        HttpURLConnection connection = (HttpURLConnection) request.getUri().toURL().openConnection(Proxy.NO_PROXY);
        try {
            send(request, connection);
            return answer(request, connection);
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            throw e;
        }
    }

    private void send(Request request, HttpURLConnection connection) throws IOException {
        connection.setRequestMethod(request.getMethod());
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        connection.setUseCaches(false);
        boolean read = Request.GET.equals(request.getMethod()) || Request.HEAD.equals(request.getMethod());
        connection.setInstanceFollowRedirects(read && request.getRedirectionBehavior().orElse(true));
        // the JDK would otherwise send its own browser-like Accept header
        connection.setRequestProperty("Accept", "*/*");
        request.getHeaders().forEach(connection::setRequestProperty);
        byte[] body = body(request);
        if (body != null) {
            // not in streaming mode: the JDK answers a 401 in streaming mode with an exception instead of the answer
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
    }

    private static byte[] body(Request request) throws IOException {
        if (request.isBodyString()) {
            return request.getBodyString().getBytes(StandardCharsets.UTF_8);
        }
        if (request.isBodyStreaming()) {
            try (InputStream in = request.getBodyStream()) {
                return in.readAllBytes();
            }
        }
        return null;
    }

    private static Response answer(Request request, HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            // the JDK lists the status line under no name
            if (name != null) {
                headers.put(name, values);
            }
        });
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String reason = connection.getResponseMessage();
        if (body == null) {
            return new Response(request, connection.getURL(), status, reason, headers);
        }
        if (expectsJson(request) && JSON.equals(connection.getContentType())) {
            try (InputStream in = body) {
                return new Response(request, connection.getURL(), status, reason, headers,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new Response(request, connection.getURL(), status, reason, headers, body);
    }

    /** As the SDK's client: a JSON answer to a JSON request is read whole, any other answer is streamed. */
    private static boolean expectsJson(Request request) {
        String accept = request.getHeaders().get("Accept");
        return accept == null || JSON.equals(accept);
    }
}
