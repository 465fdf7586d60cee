package io.quarkiverse.lakebase.deployment.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.LakebaseSqlTool;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** Without {@code quarkus.lakebase.agent-tool.enabled}, no agent can be given the tool: there is no such bean. */
class SqlToolOffByDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Test
    void noToolBean() {
        assertThat(Arc.container().instance(LakebaseSqlTool.class).isAvailable()).isFalse();
    }
}
