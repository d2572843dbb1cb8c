package org.candor.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import org.candor.web.Formats;
import org.candor.web.Fragment;
import org.candor.web.Ui;

/**
 * The queue's lines as moderators see them. What a line shows that does not change with the clock (its kind, subject,
 * stars, author, excerpt, why it is there, the bulk checkbox, who claimed it, how it was resolved) is rendered once per
 * state of the line and language, and kept: the key is the line as just read from the database (every field the HTML
 * shows), so a line whose item, post, subject or author changed is rendered again and nothing kept can show stale
 * text. Per view, only whether it is overdue, the time left and the age are put in, from words made once per span.
 * Rendering 100 lines afresh was most of a queue view's CPU (bench/profile queue: Qute's expression resolution and
 * message lookups), and evaluating the clock's part in the page's template was still a third of it. Kept as the UTF-8
 * bytes sent ({@link Fragment}). Bounded in bytes.
 */
@ApplicationScoped
public class QueueLines {

    private static final Fragment START = Fragment.of("<li class=\"queue-item");
    private static final Fragment START_OVERDUE = Fragment.of("<li class=\"queue-item overdue");

    /**
     * The clock's words in one language as the HTML a line shows, each made once: a message of a bundle is a small
     * template rendered per call, and a queue page made 200 of them (a sixth of what a view allocated, bench/profile
     * queue), from a few thousand possible spans.
     */
    static final class Clock {

        private static final int MOST = 10_000;
        private final ModMsg words;
        private final Map<String, Fragment> made = new ConcurrentHashMap<>();

        Clock(ModMsg words) {
            this.words = words;
        }

        /** "overdue by 3 h 5 min · " (emphasised), or "2 h left · ". */
        Fragment due(QueueReads.Row row, boolean overdue) {
            String span = Formats.span(row.timeLeft());
            return overdue
                    ? made("o" + span, () -> "<strong class=\"due\">" + Fragment.escape(words.queue_overdue(span)) + "</strong> · ")
                    : made("l" + span, () -> "<span class=\"due\">" + Fragment.escape(words.queue_left(span)) + "</span> · ");
        }

        /** "waiting 1 d 2 h". */
        Fragment age(QueueReads.Row row) {
            String span = Formats.span(row.age());
            return made("a" + span, () -> Fragment.escape(words.queue_age(span)));
        }

        private Fragment made(String key, Supplier<String> html) {
            Fragment found = made.get(key);
            if (found == null) {
                if (made.size() >= MOST) {
                    made.clear();
                }
                found = Fragment.of(html.get());
                made.put(key, found);
            }
            return found;
        }
    }

    private record Key(QueueReads.Row row, String lang, boolean bulk) {
    }

    /** A line's kept parts: before the clock's part, and after it. */
    private record Kept(Fragment head, Fragment tail) {
    }

    /** A few pages of every tab in each language: what the lines hold (texts, rendered HTML) is at most this. */
    static final long MAX_BYTES = 8L << 20;

    private final Cache<Key, Kept> kept;
    private final Map<String, Clock> clocks = new ConcurrentHashMap<>();
    private final Ui ui;

    QueueLines(Ui ui, MeterRegistry registry) {
        this.ui = ui;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Key key, Kept html) -> html.head().size() + html.tail().size() + 2 * (length(key.row().text())
                        + length(key.row().subjectName()) + length(key.row().authorName())) + 512)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, kept, "queue-lines");
    }

    /** The lines of a page of {@code tab}, in its order, as the page's HTML. */
    public Fragment of(QueueTab tab, List<QueueReads.Row> rows) {
        boolean bulk = tab == QueueTab.HELD || tab == QueueTab.REPLY;
        String lang = ui.lang();
        Clock clock = clocks.computeIfAbsent(lang,
                l -> new Clock(MessageBundles.get(ModMsg.class, Localized.Literal.of(l))));
        List<Fragment> parts = new ArrayList<>(5 * rows.size());
        for (QueueReads.Row row : rows) {
            Kept line = kept.get(new Key(row, lang, bulk), k -> new Kept(
                    Fragment.of(QueueResource.Templates.queueLine$head(k.row(), k.bulk()).render()),
                    Fragment.of(QueueResource.Templates.queueLine$tail(k.row()).render())));
            boolean overdue = row.overdue(); // once: the line's class and its words agree at the very minute it falls due
            parts.add(overdue ? START_OVERDUE : START);
            parts.add(line.head());
            if (row.open()) {
                parts.add(clock.due(row, overdue));
                parts.add(clock.age(row));
            }
            parts.add(line.tail());
        }
        return Fragment.join(parts);
    }

    /** How many lines were served from memory so far (for tests and operators; also in the metrics). */
    long hits() {
        return kept.stats().hitCount();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
