package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;

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

    /**
     * Waits for a connection first seen once two rotations were done: the emulator replaces the role's password at each
     * rotation, so that connection logged in with a token newer than the ones before. A client that kept an old token
     * would never get there. How soon the pool replaces an expired connection is its own business; the deadline bounds
     * it.
     * <p>
     * The emulator replaces the password before its answer with the new token reaches the cache, where real Lakebase
     * keeps earlier tokens valid until they expire: a connection opened in that moment is refused. The reactive client
     * does not retry a refused login (the JDBC driver does), so the test tolerates one such refusal per rotation.
     */
    @Test
    void newReactiveConnectionsLogInWithTheCurrentTokenAcrossRotations() {
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        long rotationsBefore = refreshCount();
        Map<Integer, Long> rotationsWhenFirstSeen = new HashMap<>();
        AtomicInteger refusedLogins = new AtomicInteger();
        await("a connection opened after two token rotations").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long rotations = refreshCount();
                    Row row;
                    try {
                        row = reactive.query("SELECT current_user, pg_backend_pid()").execute().await()
                                .atMost(DEADLINE).iterator().next();
                    } catch (PgException e) {
                        assertThat(e.getSqlState()).as("why the query failed: " + e.getMessage()).isEqualTo("28P01");
                        refusedLogins.incrementAndGet();
                        return false;
                    }
                    assertThat(row.getString(0)).as("the role of the Lakebase login")
                            .isEqualTo(lakebase.connectionConfig().username());
                    rotationsWhenFirstSeen.putIfAbsent(row.getInteger(1), rotations);
                    return rotationsWhenFirstSeen.values().stream().anyMatch(seen -> seen >= rotationsBefore + 2);
                });

        assertThat(refusedLogins.get()).as("logins refused in a rotation's race with the emulator")
                .isLessThanOrEqualTo((int) (refreshCount() - rotationsBefore));
        // The emulator counts a mint when asked, the cache when answered, and rotations go on: a mint that fell between
        // the two first reads counts as one more. A client that minted tokens of its own would mint for each of its
        // connections, a few in this test; a mint still on its way to the cache is waited for.
        await("the emulator's mints to be the cache's rotations").atMost(DEADLINE).untilAsserted(() -> {
            long mints = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS) - mintsBefore;
            long rotations = refreshCount() - rotationsBefore;
            assertThat(mints).as("mints: the cache's rotations only").isBetween(rotations, rotations + 1);
        });
    }

    private long refreshCount() {
        return lakebase.status().refreshCount();
    }
}
