package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Fifty clients place orders for a minute while three-second tokens rotate and connections are recycled every second:
 * no request fails, every acknowledged order is stored, and the workspace sees one mint per rotation.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class LoadWithRotationTest {

    private static final int CLIENTS = 50;
    private static final Duration DURATION = Duration.ofSeconds(60);
    private static final int MAX_REQUESTS_PER_CLIENT = 20_000;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @Inject
    Lakebase lakebase;

    @Test
    void fiftyClientsForAMinuteAcrossRotations() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI orders = URI.create("http://localhost:" + RestAssured.port + "/orders");
        Map<String, List<Long>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        long refreshesBefore = lakebase.status().refreshCount();
        long started = System.nanoTime();
        long end = started + DURATION.toNanos();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String user = "load-" + client;
                List<Long> ids = new ArrayList<>();
                acknowledged.put(user, ids);
                running.add(clients.submit(() -> {
                    for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < end; i++) {
                        HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"userId\":\"" + user + "\",\"product\":\"widget\",\"quantity\":1}"))
                                .build();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            Matcher id = ID.matcher(response.body());
                            if (response.statusCode() == 201 && id.find()) {
                                ids.add(Long.parseLong(id.group(1)));
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(DURATION.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int mints = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) - mintsBefore;
        long rotations = lakebase.status().refreshCount() - refreshesBefore;

        assertThat(failures.get()).as("failed requests").isZero();
        for (Map.Entry<String, List<Long>> client : acknowledged.entrySet()) {
            List<Long> stored = RestAssured.given().queryParam("userId", client.getKey()).when().get("/orders")
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
            assertThat(stored).as(client.getKey()).containsExactlyElementsOf(client.getValue());
        }
        assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).isGreaterThan(CLIENTS);
        assertThat(mints).as("mints, one per rotation").isEqualTo(rotations);
        // a three-second token is refreshed every 1.5 to 2 seconds
        assertThat(rotations).isBetween(elapsed.toMillis() / 2000 - 2, elapsed.toMillis() / 1500 + 2);
    }
}
