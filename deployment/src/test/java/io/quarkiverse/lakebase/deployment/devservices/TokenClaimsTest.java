package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A datasource with token claims asks for them with each token, in the shape of the credential API, and never shares
 * its token with a datasource without claims on the same endpoint and identity.
 */
@ExtendWith(LocalLakebaseExtension.class)
class TokenClaimsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.application(),
            "quarkus.lakebase.reporting.", "lakebase.test")
            .overrideConfigKey("quarkus.lakebase.reporting.token.claims.permission-set", "read-only")
            .overrideConfigKey("quarkus.lakebase.reporting.token.claims.tables", "main.sales.orders,main.sales.products");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("reporting")
    AgroalDataSource reporting;

    @Test
    void theReportingTokenCarriesItsClaimsAndTheDefaultOneNone() throws Exception {
        connect(dataSource);
        connect(reporting);

        List<JsonNode> requests = new ArrayList<>();
        new ObjectMapper().readTree(EmulatorRequests.credentialRequests(System.getProperty("lakebase.test.workspace-url")))
                .forEach(requests::add);
        // the emulator keeps one password per role, so the two tokens replace each other's and are minted again:
        // what matters is that each datasource asks for its own kind of token, never the other's
        assertThat(requests).as("tokens without claims, for the default datasource")
                .anyMatch(request -> !request.has("claims"));
        assertThat(requests).as("tokens with claims, for the reporting datasource")
                .anyMatch(request -> request.has("claims"));
        JsonNode claimed = requests.stream().filter(request -> request.has("claims")).findFirst().orElseThrow();
        assertThat(claimed.get("endpoint").asText()).isEqualTo(WorkspaceEmulator.ENDPOINT);
        assertThat(claimed.get("claims")).hasSize(1);
        JsonNode claim = claimed.get("claims").get(0);
        assertThat(claim.get("permission_set").asText()).isEqualTo("READ_ONLY");
        assertThat(claim.get("resources").findValuesAsText("table_name"))
                .containsExactly("main.sales.orders", "main.sales.products");
    }

    private static void connect(AgroalDataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
