package io.quarkiverse.lakebase.runtime.token;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.TokenRefreshException;

/**
 * A token source that answers from a script of outcomes, then mints tokens of a fixed lifetime, and counts its calls.
 */
final class ScriptedTokenSource implements TokenSource {

    private final Clock clock;
    private final Duration lifetime;
    private final Deque<Supplier<DatabaseToken>> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedTokenSource(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    synchronized ScriptedTokenSource thenFail(TokenRefreshException failure, int times) {
        for (int i = 0; i < times; i++) {
            script.addLast(() -> {
                throw failure;
            });
        }
        return this;
    }

    synchronized ScriptedTokenSource thenAnswer(Supplier<DatabaseToken> answer) {
        script.addLast(answer);
        return this;
    }

    @Override
    public DatabaseToken mint() {
        int call = calls.incrementAndGet();
        Supplier<DatabaseToken> next;
        synchronized (this) {
            next = script.pollFirst();
        }
        if (next != null) {
            return next.get();
        }
        return new DatabaseToken("token-" + call, clock.instant(), clock.instant().plus(lifetime));
    }

    int calls() {
        return calls.get();
    }
}
