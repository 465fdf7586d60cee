package io.quarkiverse.lakebase.deployment.devservices;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Applications under test that log in to a local Lakebase started by {@link LocalLakebaseExtension}. The application's
 * class loader initialises the test class again, so this class is part of every such application.
 */
public final class LocalLakebaseApplication {

    private LocalLakebaseApplication() {
    }

    /** An application whose default datasource is the local Lakebase's, and nothing else configured. */
    public static QuarkusUnitTest application() {
        return connect(new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(EmulatorRequests.class, LocalLakebaseApplication.class))
                .overrideConfigKey("quarkus.lakebase.devservices.enabled", "false"), "quarkus.lakebase.", "lakebase.test");
    }

    /**
     * Connects the datasource whose properties start with {@code prefix} to the local Lakebase whose coordinates are
     * published under {@code coordinates}, as a service principal.
     */
    public static QuarkusUnitTest connect(QuarkusUnitTest app, String prefix, String coordinates) {
        return app.overrideConfigKey(prefix + "endpoint", "${" + coordinates + ".endpoint}")
                .overrideConfigKey(prefix + "host", "127.0.0.1")
                .overrideConfigKey(prefix + "port", "${" + coordinates + ".port}")
                .overrideConfigKey(prefix + "database", "${" + coordinates + ".database}")
                .overrideConfigKey(prefix + "ssl-mode", "disable")
                .overrideConfigKey(prefix + "databricks.host", "${" + coordinates + ".workspace-url}")
                .overrideConfigKey(prefix + "databricks.auth-type", "oauth-m2m")
                .overrideConfigKey(prefix + "databricks.client-id", "${" + coordinates + ".client-id}")
                .overrideConfigKey(prefix + "databricks.client-secret", "${" + coordinates + ".client-secret}");
    }
}
