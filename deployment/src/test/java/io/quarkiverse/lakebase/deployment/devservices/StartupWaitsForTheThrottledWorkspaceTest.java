package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A workspace that throttles the first credential request ({@code 429} with {@code Retry-After: 2}) delays start-up by
 * the two seconds it asked for, and no more.
 */
@ExtendWith(StartupWaitsForTheThrottledWorkspaceTest.OneThrottled.class)
class StartupWaitsForTheThrottledWorkspaceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.quarkiverse.lakebase"))
            .assertLogRecords(StartupWaitsForTheThrottledWorkspaceTest::mintedAgainAfterTheDelayAskedFor);

    @Test
    void starts() {
        assertThat(EmulatorRequests.count(EmulatorRequests.CREDENTIALS)).isEqualTo(2);
    }

    private static void mintedAgainAfterTheDelayAskedFor(List<LogRecord> records) {
        Instant throttled = instantOf(records, Level.WARNING, "HTTP 429");
        Instant minted = instantOf(records, Level.INFO, "minted again after 1 failed attempt");
        assertThat(Duration.between(throttled, minted)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    private static Instant instantOf(List<LogRecord> records, Level level, String fragment) {
        return records.stream().filter(record -> record.getLevel().equals(level))
                .filter(record -> String.valueOf(record.getMessage()).contains(fragment)
                        || formatted(record).contains(fragment))
                .map(LogRecord::getInstant).findFirst()
                .orElseThrow(() -> new AssertionError("no " + level + " record with '" + fragment + "'"));
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? "" : String.format(String.valueOf(record.getMessage()), parameters);
    }

    /** The local Lakebase, its workspace planning the fault before the application starts. */
    public static class OneThrottled extends LocalLakebaseExtension {
        public OneThrottled() {
            super("lakebase.test", List.of("{\"status\":429,\"times\":1,\"retryAfterSeconds\":\"2\"}"));
        }
    }
}
