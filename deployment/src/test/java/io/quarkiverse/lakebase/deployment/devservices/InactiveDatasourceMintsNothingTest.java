package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.health.LakebaseHealthCheck;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A datasource switched off with {@code quarkus.datasource."reports".active=false} (a datasource one environment
 * does not have, say) asks the workspace for nothing: no token is minted for it at start-up, although its token
 * settings would give it a token cache of its own, and the readiness check does not wait for its token.
 */
@ExtendWith(LocalLakebaseExtension.class)
class InactiveDatasourceMintsNothingTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.application(),
            "quarkus.lakebase.\"reports\".", "lakebase.test")
            // another token lifetime: not the default datasource's token cache
            .overrideConfigKey("quarkus.lakebase.\"reports\".token.ttl", "30M")
            .overrideConfigKey("quarkus.datasource.\"reports\".active", "false");

    @Inject
    Lakebase lakebase;

    @Inject
    LakebaseLogins logins;

    @Test
    void onlyTheActiveDatasourceMintsAToken() throws Exception {
        assertThat(lakebase.query("SELECT 1").rows()).hasSize(1);

        assertThat(EmulatorRequests.count(EmulatorRequests.CREDENTIALS)).as("credential requests").isEqualTo(1);
    }

    @Test
    void theReadinessCheckIsUpWithoutATokenForTheInactiveDatasource() {
        HealthCheckResponse readiness = new LakebaseHealthCheck(logins).call();

        assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness.getData().orElseThrow()).doesNotContainKey("reports.host");
    }
}
