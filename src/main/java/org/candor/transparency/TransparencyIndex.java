package org.candor.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import org.candor.policy.ModerationPolicy;
import org.candor.policy.Settings;
import org.candor.publiclog.LogLeaves;
import org.candor.publiclog.Transparency;
import org.candor.web.PageScope;
import org.candor.web.PublicPages;

/**
 * The transparency numbers of this board, kept up to date as entries arrive: every leaf of the public log is read once,
 * in order, into a {@link Transparency} (the same code the stand-alone verifier recomputes them with), and a period's
 * report is computed from it on demand and kept until the log grows. The reading happens in the background and before
 * each report; a subject's reply line never waits for it (until the first reading is done it is not shown).
 */
@ApplicationScoped
public class TransparencyIndex {

    private static final int BATCH = 1000;

    private final LogLeaves log;
    private final ModerationPolicy policy;
    private final TransparencyConfig config;
    /** Guards {@link #numbers}: {@link Transparency} is read and written under it only. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Transparency numbers;
    private final Map<String, Map<String, Object>> reports = new ConcurrentHashMap<>();
    /**
     * Subjects' lines as of {@link #numbers}, each with when it was computed (System.nanoTime): written under the lock,
     * computed again when the log says more of the subject, or a minute later (the months a line covers move on).
     */
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private static final long LINE_NANOS = 60_000_000_000L;

    private record Line(ReplyLine line, long at) {
    }

    private final PublicPages pages;
    private final Map<String, Transparency> bySubject = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Transparency> eldest) {
            return size() > 32;
        }
    };

    TransparencyIndex(LogLeaves log, ModerationPolicy policy, TransparencyConfig config, PublicPages pages) {
        this.log = log;
        this.pages = pages;
        this.policy = policy;
        this.config = config;
        this.numbers = new Transparency(config.zone());
    }

    /**
     * Reads what the log gained since the last read. A subject's line changes with what is read, which is after the
     * change's commit (its entry is numbered a moment later): the pages of a subject whose shown line changed are made
     * stale on this instance, so a page rendered in between (with the line as it was) is not kept for the page cache's
     * age.
     */
    @Scheduled(every = "${candor.transparency.refresh:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        lock.lock();
        try {
            long before = numbers.through();
            List<byte[]> leaves;
            do {
                leaves = log.leaves(numbers.through(), BATCH);
                for (byte[] leaf : leaves) {
                    numbers.addLeaf(leaf);
                }
            } while (leaves.size() == BATCH);
            if (numbers.through() == before && loaded) {
                return;
            }
            if (!loaded) {
                loaded = true;
                lines.clear();
                if (withoutLine) {
                    pages.changedHere(new PageScope.Board());
                }
                return;
            }
            // a line shown (kept) whose subject the log said more of: computed again, and when it changed, its pages
            // are made stale after the line is replaced (see replyLine)
            List<LogLeaves.Subject> read = lines.isEmpty() ? List.of() : log.subjectsBetween(before, numbers.through());
            for (LogLeaves.Subject subject : read) {
                Line shown = lines.get(subject.slug());
                ReplyLine now = shown == null ? null : compute(subject.slug());
                if (now != null && !now.equals(shown.line())) {
                    lines.put(subject.slug(), new Line(now, System.nanoTime()));
                    pages.changedHere(new PageScope.Subject(subject.id()));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the whole log has been read once (until then a subject's line is not shown). */
    private volatile boolean loaded;
    /** Whether a page was given no line before that (then every page is made stale once it is done). */
    private volatile boolean withoutLine;

    /** The report of the days {@code from} to {@code to} (inclusive), as of the latest entry. */
    public Map<String, Object> report(LocalDate from, LocalDate to) {
        Transparency.Targets targets = targets();
        lock.lock();
        try {
            catchUp();
            String key = from + "/" + to + "/" + numbers.through() + "/" + targets;
            Map<String, Object> cached = reports.get(key);
            if (cached == null) {
                cached = numbers.report(from, to, targets);
                if (reports.size() > 200) {
                    reports.clear();
                }
                reports.put(key, cached);
            }
            return cached;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The report of one subject's entries (kept for the subjects asked for most recently, and caught up from the
     * subject's entries only): what the subject's numbers link shows, and what the verifier recomputes when the report
     * names a subject.
     */
    public Map<String, Object> report(String subject, LocalDate from, LocalDate to) {
        Transparency.Targets targets = targets();
        long through;
        lock.lock();
        try {
            catchUp();
            through = numbers.through();
        } finally {
            lock.unlock();
        }
        Transparency t;
        synchronized (bySubject) {
            t = bySubject.computeIfAbsent(subject, k -> new Transparency(config.zone()));
        }
        synchronized (t) {
            long read = t.through();
            List<byte[]> leaves;
            do {
                leaves = log.leavesOfSubject(subject, read, through, BATCH);
                for (byte[] leaf : leaves) {
                    read = t.addLeafUpTo(leaf, null, through);
                }
            } while (leaves.size() == BATCH);
            Map<String, Object> report = t.report(from, to, targets);
            report.put("subject", subject);
            report.put("through", through);
            return report;
        }
    }

    /**
     * A subject's line: its reviews of 1–2 stars in the last months, how many answered, and how fast. Never waits for
     * the log's first reading (until it is done, there is no line: then every page is made stale); while another
     * thread reads it, the line last computed is given (what that reading finds about the subject makes the page
     * stale when it is done).
     */
    public ReplyLine replyLine(String subjectSlug) {
        if (!lock.tryLock()) {
            Line cached = lines.get(subjectSlug);
            if (cached != null) {
                return cached.line();
            }
            // told before loaded is read: the first reading either finds it (and makes every page stale) or is seen done
            withoutLine = true;
            if (!loaded) {
                return new ReplyLine(0, 0, -1, config.subjectMonths());
            }
            lock.lock();
        }
        try {
            if (!loaded) {
                withoutLine = true;
                return new ReplyLine(0, 0, -1, config.subjectMonths());
            }
            catchUp();
            Line line = lines.get(subjectSlug);
            if (line == null || System.nanoTime() - line.at() > LINE_NANOS) {
                line = new Line(compute(subjectSlug), System.nanoTime());
                lines.put(subjectSlug, line);
            }
            return line.line();
        } finally {
            lock.unlock();
        }
    }

    /** A subject's line as the numbers read so far say (under the lock). */
    private ReplyLine compute(String subjectSlug) {
        Instant since = ZonedDateTime.now(config.zone()).minusMonths(config.subjectMonths()).toInstant();
        long[] answered = numbers.answered(subjectSlug, 2, since);
        return new ReplyLine(answered[0], answered[1], answered[2], config.subjectMonths());
    }

    private Transparency.Targets targets() {
        Settings s = policy.settings();
        return new Transparency.Targets(s.targetLowMinutes(), s.targetMidMinutes(), s.targetHighMinutes());
    }

    /** The name of the subject with this address, if there is one. */
    public java.util.Optional<String> subjectName(String slug) {
        return log.subjectName(slug);
    }

    public java.time.ZoneId zone() {
        return config.zone();
    }
}
