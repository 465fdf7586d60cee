package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The {@code Lakebase} bean of a datasource switched off with {@code quarkus.datasource."reports".active=false} can be
 * injected: only its pool is missing, and the Dev UI shows no pool counts for it and flushes nothing.
 */
@ExtendWith(LocalLakebaseExtension.class)
class InactiveNamedDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.application(),
            "quarkus.lakebase.\"reports\".", "lakebase.test")
            .overrideConfigKey("quarkus.datasource.\"reports\".active", "false");

    @Inject
    @DataSource("reports")
    Lakebase reports;

    @Inject
    LakebaseLogins credentials;

    @Test
    void theBeanOfAnInactiveDatasourceIsInjectedWithoutItsPool() {
        assertThat(reports.datasource()).isEqualTo("reports");
        assertThat(reports.connectionConfig().port()).isEqualTo(Integer.getInteger("lakebase.test.port"));
        // as an injected AgroalDataSource of an inactive datasource, the pool fails when it is used
        assertThatThrownBy(() -> reports.query("SELECT 1")).isInstanceOf(InactiveBeanException.class);

        LakebaseJsonRpcService devUi = new LakebaseJsonRpcService(credentials);
        List<Map<String, Object>> card = devUi.flushPool("reports");
        assertThat(card.get(0)).containsKey("poolIdle");
        assertThat(card.get(1)).containsEntry("datasource", "reports").doesNotContainKeys("poolActive", "poolIdle");
    }
}
