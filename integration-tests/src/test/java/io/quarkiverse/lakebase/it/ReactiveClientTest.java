package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The reactive PostgreSQL client of the Lakebase datasource logs in with the same cached token as the JDBC pool: its
 * connections keep being renewed across token rotations, and it never mints a token of its own.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class ReactiveClientTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    Pool reactive;

    @Inject
    Lakebase lakebase;

    @Test
    void newReactiveConnectionsLogInWithTheCurrentTokenAcrossRotations() {
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        long rotationsBefore = refreshCount();
        Set<Integer> backends = new HashSet<>();
        await("two token rotations").atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            Row row = reactive.query("SELECT current_user, pg_backend_pid()").execute().await().atMost(DEADLINE)
                    .iterator().next();
            assertThat(row.getString(0)).as("the role of the Lakebase login")
                    .isEqualTo(lakebase.connectionConfig().username());
            backends.add(row.getInteger(1));
            return refreshCount() >= rotationsBefore + 2;
        });

        assertThat(backends).as("connections opened again, with the newer tokens").hasSizeGreaterThan(1);
        assertThat(WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) - mintsBefore)
                .as("mints: the cache's rotations only").isEqualTo(refreshCount() - rotationsBefore);
    }

    private long refreshCount() {
        return lakebase.status().refreshCount();
    }
}
