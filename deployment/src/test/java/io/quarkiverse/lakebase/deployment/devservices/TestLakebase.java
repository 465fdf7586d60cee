package io.quarkiverse.lakebase.deployment.devservices;

import java.time.Duration;

/** Starts a local Lakebase outside Dev Services, for tests that play the part of a real deployment. */
final class TestLakebase {

    static final String DATABASE = LocalLakebase.DEFAULT_DATABASE;

    private TestLakebase() {
    }

    static LocalLakebase start(Duration tokenTtl) {
        LocalLakebase lakebase = LocalLakebase.standalone(tokenTtl);
        lakebase.start();
        return lakebase;
    }
}
