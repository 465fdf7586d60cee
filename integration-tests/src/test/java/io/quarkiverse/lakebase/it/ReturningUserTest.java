package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A user whose pool was evicted while one of its connections was still in use comes back before that connection is
 * returned: the user's new pool logs in with the token the user already has, so a user costs a mint per token lifetime
 * however often the user's pool is made again.
 */
@QuarkusTest
@TestProfile(ReturningUserTest.PoolForOneUser.class)
class ReturningUserTest {

    private static final String ANN = "ann@example.com";
    private static final String BEN = "ben@example.com";

    @Inject
    Lakebase lakebase;

    @Test
    void aUserBackWhileTheEvictedPoolStillLendsAConnectionCostsNoMint() throws Exception {
        String ann = WorkspaceEmulatorClient.userToken(ANN);
        try (Connection held = lakebase.asUser(ann).dataSource().getConnection()) {
            int annsMints = WorkspaceEmulatorClient.mintsFor(ANN);
            try (Connection ben = lakebase.asUser(WorkspaceEmulatorClient.userToken(BEN)).dataSource().getConnection()) {
                assertThat(currentUser(ben)).as("Ben's pool, which evicts Ann's").isEqualTo(BEN);
            }

            try (Connection annAgain = lakebase.asUser(ann).dataSource().getConnection()) {
                assertThat(currentUser(annAgain)).isEqualTo(ANN);
            }
            assertThat(currentUser(held)).as("the evicted pool's connection, still lent").isEqualTo(ANN);
            assertThat(WorkspaceEmulatorClient.mintsFor(ANN)).as("mints for Ann").isEqualTo(annsMints);
        }
    }

    private static String currentUser(Connection connection) throws Exception {
        try (ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Two users of the local Lakebase and pools for one, so that each user's request evicts the other's pool. */
    public static class PoolForOneUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.lakebase.devservices.users", ANN + "," + BEN,
                    "quarkus.lakebase.on-behalf-of-user.max-users", "1");
        }
    }
}
