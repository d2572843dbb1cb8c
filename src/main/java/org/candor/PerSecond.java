package org.candor;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** At most so many of something a second, for work that may wait: each second's first {@code limit} asks are granted. */
public final class PerSecond {

    /** A second (of the clock) and how many were granted in it. */
    private record Count(long second, int granted) {
    }

    private final int limit;
    private final LongSupplier nanos;
    private final AtomicReference<Count> count = new AtomicReference<>(new Count(Long.MIN_VALUE, 0));

    /** {@code nanos} is the clock, in nanoseconds (System::nanoTime). */
    public PerSecond(int limit, LongSupplier nanos) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        this.nanos = nanos;
    }

    /** Whether one more is granted in this second. */
    public boolean tryTake() {
        long second = Math.floorDiv(nanos.getAsLong(), 1_000_000_000L);
        while (true) {
            Count seen = count.get();
            int granted = seen.second() == second ? seen.granted() : 0;
            if (granted >= limit) {
                return false;
            }
            if (count.compareAndSet(seen, new Count(second, granted + 1))) {
                return true;
            }
        }
    }
}
