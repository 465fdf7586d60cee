package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The workspace answers 404 for the endpoint resource while it still mints for it (a permission or API difference):
 * the host cannot be checked, which is a warning, not a reason to stop.
 */
@ExtendWith(EndpointUnknownToTheWorkspaceHostCheckTest.UnknownEndpoint.class)
class EndpointUnknownToTheWorkspaceHostCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.quarkiverse.lakebase"))
            .assertLogRecords(records -> assertThat(records)
                    .filteredOn(record -> record.getLevel().equals(Level.WARNING))
                    .map(record -> String.valueOf(record.getMessage()))
                    .anySatisfy(message -> assertThat(message).contains("does not know endpoint")));

    @Test
    void starts() {
        assertThat(EmulatorRequests.count(WorkspaceEmulator.ENDPOINT_PATH)).isEqualTo(1);
    }

    public static class UnknownEndpoint extends LocalLakebaseExtension {
        public UnknownEndpoint() {
            super("lakebase.test", List.of(EndpointHostFaults.unknownEndpoint()));
        }
    }
}
