package org.candor.publiclog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transparency numbers, computed from the public log alone: fed every leaf in sequence order ({@link #add}), it
 * answers the report of any period ({@link #report}) as a flat map of figures. The server and the stand-alone verifier
 * ({@code candor-verify.jar report}) run this same code, so anyone can recompute every figure a board publishes.
 * <p>
 * What counts where:
 * <ul>
 * <li>Events (posts received, held, published after a hold, hidden, restored, redacted, labelled, replied; decisions;
 * reports, notices and appeals received and decided) count in the period in which they happened, by their time on the
 * log, in the board's time zone.</li>
 * <li>Times to a decision on a report or notice: decisions in the period, from the receipt they decide (the oldest
 * undecided one about the same post).</li>
 * <li>Times to the first official reply: first replies in the period, from the review's arrival; reviews that arrived
 * before the log recorded arrivals have none.</li>
 * <li>Shares answered, held, hidden, and the parity table: the reviews that arrived in the period, with what happened to
 * them up to the last entry read ({@code through}).</li>
 * </ul>
 * Durations are whole seconds; shares are basis points (1/100 of a percent, rounded down), null when nothing was
 * counted; a median is the lower median, a 90th percentile the nearest rank. Memory: a few bytes per review.
 */
public final class Transparency {

    /** Response targets in minutes, per rating band (1–2, 3, 4–5 stars): the report states the ones it used. */
    public record Targets(long low, long mid, long high) {

        long seconds(int rating) {
            return 60 * (rating <= 2 ? low : rating == 3 ? mid : high);
        }
    }

    // daily counters, by index
    private static final String[] COUNTERS = { "received.reviews", "received.comments", "received.held",
        "received.publishedAtOnce", "decisions.publishedAfterHold", "decisions.hidden", "decisions.restored",
        "decisions.redacted", "decisions.annotated", "decisions.replied", "decisions.automated", "decisions.human",
        "reports.received", "reports.decided", "notices.received", "notices.decided", "appeals.filed", "appeals.upheld",
        "appeals.rejected", "replies.first" };
    private static final int RECEIVED_REVIEWS = 0, RECEIVED_COMMENTS = 1, HELD = 2, AT_ONCE = 3, PUBLISHED_AFTER_HOLD = 4,
            HIDDEN = 5, RESTORED = 6, REDACTED = 7, ANNOTATED = 8, REPLIED = 9, AUTOMATED = 10, HUMAN = 11,
            REPORTS_RECEIVED = 12, REPORTS_DECIDED = 13, NOTICES_RECEIVED = 14, NOTICES_DECIDED = 15, APPEALS_FILED = 16,
            APPEALS_UPHELD = 17, APPEALS_REJECTED = 18, FIRST_REPLIES = 19;

    private static final byte HELD_AT_ARRIVAL = 1, WAS_HIDDEN = 2;

    private final ZoneId zone;
    private long through;

    // per review, indexed by review id: arrival (epoch ms, 0 = not received on the log), rating, flags, delays (s)
    private long[] arrival = new long[1024];
    private byte[] rating = new byte[1024];
    private byte[] flags = new byte[1024];
    private int[] heldFor = new int[1024];
    private int[] firstReplyAfter = new int[1024];
    private int[] subjectOf = new int[1024];
    private final Map<String, Integer> subjects = new HashMap<>();
    private int maxReview;

    private final Map<Long, long[]> days = new HashMap<>();
    private final Map<Long, int[]> arrivalsByHour = new HashMap<>();
    private final Map<Long, int[]> repliesByHour = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> pendingReports = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> pendingNotices = new HashMap<>();
    private long[] reportDecisions = new long[64];
    private int reportDecisionCount;
    private long[] noticeDecisions = new long[64];
    private int noticeDecisionCount;

    public Transparency(ZoneId zone) {
        this.zone = zone;
    }

    /** The last entry read. */
    public long through() {
        return through;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reads the next leaf, as the log serves it (canonical JSON bytes). */
    public void addLeaf(byte[] leaf) {
        add(new FlatJson(new String(leaf, java.nio.charset.StandardCharsets.UTF_8)).object());
    }

    /**
     * Reads a leaf if it is at most entry {@code through} and (when {@code subject} is given) about that subject;
     * returns its sequence number either way.
     */
    public long addLeafUpTo(byte[] leaf, String subject, long through) {
        Map<String, Object> fields = new FlatJson(new String(leaf, java.nio.charset.StandardCharsets.UTF_8)).object();
        long seq = (Long) fields.get("seq");
        if (seq <= through && (subject == null || subject.equals(fields.get("subject")))) {
            add(fields);
        }
        return seq;
    }

    /** Reads the next leaf (entries must come in sequence order, each once). */
    public void add(Map<String, Object> leaf) {
        long seq = (Long) leaf.get("seq");
        if (seq <= through) {
            throw new IllegalArgumentException("entry #" + seq + " read after #" + through);
        }
        through = seq;
        long time = Instant.parse((String) leaf.get("time")).toEpochMilli();
        String kind = (String) leaf.get("kind");
        Long review = (Long) leaf.get("reviewId");
        Long comment = (Long) leaf.get("commentId");
        long[] day = day(time);
        switch (kind) {
            case "RECEIVED", "RECEIVED_HELD" -> {
                boolean held = kind.equals("RECEIVED_HELD");
                day[comment == null ? RECEIVED_REVIEWS : RECEIVED_COMMENTS]++;
                day[held ? HELD : AT_ONCE]++;
                hour(arrivalsByHour, time)[hourOfWeek(time)]++;
                if (comment == null && review != null && fits(review)) {
                    int r = review.intValue();
                    grow(r);
                    if (arrival[r] == 0) {
                        arrival[r] = time;
                        rating[r] = leaf.get("rating") instanceof Long stars ? stars.byteValue() : 0;
                        flags[r] = held ? HELD_AT_ARRIVAL : 0;
                        heldFor[r] = -1;
                        firstReplyAfter[r] = -1;
                        subjectOf[r] = leaf.get("subject") instanceof String slug
                                ? subjects.computeIfAbsent(slug, k -> subjects.size() + 1) : 0;
                    }
                }
            }
            case "PUBLISH" -> {
                day[PUBLISHED_AFTER_HOLD]++;
                day[HUMAN]++;
                if (known(review, comment) && heldFor[review.intValue()] < 0) {
                    heldFor[review.intValue()] = seconds(time - arrival[review.intValue()]);
                }
            }
            case "HIDE" -> {
                day[HIDDEN]++;
                if (known(review, comment)) {
                    flags[review.intValue()] |= WAS_HIDDEN;
                }
            }
            case "RESTORE" -> {
                day[RESTORED]++;
                day[HUMAN]++;
            }
            case "REDACT" -> day[REDACTED]++;
            case "ANNOTATION" -> day[ANNOTATED]++;
            case "OFFICIAL_REPLY" -> {
                day[REPLIED]++;
                if (known(review, comment) && firstReplyAfter[review.intValue()] < 0) {
                    firstReplyAfter[review.intValue()] = seconds(time - arrival[review.intValue()]);
                    day[FIRST_REPLIES]++;
                    hour(repliesByHour, time)[hourOfWeek(time)]++;
                }
            }
            case "STATEMENT_OF_REASONS" -> day["rule".equals(leaf.get("actorRole")) ? AUTOMATED : HUMAN]++;
            case "REPORT_RECEIVED" -> {
                day[REPORTS_RECEIVED]++;
                pendingReports.computeIfAbsent(key(review, comment), k -> new ArrayDeque<>()).add(time);
            }
            case "REPORT_DECIDED" -> {
                day[REPORTS_DECIDED]++;
                Long received = poll(pendingReports, key(review, comment));
                if (received != null) {
                    reportDecisions = push(reportDecisions, reportDecisionCount++, time, seconds(time - received));
                }
            }
            case "NOTICE_RECEIVED" -> {
                day[NOTICES_RECEIVED]++;
                pendingNotices.computeIfAbsent(key(review, comment), k -> new ArrayDeque<>()).add(time);
            }
            case "NOTICE_DECIDED" -> {
                day[NOTICES_DECIDED]++;
                Long received = poll(pendingNotices, key(review, comment));
                if (received != null) {
                    noticeDecisions = push(noticeDecisions, noticeDecisionCount++, time, seconds(time - received));
                }
            }
            case "APPEAL_FILED" -> day[APPEALS_FILED]++;
            case "APPEAL_UPHELD" -> day[APPEALS_UPHELD]++;
            case "APPEAL_REJECTED" -> day[APPEALS_REJECTED]++;
            default -> {
            }
        }
    }

    /**
     * The figures of the days {@code from} to {@code to} (both included) in the board's time zone, as of the last entry
     * read, with the response targets given.
     */
    public Map<String, Object> report(LocalDate from, LocalDate to, Targets targets) {
        Map<String, Object> f = new TreeMap<>();
        f.put("period.from", from.toString());
        f.put("period.to", to.toString());
        f.put("zone", zone.getId());
        f.put("through", through);
        f.put("targets.low", targets.low());
        f.put("targets.mid", targets.mid());
        f.put("targets.high", targets.high());
        long[] sums = new long[COUNTERS.length];
        int[] arrivals = new int[7 * 24];
        int[] replies = new int[7 * 24];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] day = days.get(d.toEpochDay());
            if (day != null) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += day[i];
                }
            }
            add(arrivals, arrivalsByHour.get(d.toEpochDay()));
            add(replies, repliesByHour.get(d.toEpochDay()));
        }
        for (int i = 0; i < COUNTERS.length; i++) {
            f.put(COUNTERS[i], sums[i]);
        }
        f.put("appeals.decided", sums[APPEALS_UPHELD] + sums[APPEALS_REJECTED]);
        f.put("appeals.reversalBasisPoints", share(sums[APPEALS_UPHELD], sums[APPEALS_UPHELD] + sums[APPEALS_REJECTED]));
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        f.put("reports.medianSecondsToDecision", median(decided(reportDecisions, reportDecisionCount, start, end)));
        f.put("notices.medianSecondsToDecision", median(decided(noticeDecisions, noticeDecisionCount, start, end)));

        // first replies in the period, and the reviews that arrived in it
        long[] firstReplies = new long[16];
        int firstCount = 0;
        long withinTarget = 0;
        long[] cohort = new long[6];
        long[] answered = new long[6];
        long[] held = new long[6];
        long[] hidden = new long[6];
        long[][] heldTimes = new long[6][];
        int[] heldCounts = new int[6];
        for (int r = 1; r <= 5; r++) {
            heldTimes[r] = new long[16];
        }
        for (int id = 1; id <= maxReview; id++) {
            long arrived = arrival[id];
            if (arrived == 0) {
                continue;
            }
            int stars = rating[id];
            int after = firstReplyAfter[id];
            if (after >= 0) {
                long replied = arrived + after * 1000L;
                if (replied >= start && replied < end) {
                    firstReplies = push(firstReplies, firstCount++, after);
                    if (stars >= 1 && after <= targets.seconds(stars)) {
                        withinTarget++;
                    }
                }
            }
            if (arrived >= start && arrived < end && stars >= 1 && stars <= 5) {
                cohort[stars]++;
                cohort[0]++;
                if (after >= 0) {
                    answered[stars]++;
                    answered[0]++;
                }
                if ((flags[id] & HELD_AT_ARRIVAL) != 0) {
                    held[stars]++;
                    if (heldFor[id] >= 0) {
                        heldTimes[stars] = push(heldTimes[stars], heldCounts[stars]++, heldFor[id]);
                    }
                }
                if ((flags[id] & WAS_HIDDEN) != 0) {
                    hidden[stars]++;
                }
            }
        }
        long[] replyTimes = Arrays.copyOf(firstReplies, firstCount);
        Arrays.sort(replyTimes);
        f.put("replies.medianSeconds", median(replyTimes));
        f.put("replies.p90Seconds", percentile(replyTimes, 90));
        f.put("replies.withinTargetBasisPoints", share(withinTarget, firstCount));
        f.put("reviews.cohort", cohort[0]);
        f.put("reviews.answeredBasisPoints", share(answered[0], cohort[0]));
        for (int r = 1; r <= 5; r++) {
            String p = "parity." + r + ".";
            f.put(p + "received", cohort[r]);
            f.put(p + "heldBasisPoints", share(held[r], cohort[r]));
            long[] times = Arrays.copyOf(heldTimes[r], heldCounts[r]);
            Arrays.sort(times);
            f.put(p + "medianHeldSeconds", median(times));
            f.put(p + "hiddenBasisPoints", share(hidden[r], cohort[r]));
            f.put(p + "answeredBasisPoints", share(answered[r], cohort[r]));
        }
        for (int d = 1; d <= 7; d++) {
            for (int h = 0; h < 24; h++) {
                String cell = d + "." + (h < 10 ? "0" : "") + h;
                f.put("chart.arrivals." + cell, (long) arrivals[(d - 1) * 24 + h]);
                f.put("chart.replies." + cell, (long) replies[(d - 1) * 24 + h]);
            }
        }
        return f;
    }

    /**
     * One subject's line ("replies to N % of negative reviews, typically within …"): of its reviews with at most
     * {@code maxStars} stars that arrived since {@code since}: how many, how many were answered, and the median
     * seconds to the first reply (-1 when none).
     */
    public long[] answered(String subject, int maxStars, Instant since) {
        Integer wanted = subjects.get(subject);
        if (wanted == null) {
            return new long[] { 0, 0, -1 };
        }
        long cutoff = since.toEpochMilli();
        long n = 0;
        long replied = 0;
        long[] times = new long[16];
        for (int id = 1; id <= maxReview; id++) {
            if (subjectOf[id] == wanted && arrival[id] >= cutoff && rating[id] >= 1 && rating[id] <= maxStars) {
                n++;
                if (firstReplyAfter[id] >= 0) {
                    times = push(times, (int) replied++, firstReplyAfter[id]);
                }
            }
        }
        long[] sorted = Arrays.copyOf(times, (int) replied);
        Arrays.sort(sorted);
        Long median = median(sorted);
        return new long[] { n, replied, median == null ? -1 : median };
    }

    /** The figures that differ between two reports (a served one and a recomputed one), each as "name: a ≠ b". */
    public static java.util.List<String> differences(Map<String, Object> served, Map<String, Object> recomputed) {
        java.util.List<String> differ = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(served.keySet());
        names.addAll(recomputed.keySet());
        for (String name : names) {
            Object a = served.get(name);
            Object b = recomputed.get(name);
            if (!java.util.Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString())) {
                differ.add(name + ": served " + a + ", recomputed " + b);
            }
        }
        return differ;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private long[] day(long time) {
        return days.computeIfAbsent(localDay(time), k -> new long[COUNTERS.length]);
    }

    private long localDay(long time) {
        return Instant.ofEpochMilli(time).atZone(zone).toLocalDate().toEpochDay();
    }

    private int[] hour(Map<Long, int[]> byDay, long time) {
        return byDay.computeIfAbsent(localDay(time), k -> new int[7 * 24]);
    }

    /** Monday 00:00–00:59 is 0, Sunday 23:00–23:59 is 167, in the board's time zone. */
    private int hourOfWeek(long time) {
        ZonedDateTime t = Instant.ofEpochMilli(time).atZone(zone);
        return (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + t.getHour();
    }

    private boolean known(Long review, Long comment) {
        return comment == null && review != null && fits(review) && review <= maxReview && arrival[review.intValue()] != 0;
    }

    private static boolean fits(long review) {
        return review > 0 && review < Integer.MAX_VALUE - 16;
    }

    private void grow(int id) {
        if (id >= arrival.length) {
            int size = Math.max(id + 1, arrival.length * 2);
            arrival = Arrays.copyOf(arrival, size);
            rating = Arrays.copyOf(rating, size);
            flags = Arrays.copyOf(flags, size);
            heldFor = Arrays.copyOf(heldFor, size);
            firstReplyAfter = Arrays.copyOf(firstReplyAfter, size);
            subjectOf = Arrays.copyOf(subjectOf, size);
        }
        maxReview = Math.max(maxReview, id);
    }

    private static String key(Long review, Long comment) {
        return review + "/" + comment;
    }

    private static Long poll(Map<String, ArrayDeque<Long>> pending, String key) {
        ArrayDeque<Long> queue = pending.get(key);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        Long first = queue.poll();
        if (queue.isEmpty()) {
            pending.remove(key);
        }
        return first;
    }

    private static int seconds(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis / 1000));
    }

    private static long[] push(long[] a, int index, long value) {
        if (index >= a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[index] = value;
        return a;
    }

    /** Appends a (time, duration) pair. */
    private static long[] push(long[] a, int pair, long time, long duration) {
        if (2 * pair + 1 >= a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[2 * pair] = time;
        a[2 * pair + 1] = duration;
        return a;
    }

    private static long[] decided(long[] pairs, int count, long start, long end) {
        long[] out = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (pairs[2 * i] >= start && pairs[2 * i] < end) {
                out[n++] = pairs[2 * i + 1];
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private static void add(int[] into, int[] from) {
        if (from != null) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }
    }

    static Long share(long part, long whole) {
        return whole == 0 ? null : part * 10_000 / whole;
    }

    /** The lower median of sorted values, or null for none. */
    static Long median(long[] sorted) {
        return sorted.length == 0 ? null : sorted[(sorted.length - 1) / 2];
    }

    /** The nearest-rank percentile of sorted values, or null for none. */
    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
