package org.candor.web;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Values made from one subject's data only, kept in memory while nothing of that subject has changed: stale exactly
 * when {@link PublicPages}' pages of the subject are, by the same NOTIFYs and ticks, so a value whose making started
 * before a change is never served after it, and nothing is kept while this instance cannot hear of changes. Bounded
 * in bytes.
 */
public final class KeptBySubject<T> {

    private record Kept<T>(T value, long madeAt) {
    }

    private final Cache<String, Kept<T>> kept;
    private final PublicPages pages;
    private final ToLongFunction<T> subject;

    /**
     * {@code subject} names the subject a value was made from; {@code weight} roughly what it costs the heap, in bytes;
     * {@code name} the cache's name in the metrics; nothing is kept longer than {@code expiry}, changed or not.
     */
    public KeptBySubject(PublicPages pages, long maxBytes, Duration expiry, ToLongFunction<T> subject,
            ToIntFunction<T> weight, MeterRegistry registry, String name) {
        this.pages = pages;
        this.subject = subject;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Kept<T> k) -> weight.applyAsInt(k.value()) + 2 * key.length() + 256)
                .expireAfterWrite(expiry)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, kept, name);
    }

    /**
     * The value kept under {@code key} while nothing of its subject has changed since it was made; otherwise the one
     * {@code make} makes now (null: there is none, nothing kept). The key must name everything the value depends on.
     */
    public T get(String key, Supplier<T> make) {
        long tick = pages.now();
        Kept<T> found = kept.getIfPresent(key);
        if (found != null && pages.unchangedSince(new PageScope.Subject(subject.applyAsLong(found.value())), found.madeAt())) {
            return found.value();
        }
        T made = make.get();
        if (made != null && tick >= 0) {
            kept.put(key, new Kept<>(made, tick));
        }
        return made;
    }

    /**
     * Whether {@code value} is the one kept under {@code key} and nothing of its subject has changed since it was made:
     * what was built from it may still be served.
     */
    public boolean current(String key, T value) {
        Kept<T> found = kept.getIfPresent(key);
        return found != null && found.value() == value
                && pages.unchangedSince(new PageScope.Subject(subject.applyAsLong(value)), found.madeAt());
    }

    /** How many values were served from memory so far (for tests and operators; also in the metrics). */
    public long hits() {
        return kept.stats().hitCount();
    }
}
