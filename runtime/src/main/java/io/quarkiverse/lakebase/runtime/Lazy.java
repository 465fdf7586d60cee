package io.quarkiverse.lakebase.runtime;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made on first use and kept. A failure to make it is not kept: the next use tries again, so a workspace that
 * was unreachable while the application started is used once it answers.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = factory.get();
                    value = made;
                }
            }
        }
        return made;
    }

    /** The value if it was made, without making it. */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
