package org.candor.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

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
 * stars, author, excerpt, why it is there, the bulk checkbox) is rendered once per state of the line and language,
 * and kept: the key is the line as just read from the database (every field the HTML shows), so a line whose item,
 * post, subject or author changed is rendered again and nothing kept can show stale text. Only the time left and the
 * age are rendered per view. Rendering 100 lines afresh was most of a queue view's CPU (bench/profile queue: Qute's
 * expression resolution and message lookups). Kept as the UTF-8 bytes sent ({@link Fragment}). Bounded in bytes.
 */
@ApplicationScoped
public class QueueLines {

    /**
     * One line: the row as read, the part of its HTML that does not change with the clock, and the words for the
     * clock's part (from the language's bundle by a Java call: a {@code mod:} expression finds its message by name
     * among hundreds, twice per line).
     */
    public record Line(QueueReads.Row row, Fragment html, Clock clock) {

        /** "overdue by 3 h 5 min", or "2 h left". */
        public String due() {
            String span = Formats.span(row.timeLeft());
            return row.overdue() ? clock.words("o", span, clock.words::queue_overdue)
                    : clock.words("l", span, clock.words::queue_left);
        }

        /** "waiting 1 d 2 h". */
        public String age() {
            return clock.words("a", Formats.span(row.age()), clock.words::queue_age);
        }
    }

    /**
     * The clock's words in one language, each made once: a message of a bundle is a small template rendered per call,
     * and a queue page made 200 of them (a sixth of what a view allocated, bench/profile queue), from a few thousand
     * possible spans.
     */
    static final class Clock {

        private static final int MOST = 10_000;
        private final ModMsg words;
        private final Map<String, String> made = new ConcurrentHashMap<>();

        Clock(ModMsg words) {
            this.words = words;
        }

        String words(String kind, String span, UnaryOperator<String> message) {
            String key = kind + span;
            String found = made.get(key);
            if (found == null) {
                if (made.size() >= MOST) {
                    made.clear();
                }
                found = message.apply(span);
                made.put(key, found);
            }
            return found;
        }
    }

    private record Key(QueueReads.Row row, String lang, boolean bulk) {
    }

    /** A few pages of every tab in each language: what the lines hold (texts, rendered HTML) is at most this. */
    static final long MAX_BYTES = 8L << 20;

    private final Cache<Key, Fragment> kept;
    private final Map<String, Clock> clocks = new ConcurrentHashMap<>();
    private final Ui ui;

    QueueLines(Ui ui, MeterRegistry registry) {
        this.ui = ui;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Key key, Fragment html) -> html.size() + 2 * (length(key.row().text())
                        + length(key.row().subjectName()) + length(key.row().authorName())) + 512)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, kept, "queue-lines");
    }

    /** The lines of a page of {@code tab}, in its order. */
    public List<Line> of(QueueTab tab, List<QueueReads.Row> rows) {
        boolean bulk = tab == QueueTab.HELD || tab == QueueTab.REPLY;
        String lang = ui.lang();
        Clock clock = clocks.computeIfAbsent(lang,
                l -> new Clock(MessageBundles.get(ModMsg.class, Localized.Literal.of(l))));
        List<Line> lines = new ArrayList<>(rows.size());
        for (QueueReads.Row row : rows) {
            Fragment html = kept.get(new Key(row, lang, bulk),
                    k -> Fragment.of(QueueResource.Templates.queueLine(k.row(), k.bulk()).render()));
            lines.add(new Line(row, html, clock));
        }
        return lines;
    }

    /** How many lines were served from memory so far (for tests and operators; also in the metrics). */
    long hits() {
        return kept.stats().hitCount();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
