package org.candor.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Values made from one subject's data only, kept in memory while nothing of that subject has changed: stale exactly
 * when {@link PublicPages}' pages of the subject are, by the same NOTIFYs and ticks, so a value whose making started
 * before a change is never served after it, and nothing is kept while this instance cannot hear of changes. Bounded
 * in bytes.
 */
public final class KeptBySubject<T> {

    /**
     * A value, the tick its making started at, and until when (System.nanoTime) it is young: made or found the same,
     * plus half to all of the expiry, each value its own while (values made together, every customer's own part of a
     * busy page, then do not all age in the same second: they did, and were made again hundreds in one).
     */
    private record Kept<T>(T value, long madeAt, long youngUntil) {
    }

    private final Cache<String, Kept<T>> kept;
    /** The keys whose value, aged, one reader is making again (meanwhile the kept one is served: see get). */
    private final Set<String> remaking = ConcurrentHashMap.newKeySet();
    private final PublicPages pages;
    private final ToLongFunction<T> subject;
    private final Duration expiry;
    /** Values made again only because they aged, found the same as the one kept, or not (for operators). */
    private final Counter same;
    private final Counter different;

    /**
     * {@code subject} names the subject a value was made from; {@code weight} roughly what it costs the heap, in bytes;
     * {@code name} the cache's name in the metrics; nothing is served older than {@code expiry} without being made
     * again from the database, changed or not.
     */
    public KeptBySubject(PublicPages pages, long maxBytes, Duration expiry, ToLongFunction<T> subject,
            ToIntFunction<T> weight, MeterRegistry registry, String name) {
        this.pages = pages;
        this.subject = subject;
        this.expiry = expiry;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Kept<T> k) -> weight.applyAsInt(k.value()) + 2 * key.length() + 256)
                // an entry past its age is made again on the next read, and compared: kept meanwhile (see get)
                .expireAfterWrite(expiry.multipliedBy(2))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, kept, name);
        this.same = aged(registry, name, "same");
        this.different = aged(registry, name, "different");
    }

    /**
     * The value kept under {@code key} while nothing of its subject has changed since it was made and it is younger
     * than the expiry; otherwise the one {@code make} makes now (null: there is none, nothing kept). The key must name
     * everything the value depends on. A value made again only because it aged, and equal to the one kept, does not
     * replace it: what was built from the kept one (a customer's stencil, their remembered page: {@link #current})
     * stays current, instead of every customer's page of a busy subject being rendered again at once (#19). While one
     * reader makes an aged value again, the others are given the kept one (nothing of its subject was heard to change),
     * and what was built from it stays current ({@link #fresh}).
     */
    public T get(String key, Supplier<T> make) {
        long tick = pages.now();
        Kept<T> found = kept.getIfPresent(key);
        boolean unchanged = found != null && unchanged(found);
        if (unchanged && young(found)) {
            return found.value();
        }
        if (!unchanged) {
            return make(key, make, tick, found, false);
        }
        if (!remaking.add(key)) {
            // aged, nothing heard, and another reader is making it again: the kept one meanwhile, not every reader of
            // a busy page making its own at the same moment (hundreds a second did, and the page all but stopped)
            return found.value();
        }
        try {
            return make(key, make, tick, found, true);
        } finally {
            remaking.remove(key);
        }
    }

    private T make(String key, Supplier<T> make, long tick, Kept<T> found, boolean unchanged) {
        T made = make.get();
        if (made != null && tick >= 0) {
            if (unchanged && made.equals(found.value())) {
                // nothing changed since found.madeAt(), and the database says the same: the kept value, checked now
                same.increment();
                kept.put(key, new Kept<>(found.value(), found.madeAt(), youngUntil()));
                return found.value();
            }
            if (unchanged) {
                // aged, and the database says otherwise though no change was heard: a change nobody announced
                different.increment();
            }
            kept.put(key, new Kept<>(made, tick, youngUntil()));
        }
        return made;
    }

    /**
     * The value kept under {@code key} while nothing of its subject has changed since it was made and it is younger than
     * the expiry (or, older, is being made again: see {@link #get}); else null. Makes none: reads memory only.
     */
    public T fresh(String key) {
        Kept<T> found = kept.getIfPresent(key);
        return found != null && unchanged(found) && (young(found) || remaking.contains(key)) ? found.value() : null;
    }

    /**
     * Whether {@code value} is the one kept under {@code key}, nothing of its subject has changed since it was made, and
     * it is younger than the expiry: what was built from it may still be served.
     */
    public boolean current(String key, T value) {
        T fresh = fresh(key);
        return fresh != null && fresh == value;
    }

    /** Made, or found the same by the database, less than its own while (half to all of the expiry) ago. */
    private boolean young(Kept<T> found) {
        return System.nanoTime() - found.youngUntil() < 0;
    }

    private long youngUntil() {
        return System.nanoTime() + org.candor.Jitter.within(expiry).toNanos();
    }

    private boolean unchanged(Kept<T> found) {
        return pages.unchangedSince(new PageScope.Subject(subject.applyAsLong(found.value())), found.madeAt());
    }

    private static Counter aged(MeterRegistry registry, String cache, String found) {
        return Counter.builder("candor.kept.aged").tag("cache", cache).tag("found", found)
                .description("Kept values made again because they aged, by whether the database said the same")
                .register(registry);
    }

    /** How many values were served from memory so far (for tests and operators; also in the metrics). */
    public long hits() {
        return kept.stats().hitCount();
    }
}
