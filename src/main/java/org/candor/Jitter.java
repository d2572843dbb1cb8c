package org.candor;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long one cached entry lives when a bound on its age is what matters, not the moment: between half of the bound
 * and all of it, each entry its own while. Entries made together (every customer of a busy morning, a benchmark's
 * sign-ins) then do not all expire together, and their renewals — a page rendered through the whole security chain,
 * an account read — come spread out instead of in one wave (#19, docs/benchmarks.md).
 */
public final class Jitter {

    private Jitter() {
    }

    /** A duration between half of {@code bound} and {@code bound}, at random. */
    public static Duration within(Duration bound) {
        long half = bound.toNanos() / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
