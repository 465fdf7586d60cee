package io.quarkiverse.lakebase.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The one dependency on Agroal's pool internals degrades gracefully: if finding a connection's pool entry fails with a
 * linkage error (a method that is gone after an upgrade) or a handler of another type, connections keep being opened
 * and returned, and the interceptor says once that it is off.
 */
class StaggeredRetirementTest {

    private final List<Throwable> turnedOff = new CopyOnWriteArrayList<>();

    @Test
    void aChangedAgroalTurnsStaggeringOffOnceAndConnectionsKeepWorking() {
        StaggeredRetirement interceptor = new StaggeredRetirement(
                new ConnectionLifetimes(Duration.ofMinutes(45), Duration.ofMinutes(5), () -> 0.5),
                connection -> {
                    throw new NoSuchMethodError("io.agroal.pool.wrapper.ConnectionWrapper.getHandler()");
                }, turnedOff::add);

        for (int i = 0; i < 5; i++) {
            Connection connection = connection();
            assertThatCode(() -> {
                interceptor.onConnectionCreate(connection);
                interceptor.onConnectionReturn(connection);
                interceptor.onConnectionDestroy(connection);
            }).doesNotThrowAnyException();
        }
        assertThat(turnedOff).singleElement().isInstanceOf(NoSuchMethodError.class);
    }

    @Test
    void aHandlerOfAnotherTypeTurnsStaggeringOff() {
        StaggeredRetirement interceptor = new StaggeredRetirement(
                new ConnectionLifetimes(Duration.ofMinutes(45), Duration.ofMinutes(5), () -> 0.5),
                connection -> {
                    throw new ClassCastException("class ConnectionHandler2 cannot be cast to class TransactionAware");
                }, turnedOff::add);

        assertThatCode(() -> interceptor.onConnectionCreate(connection())).doesNotThrowAnyException();
        assertThat(turnedOff).singleElement().isInstanceOf(ClassCastException.class);
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> null);
    }
}
