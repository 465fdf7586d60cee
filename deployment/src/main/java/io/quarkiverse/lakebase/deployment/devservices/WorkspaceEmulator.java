package io.quarkiverse.lakebase.deployment.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Databricks workspace on 127.0.0.1 that answers the calls the Databricks SDK makes to mint Lakebase database tokens:
 * configuration and OIDC discovery, the OAuth client-credentials grant, the credential endpoint and the current user.
 * Each minted token becomes the role's real PostgreSQL password until its expiry.
 * <p>
 * Tests, and only tests, reach {@code /emulator/*}: request counts, injected faults ({@link FaultPlan}) and the token
 * lifetime. These controls answer only in a JVM started with the system property {@value #TEST_CONTROLS}{@code =true},
 * which the project's test runs set; a developer's dev mode never has them.
 */
final class WorkspaceEmulator implements AutoCloseable {

    /** The system property that opens the test controls. */
    static final String TEST_CONTROLS = "io.quarkiverse.lakebase.emulator.test-controls";

    static final String ENDPOINT = "projects/local/branches/main/endpoints/primary";
    static final String CREDENTIALS_PATH = "/api/2.0/postgres/credentials";
    static final String ENDPOINT_PATH = "/api/2.0/postgres/" + ENDPOINT;

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final Logger LOG = Logger.getLogger(WorkspaceEmulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalPostgres postgres;
    private final String clientId;
    private final String clientSecret;
    private final String personalAccessToken = "dapi" + randomSecret();
    /** The principal (the service principal's role, or a user's name) of each access token issued. */
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    /** The workspace's users: each has a PostgreSQL role of the same name. */
    private final Set<String> users;
    private final Map<String, Integer> requestCounts = new ConcurrentHashMap<>();
    private final FaultPlan faults = new FaultPlan();
    /** The bodies of the credential requests received, for tests of what the application asks for. */
    private final List<JsonNode> credentialRequests = new CopyOnWriteArrayList<>();
    private volatile Duration tokenTtl;

    private WorkspaceEmulator(HttpServer server, LocalPostgres postgres, String clientId, String clientSecret,
            Duration tokenTtl, Set<String> users) {
        this.server = server;
        this.users = Set.copyOf(users);
        this.postgres = postgres;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenTtl = tokenTtl;
        this.executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "lakebase-workspace-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    static WorkspaceEmulator start(Integer fixedPort, LocalPostgres postgres, Duration tokenTtl, Set<String> users) {
        if (System.getProperty(NO_DELAY) == null) {
            // the JDK's HTTP server otherwise writes each response in two packets that Nagle's algorithm holds apart:
            // tens of milliseconds a call. It reads the property once, when it is first used in a JVM: dev and test JVMs.
            System.setProperty(NO_DELAY, "true");
        }
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), fixedPort == null ? 0 : fixedPort), 64);
            WorkspaceEmulator emulator = new WorkspaceEmulator(server, postgres, postgres.role(), randomSecret(),
                    tokenTtl, users);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local Databricks workspace emulator", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    /** A personal access token of the workspace user whose {@code userName} is the role. */
    String personalAccessToken() {
        return personalAccessToken;
    }

    /** Requests answered so far, by path, control calls excluded; and credentials minted, by path#principal. */
    Map<String, Integer> requestCounts() {
        return Map.copyOf(requestCounts);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/emulator/") && Boolean.getBoolean(TEST_CONTROLS)) {
                handleControl(exchange, path);
                return;
            }
            requestCounts.merge(path, 1, Integer::sum);
            FaultPlan.Fault fault = faults.next(path);
            if (fault != null && fault.apply(exchange)) {
                return;
            }
            route(exchange, path);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "The local workspace emulator failed to answer %s", exchange.getRequestURI().getPath());
            respond(exchange, 500, Map.of("error_code", "INTERNAL_ERROR", "message", e.getClass().getSimpleName()));
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        switch (method + " " + path) {
            case "GET /.well-known/databricks-config" ->
                respond(exchange, 200, Map.of("oidc_endpoint", url() + "/oidc", "workspace_id", "1"));
            case "GET /oidc/.well-known/oauth-authorization-server" -> respond(exchange, 200, Map.of(
                    "issuer", url() + "/oidc",
                    "authorization_endpoint", url() + "/oidc/v1/authorize",
                    "token_endpoint", url() + "/oidc/v1/token"));
            case "POST /oidc/v1/token" -> issueAccessToken(exchange);
            case "POST " + CREDENTIALS_PATH -> mintDatabaseToken(exchange);
            case "GET /api/2.0/preview/scim/v2/Me" -> currentUser(exchange);
            case "GET " + ENDPOINT_PATH -> describeEndpoint(exchange);
            default -> respond(exchange, 404, Map.of("error_code", "ENDPOINT_NOT_FOUND", "message",
                    "No API found for '" + method + " " + path + "'"));
        }
    }

    private void issueAccessToken(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
            return;
        }
        // a user's token, as the Apps proxy forwards it when the app has user authorization: asked with user=<name>
        String user = form(exchange).get("user");
        if (user != null && !users.contains(user)) {
            respond(exchange, 400, Map.of("error", "invalid_request", "error_description", "No user '" + user
                    + "' in the local workspace: set quarkus.lakebase.devservices.users"));
            return;
        }
        String accessToken = randomSecret();
        accessTokens.put(accessToken, user == null ? clientId : user);
        respond(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600));
    }

    /** A credential logs in as the role of the principal that asked for it, and as no other. */
    private void mintDatabaseToken(HttpExchange exchange) throws IOException {
        String principal = principal(exchange);
        if (principal == null) {
            return;
        }
        JsonNode request = readJson(exchange);
        credentialRequests.add(request);
        String endpoint = request.path("endpoint").asText("");
        if (!ENDPOINT.equals(endpoint)) {
            respond(exchange, 404, Map.of("error_code", "NOT_FOUND", "message", "Endpoint '" + endpoint
                    + "' does not exist"));
            return;
        }
        Duration ttl = requestedTtl(request).orElse(tokenTtl);
        Instant expiresAt = Instant.now().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        String token = randomSecret() + randomSecret();
        postgres.setPassword(principal, token, expiresAt);
        requestCounts.merge(CREDENTIALS_PATH + "#" + principal, 1, Integer::sum);
        respond(exchange, 200, Map.of("token", token, "expire_time", expiresAt.toString()));
    }

    private static java.util.Optional<Duration> requestedTtl(JsonNode request) {
        String ttl = request.path("ttl").asText("");
        if (ttl.endsWith("s")) {
            return java.util.Optional.of(Duration.ofMillis((long) (Double.parseDouble(ttl.substring(0, ttl.length() - 1))
                    * 1000)));
        }
        return java.util.Optional.empty();
    }

    /** The endpoint resource, whose status lists the hosts it answers on: the local PostgreSQL's. */
    private void describeEndpoint(HttpExchange exchange) throws IOException {
        if (principal(exchange) != null) {
            respond(exchange, 200, Map.of("name", ENDPOINT, "status", Map.of(
                    "current_state", "ACTIVE", "endpoint_type", "ENDPOINT_TYPE_READ_WRITE",
                    "hosts", Map.of("host", LocalPostgres.HOST))));
        }
    }

    private void currentUser(HttpExchange exchange) throws IOException {
        String principal = principal(exchange);
        if (principal != null) {
            respond(exchange, 200, Map.of("id", String.valueOf(principal.hashCode()), "userName", principal,
                    "active", true));
        }
    }

    /** Who the bearer token belongs to; null, with a 401 answered, for a token the workspace did not issue. */
    private String principal(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String bearer = authorization.substring("Bearer ".length());
            String principal = personalAccessToken.equals(bearer) ? clientId : accessTokens.get(bearer);
            if (principal != null) {
                return principal;
            }
        }
        respond(exchange, 401, Map.of("error_code", "UNAUTHENTICATED", "message", "Invalid access token"));
        return null;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void handleControl(HttpExchange exchange, String path) throws IOException {
        switch (exchange.getRequestMethod() + " " + path) {
            case "GET /emulator/requests" -> respond(exchange, 200, new LinkedHashMap<>(requestCounts));
            case "GET /emulator/credential-requests" -> respond(exchange, 200, List.copyOf(credentialRequests));
            case "POST /emulator/faults" -> {
                faults.add(readJson(exchange));
                respond(exchange, 204, null);
            }
            case "DELETE /emulator/faults" -> {
                faults.clear();
                respond(exchange, 204, null);
            }
            case "POST /emulator/revoke" -> {
                accessTokens.remove(readJson(exchange).path("accessToken").asText());
                respond(exchange, 204, null);
            }
            case "PUT /emulator/token-ttl" -> {
                tokenTtl = Duration.ofMillis(readJson(exchange).path("millis").asLong());
                respond(exchange, 204, null);
            }
            default -> respond(exchange, 404, Map.of("message", "unknown emulator control " + path));
        }
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        drain(exchange.getRequestBody());
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        return JSON.readTree(exchange.getRequestBody().readAllBytes());
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
