package io.quarkiverse.lakebase.runtime.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where {@link LakebaseDriver}, which the pool instantiates by class name, reports to the application's beans.
 */
public final class ConnectionEvents {

    private static final List<ConnectionListener> LISTENERS = new CopyOnWriteArrayList<>();

    private ConnectionEvents() {
    }

    public static void register(ConnectionListener listener) {
        LISTENERS.add(listener);
    }

    public static void unregister(ConnectionListener listener) {
        LISTENERS.remove(listener);
    }

    static void loginRejected(String username) {
        LISTENERS.forEach(listener -> listener.loginRejected(username));
    }

    static void connectFailed(String sqlState) {
        LISTENERS.forEach(listener -> listener.connectFailed(sqlState));
    }
}
