package io.quarkiverse.lakebase.deployment.devservices;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.lakebase.runtime.config.DevServicesConfig;

/** Starts a local Lakebase outside Dev Services, for tests that play the part of a real deployment. */
final class TestLakebase {

    static final String DATABASE = "databricks_postgres";

    private TestLakebase() {
    }

    static LocalLakebase start(Duration tokenTtl) {
        LocalLakebase lakebase = new LocalLakebase(new DevServicesConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Duration tokenTtl() {
                return tokenTtl;
            }

            @Override
            public Optional<Integer> port() {
                return Optional.empty();
            }

            @Override
            public Optional<Integer> emulatorPort() {
                return Optional.empty();
            }

            @Override
            public String database() {
                return DATABASE;
            }
        });
        lakebase.start();
        return lakebase;
    }
}
