package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Start-up mints one token, although the Flyway migration opens a connection before the extension's own start-up
 * begins the first mint: that mint is not repeated. The profile gives the application a local Lakebase of its own, so
 * the workspace emulator has counted this start-up's requests only.
 */
@QuarkusTest
@TestProfile(OneMintAtStartUpTest.OwnLocalLakebase.class)
class OneMintAtStartUpTest {

    @Test
    void startUpMintedOneToken() {
        assertThat(WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS)).isEqualTo(1);
    }

    /** A token lifetime no other profile uses: Dev Services start a local Lakebase for this configuration alone. */
    public static class OwnLocalLakebase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lakebase.devservices.token-ttl", "50M");
        }
    }
}
