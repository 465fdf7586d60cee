package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev-mode restarts, one of them a start-up that fails after the extension started: afterwards the JVM holds the
 * refresh threads and driver registrations of the running application only, as many as before the restarts.
 */
class DevModeRestartsLeaveNothingBehindTest {

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(LeakProbe.class)
                    .addAsResource(new StringAsset("leak-probe.fail-start=false\n"), "application.properties"));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void restartsAndAFailedStartLeaveNoThreadOrRegistrationBehind() throws Exception {
        String running = leaks();
        // the listeners: the extension's log and, Micrometer being on the test class path, its meters
        assertThat(running).isEqualTo("refresh-threads=2 listeners=2 logins=1");

        for (int restart = 1; restart <= 3; restart++) {
            int number = restart;
            DEV.modifyResourceFile("application.properties", properties -> properties + "# restart " + number + "\n");
            assertThat(leaks()).as("after restart %d", restart).isEqualTo(running);
        }

        DEV.modifyResourceFile("application.properties", properties -> properties.replace("fail-start=false",
                "fail-start=true"));
        assertThat(status()).as("the failed start-up").isEqualTo(500);
        DEV.modifyResourceFile("application.properties", properties -> properties.replace("fail-start=true",
                "fail-start=false"));

        assertThat(leaks()).as("after the failed start-up and a restart").isEqualTo(running);
    }

    private String leaks() throws Exception {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private int status() throws Exception {
        return get().statusCode();
    }

    private HttpResponse<String> get() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/leaks")).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
