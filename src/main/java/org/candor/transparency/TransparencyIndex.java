package org.candor.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import org.candor.policy.ModerationPolicy;
import org.candor.policy.Settings;
import org.candor.publiclog.PublicLog;
import org.candor.publiclog.Transparency;

/**
 * The transparency numbers of this board, kept up to date as entries arrive: every leaf of the public log is read once,
 * in order, into a {@link Transparency} (the same code the stand-alone verifier recomputes them with), and a period's
 * report is computed from it on demand and kept until the log grows. Reading the log is cheap when nothing is new (one
 * indexed query), so every request first catches up.
 */
@ApplicationScoped
public class TransparencyIndex {

    private static final int BATCH = 5000;

    private final PublicLog log;
    private final ModerationPolicy policy;
    private final TransparencyConfig config;
    private volatile Transparency numbers;
    private final Map<String, Map<String, Object>> reports = new ConcurrentHashMap<>();

    TransparencyIndex(PublicLog log, ModerationPolicy policy, TransparencyConfig config) {
        this.log = log;
        this.policy = policy;
        this.config = config;
    }

    /** Reads what the log gained since the last read. */
    @Scheduled(every = "${candor.transparency.refresh:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void catchUp() {
        Transparency t = numbers == null ? new Transparency(config.zone()) : numbers;
        List<byte[]> leaves;
        do {
            leaves = log.leaves(t.through(), BATCH);
            for (byte[] leaf : leaves) {
                t.addLeaf(leaf);
            }
        } while (leaves.size() == BATCH);
        numbers = t;
    }

    /** The report of the days {@code from} to {@code to} (inclusive), as of the latest entry. */
    public Map<String, Object> report(LocalDate from, LocalDate to) {
        catchUp();
        Transparency t = numbers;
        Settings s = policy.settings();
        Transparency.Targets targets = new Transparency.Targets(s.targetLowMinutes(), s.targetMidMinutes(),
                s.targetHighMinutes());
        String key = from + "/" + to + "/" + t.through() + "/" + targets;
        Map<String, Object> cached = reports.get(key);
        if (cached == null) {
            synchronized (this) {
                cached = t.report(from, to, targets);
            }
            if (reports.size() > 200) {
                reports.clear();
            }
            reports.put(key, cached);
        }
        return cached;
    }

    /** A subject's line: its reviews of 1–2 stars in the last months, how many answered, the median time (s, or -1). */
    public long[] negativeReviewsAnswered(String subjectSlug) {
        catchUp();
        Instant since = ZonedDateTime.now(config.zone()).minusMonths(config.subjectMonths()).toInstant();
        synchronized (this) {
            return numbers.answered(subjectSlug, 2, since);
        }
    }

    public java.time.ZoneId zone() {
        return config.zone();
    }

    public int subjectMonths() {
        return config.subjectMonths();
    }
}
