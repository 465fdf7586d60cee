package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A workspace that does not list the endpoint's hosts within 3 s is passed over: start-up does not wait for it, and a
 * mismatch it would have shown later does not stop the application.
 */
@ExtendWith(EndpointHostsNotAnsweredTest.SlowEndpointResource.class)
class EndpointHostsNotAnsweredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void startsAndConnects() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    public static class SlowEndpointResource extends LocalLakebaseExtension {
        public SlowEndpointResource() {
            super("lakebase.test", List.of(EndpointHostFaults.listsAnotherHost(8000)));
        }
    }
}
