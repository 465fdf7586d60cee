package io.quarkiverse.lakebase.runtime.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where {@link LakebaseDriver}, which the pool instantiates by class name, reports to the application's beans.
 */
public final class ConnectionEvents {

    private static final List<ConnectionListener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Duration DEFAULT_WAKE_UP_TIMEOUT = Duration.ofSeconds(15);
    private static volatile LoginRecovery recovery;

    private ConnectionEvents() {
    }

    public static void register(ConnectionListener listener) {
        LISTENERS.add(listener);
    }

    public static void unregister(ConnectionListener listener) {
        LISTENERS.remove(listener);
    }

    public static void recoverWith(LoginRecovery loginRecovery) {
        recovery = loginRecovery;
    }

    public static void stopRecovering(LoginRecovery loginRecovery) {
        if (recovery == loginRecovery) {
            recovery = null;
        }
    }

    static Optional<String> passwordAfterRejection(String rejectedPassword) {
        LoginRecovery current = recovery;
        return current == null || rejectedPassword == null ? Optional.empty()
                : current.passwordAfterRejection(rejectedPassword);
    }

    static Duration wakeUpTimeout() {
        LoginRecovery current = recovery;
        return current == null ? DEFAULT_WAKE_UP_TIMEOUT : current.wakeUpTimeout();
    }

    static void connectRetried(String sqlState, Duration delay) {
        LISTENERS.forEach(listener -> listener.connectRetried(sqlState, delay));
    }

    static void loginRejected(String username) {
        LISTENERS.forEach(listener -> listener.loginRejected(username));
    }

    static void connectFailed(String sqlState) {
        LISTENERS.forEach(listener -> listener.connectFailed(sqlState));
    }
}
