package io.quarkiverse.lakebase.deployment.devservices;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Faults that tests inject into the workspace emulator: for the next {@code times} requests to {@code path}, answer
 * with {@code status} (and {@code Retry-After}, or a replacement {@code body}) after {@code delayMillis}, or drop the
 * connection. {@code times} of -1 lasts until the plan is cleared.
 */
final class FaultPlan {

    private final Deque<Fault> faults = new ArrayDeque<>();

    synchronized void add(JsonNode spec) {
        faults.addLast(new Fault(spec.path("path").asText(WorkspaceEmulator.CREDENTIALS_PATH),
                spec.path("status").asInt(0), spec.path("times").asInt(1), spec.path("delayMillis").asLong(0),
                spec.hasNonNull("retryAfterSeconds") ? spec.get("retryAfterSeconds").asText() : null,
                spec.hasNonNull("body") ? spec.get("body") : null, spec.path("disconnect").asBoolean(false)));
    }

    synchronized void clear() {
        faults.clear();
    }

    synchronized Fault next(String path) {
        for (Fault fault : faults) {
            if (fault.path.equals(path)) {
                if (fault.remaining > 0 && --fault.remaining == 0) {
                    faults.remove(fault);
                }
                return fault;
            }
        }
        return null;
    }

    static final class Fault {
        private final String path;
        private final int status;
        private int remaining;
        private final long delayMillis;
        private final String retryAfterSeconds;
        private final JsonNode body;
        private final boolean disconnect;

        Fault(String path, int status, int times, long delayMillis, String retryAfterSeconds, JsonNode body,
                boolean disconnect) {
            this.path = path;
            this.status = status;
            this.remaining = times;
            this.delayMillis = delayMillis;
            this.retryAfterSeconds = retryAfterSeconds;
            this.body = body;
            this.disconnect = disconnect;
        }

        /** @return whether the fault answered the request; a pure delay lets the real answer follow */
        boolean apply(HttpExchange exchange) throws IOException {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (disconnect) {
                exchange.close();
                return true;
            }
            if (status == 0 && body == null) {
                return false;
            }
            if (retryAfterSeconds != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfterSeconds);
            }
            Object answer = body != null ? body
                    : Map.of("error_code", status == 429 ? "RESOURCE_EXHAUSTED" : "TEMPORARILY_UNAVAILABLE",
                            "message", "Injected fault " + status);
            WorkspaceEmulator.respond(exchange, status == 0 ? 200 : status, answer);
            return true;
        }
    }
}
