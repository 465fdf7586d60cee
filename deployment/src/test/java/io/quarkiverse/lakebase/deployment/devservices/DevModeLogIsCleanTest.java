package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Dev mode against the local Lakebase, on a machine without Docker, logs no warning or error while it starts, and the
 * Databricks SDK does not narrate which authentication types it skips: a newcomer reads those as "broken".
 */
class DevModeLogIsCleanTest {

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withEmptyApplication()
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    || record.getLoggerName().startsWith("com.databricks.sdk")
                    || record.getLoggerName().startsWith("org.testcontainers"));

    @Test
    void startsWithoutWarningsOrSdkChatter() {
        assertThat(DEV.getLogRecords()).extracting(DevModeLogIsCleanTest::describe)
                .noneMatch(line -> line.contains("com.databricks.sdk") || line.contains("org.testcontainers"));
        assertThat(DEV.getLogRecords()).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(DevModeLogIsCleanTest::describe).isEmpty();
    }

    private static String describe(LogRecord record) {
        return record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage();
    }
}
