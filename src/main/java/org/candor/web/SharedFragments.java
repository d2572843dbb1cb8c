package org.candor.web;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The parts of a subject's page that are the same for every customer who reads it — its summary, statements and
 * review list as a visitor sees them, rendered — kept in memory, so a signed-in page renders only what is theirs
 * (the header, their review form). Stale exactly when {@link PublicPages}' pages of the same subject are: by the same
 * NOTIFYs and ticks, so a part whose rendering started before a change is never served after it. Bounded in bytes
 * ({@code candor.page-cache.max-bytes}, as much again as the page cache).
 */
@ApplicationScoped
public class SharedFragments {

    /** A part of one subject's page, rendered for everyone; {@code weight} roughly what it costs the heap, in bytes. */
    public interface Part {
        long subjectId();

        int weight();
    }

    private final KeptBySubject<Part> kept;

    SharedFragments(PageCacheConfig config, PublicPages pages, MeterRegistry registry) {
        this.kept = new KeptBySubject<>(pages, config.maxBytes(), config.expireAfterWrite(), Part::subjectId, Part::weight, registry,
                "shared-fragments");
    }

    /**
     * The part kept under {@code key} while nothing of its subject has changed since it was rendered; otherwise the one
     * {@code render} makes now (null: there is none, nothing kept). The key must name everything the part depends on
     * (language, subject, sort, page).
     */
    @SuppressWarnings("unchecked")
    public <T extends Part> T get(String key, Supplier<T> render) {
        return (T) kept.get(key, render::get);
    }

    /** Whether {@code part} is the one kept under {@code key} and still fresh (see {@link KeptBySubject#current}). */
    public boolean current(String key, Part part) {
        return kept.current(key, part);
    }

    /** How many parts were served from memory so far (for tests and operators; also in the metrics). */
    public long hits() {
        return kept.hits();
    }
}
