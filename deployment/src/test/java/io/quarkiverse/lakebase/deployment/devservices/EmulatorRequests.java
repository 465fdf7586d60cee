package io.quarkiverse.lakebase.deployment.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the workspace emulator's request counts over HTTP, from inside the application under test. */
public final class EmulatorRequests {

    public static final String CREDENTIALS = "/api/2.0/postgres/credentials";

    private EmulatorRequests() {
    }

    /** Requests to one path; every request when {@code path} is null. */
    public static int count(String path) {
        return count(System.getProperty("lakebase.test.workspace-url"), path);
    }

    /** Requests to one path of the emulator at {@code workspaceUrl}; every request when {@code path} is null. */
    public static int count(String workspaceUrl, String path) {
        String body = get(workspaceUrl + "/emulator/requests");
        Matcher counts = Pattern.compile("\"([^\"]+)\":(\\d+)").matcher(body);
        int total = 0;
        while (counts.find()) {
            if (path == null || path.equals(counts.group(1))) {
                total += Integer.parseInt(counts.group(2));
            }
        }
        return total;
    }

    /** The bodies of the credential requests the emulator at {@code workspaceUrl} received, as a JSON array. */
    public static String credentialRequests(String workspaceUrl) {
        return get(workspaceUrl + "/emulator/credential-requests");
    }

    /** Plans a fault of the emulator at {@code workspaceUrl}, as {@code /emulator/faults} describes it. */
    public static void inject(String workspaceUrl, String fault) {
        send(HttpRequest.newBuilder(URI.create(workspaceUrl + "/emulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(fault)).build());
    }

    private static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private static String send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
