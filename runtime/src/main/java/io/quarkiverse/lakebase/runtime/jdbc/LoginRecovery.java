package io.quarkiverse.lakebase.runtime.jdbc;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link LakebaseDriver} asks the application when a connection fails.
 */
public interface LoginRecovery {

    /** The password to retry a refused login with, or empty when retrying cannot help now. */
    Optional<String> passwordAfterRejection(String rejectedPassword);

    /** How long to keep retrying while PostgreSQL refuses connections or is starting up. */
    Duration wakeUpTimeout();
}
