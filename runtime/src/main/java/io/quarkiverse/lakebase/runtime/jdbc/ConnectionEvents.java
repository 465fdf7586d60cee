package io.quarkiverse.lakebase.runtime.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.lakebase.ConnectionListener;

/**
 * Where {@link LakebaseDriver}, which the pool instantiates by class name, reports to the application's beans.
 */
public final class ConnectionEvents {

    private static final List<ConnectionListener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Duration DEFAULT_WAKE_UP_TIMEOUT = Duration.ofSeconds(15);
    private static final List<LoginRecovery> RECOVERIES = new CopyOnWriteArrayList<>();

    private ConnectionEvents() {
    }

    public static void register(ConnectionListener listener) {
        LISTENERS.add(listener);
    }

    public static void unregister(ConnectionListener listener) {
        LISTENERS.remove(listener);
    }

    /** A datasource's login, asked when one of its connections fails. */
    public static void addRecovery(LoginRecovery loginRecovery) {
        RECOVERIES.add(loginRecovery);
    }

    public static void removeRecovery(LoginRecovery loginRecovery) {
        RECOVERIES.remove(loginRecovery);
    }

    /** How many listeners are registered: a diagnostic of what applications registered and did not take back. */
    public static int listenerCount() {
        return LISTENERS.size();
    }

    /** How many logins are registered: a diagnostic of what applications registered and did not take back. */
    public static int recoveryCount() {
        return RECOVERIES.size();
    }

    /** Only the login whose token cache issued the refused password answers; the others know nothing of it. */
    static Optional<String> passwordAfterRejection(String rejectedPassword) {
        if (rejectedPassword == null) {
            return Optional.empty();
        }
        for (LoginRecovery recovery : RECOVERIES) {
            Optional<String> retry = recovery.passwordAfterRejection(rejectedPassword);
            if (retry.isPresent()) {
                return retry;
            }
        }
        return Optional.empty();
    }

    /** The driver does not know which datasource it connects for: the longest configured wait applies. */
    static Duration wakeUpTimeout() {
        return RECOVERIES.stream().map(LoginRecovery::wakeUpTimeout).max(Duration::compareTo)
                .orElse(DEFAULT_WAKE_UP_TIMEOUT);
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
