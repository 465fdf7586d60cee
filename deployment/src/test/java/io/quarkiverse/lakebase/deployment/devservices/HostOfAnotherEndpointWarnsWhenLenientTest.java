package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/** With {@code host-check=lenient}, the same mismatch is a warning that names both hosts, and the application starts. */
@ExtendWith(HostOfAnotherEndpointStopsStartupTest.ListsAnotherHost.class)
class HostOfAnotherEndpointWarnsWhenLenientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .overrideConfigKey("quarkus.lakebase.host-check", "lenient")
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.quarkiverse.lakebase"))
            .assertLogRecords(records -> assertThat(records)
                    .filteredOn(record -> record.getLevel().equals(Level.WARNING))
                    .map(record -> String.valueOf(record.getMessage()))
                    .anySatisfy(message -> assertThat(message).contains("is not a host of endpoint",
                            EndpointHostFaults.OTHER_HOST)));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void startsAndConnects() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
