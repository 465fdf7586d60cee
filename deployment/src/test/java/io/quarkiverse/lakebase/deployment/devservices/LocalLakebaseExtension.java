package io.quarkiverse.lakebase.deployment.devservices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a local Lakebase outside Dev Services before a test class, for tests that play the part of a real deployment.
 * Its coordinates are published as system properties ({@code lakebase.test.*}) because the application under test
 * runs in another class loader; tests refer to them with {@code ${lakebase.test.port}} expressions.
 */
public class LocalLakebaseExtension implements BeforeAllCallback, AfterAllCallback {

    static final String DATABASE = "databricks_postgres";

    private final String prefix;
    private final List<String> faults;
    private LocalLakebase lakebase;

    public LocalLakebaseExtension() {
        this("lakebase.test");
    }

    /** A local Lakebase whose coordinates are published as {@code <prefix>.port} and so on. */
    protected LocalLakebaseExtension(String prefix) {
        this(prefix, List.of());
    }

    /**
     * A local Lakebase whose workspace emulator has these faults planned ({@code /emulator/faults}) before the
     * application under test starts. Tests declare a subclass with {@code @ExtendWith}: a static field would be
     * initialised again in the application's class loader, which does not see this class.
     */
    protected LocalLakebaseExtension(String prefix, List<String> faults) {
        this.prefix = prefix;
        this.faults = faults;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        lakebase = TestLakebase.start(Duration.ofHours(1));
        String nativePassword = "native-" + lakebase.clientSecret();
        lakebase.postgres().setPassword(nativePassword, Instant.now().plus(Duration.ofDays(1)));
        properties(nativePassword).forEach(System::setProperty);
        faults.forEach(fault -> EmulatorRequests.inject(lakebase.workspaceUrl(), fault));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        properties("").keySet().forEach(System::clearProperty);
        lakebase.close();
    }

    private Map<String, String> properties(String nativePassword) {
        return Map.of(
                prefix + ".port", String.valueOf(lakebase.postgresPort()),
                prefix + ".database", DATABASE,
                prefix + ".endpoint", WorkspaceEmulator.ENDPOINT,
                prefix + ".workspace-url", lakebase.workspaceUrl(),
                prefix + ".client-id", lakebase.clientId(),
                prefix + ".client-secret", lakebase.clientSecret(),
                prefix + ".native-password", nativePassword);
    }
}
