package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.quarkus.test.QuarkusUnitTest;

/** An application whose build or start-up must fail with a message that tells the user what to set. */
public final class StartupFailures {

    private StartupFailures() {
    }

    /** Dev Services off, so only the given settings count. */
    static QuarkusUnitTest withoutDevServices() {
        return new QuarkusUnitTest().overrideConfigKey("quarkus.lakebase.devservices.enabled", "false");
    }

    /** A message of the failure or of one of its causes holds every fragment. */
    public static Consumer<Throwable> messageNames(String... fragments) {
        return thrown -> {
            List<String> messages = new ArrayList<>();
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                messages.add(String.valueOf(cause.getMessage()));
            }
            assertThat(messages).as("failure messages")
                    .anySatisfy(message -> assertThat(message).contains(fragments));
        };
    }
}
