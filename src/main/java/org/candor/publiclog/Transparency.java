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
        "appeals.rejected", "replies.first", "invitations.sent", "incidents.opened", "incidents.confirmed",
        "incidents.dismissed" };
    private static final int RECEIVED_REVIEWS = 0, RECEIVED_COMMENTS = 1, HELD = 2, AT_ONCE = 3, PUBLISHED_AFTER_HOLD = 4,
            HIDDEN = 5, RESTORED = 6, REDACTED = 7, ANNOTATED = 8, REPLIED = 9, AUTOMATED = 10, HUMAN = 11,
            REPORTS_RECEIVED = 12, REPORTS_DECIDED = 13, NOTICES_RECEIVED = 14, NOTICES_DECIDED = 15, APPEALS_FILED = 16,
            APPEALS_UPHELD = 17, APPEALS_REJECTED = 18, FIRST_REPLIES = 19, INVITATIONS_SENT = 20,
            INCIDENTS_OPENED = 21, INCIDENTS_CONFIRMED = 22, INCIDENTS_DISMISSED = 23;


    private final ZoneId zone;
    private long through;

    private final TransparencyReviews reviews = new TransparencyReviews();

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
                if (comment == null && review != null && TransparencyReviews.fits(review)) {
                    int r = review.intValue();
                    reviews.grow(r);
                    if (reviews.arrival[r] == 0) {
                        reviews.arrival[r] = time;
                        reviews.rating[r] = leaf.get("rating") instanceof Long stars ? stars.byteValue() : 0;
                        reviews.flags[r] = held ? TransparencyReviews.HELD_AT_ARRIVAL : 0;
                        reviews.heldFor[r] = -1;
                        reviews.firstReplyAfter[r] = -1;
                        reviews.subjectOf[r] = leaf.get("subject") instanceof String slug
                                ? reviews.subjects.computeIfAbsent(slug, k -> reviews.subjects.size() + 1) : 0;
                    }
                }
            }
            case "PUBLISH" -> {
                day[PUBLISHED_AFTER_HOLD]++;
                day[HUMAN]++;
                if (reviews.known(review, comment) && reviews.heldFor[review.intValue()] < 0) {
                    reviews.heldFor[review.intValue()] = TransparencyFigures.seconds(time - reviews.arrival[review.intValue()]);
                }
            }
            case "HIDE" -> {
                day[HIDDEN]++;
                if (reviews.known(review, comment)) {
                    reviews.flags[review.intValue()] |= TransparencyReviews.WAS_HIDDEN;
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
                if (reviews.known(review, comment) && reviews.firstReplyAfter[review.intValue()] < 0) {
                    reviews.firstReplyAfter[review.intValue()] = TransparencyFigures.seconds(time - reviews.arrival[review.intValue()]);
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
                Long received = TransparencyFigures.poll(pendingReports, key(review, comment));
                if (received != null) {
                    reportDecisions = TransparencyFigures.push(reportDecisions, reportDecisionCount++, time, TransparencyFigures.seconds(time - received));
                }
            }
            case "NOTICE_RECEIVED" -> {
                day[NOTICES_RECEIVED]++;
                pendingNotices.computeIfAbsent(key(review, comment), k -> new ArrayDeque<>()).add(time);
            }
            case "NOTICE_DECIDED" -> {
                day[NOTICES_DECIDED]++;
                Long received = TransparencyFigures.poll(pendingNotices, key(review, comment));
                if (received != null) {
                    noticeDecisions = TransparencyFigures.push(noticeDecisions, noticeDecisionCount++, time, TransparencyFigures.seconds(time - received));
                }
            }
            case "APPEAL_FILED" -> day[APPEALS_FILED]++;
            case "APPEAL_UPHELD" -> day[APPEALS_UPHELD]++;
            case "APPEAL_REJECTED" -> day[APPEALS_REJECTED]++;
            case "INVITATION_SENT" -> day[INVITATIONS_SENT]++;
            case "INCIDENT_OPENED" -> day[INCIDENTS_OPENED]++;
            case "INCIDENT_CONFIRMED" -> day[INCIDENTS_CONFIRMED]++;
            case "INCIDENT_DISMISSED" -> day[INCIDENTS_DISMISSED]++;
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
            TransparencyFigures.add(arrivals, arrivalsByHour.get(d.toEpochDay()));
            TransparencyFigures.add(replies, repliesByHour.get(d.toEpochDay()));
        }
        for (int i = 0; i < COUNTERS.length; i++) {
            f.put(COUNTERS[i], sums[i]);
        }
        f.put("appeals.decided", sums[APPEALS_UPHELD] + sums[APPEALS_REJECTED]);
        f.put("appeals.reversalBasisPoints", TransparencyFigures.share(sums[APPEALS_UPHELD], sums[APPEALS_UPHELD] + sums[APPEALS_REJECTED]));
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        f.put("reports.medianSecondsToDecision", TransparencyFigures.median(TransparencyFigures.decided(reportDecisions, reportDecisionCount, start, end)));
        f.put("notices.medianSecondsToDecision", TransparencyFigures.median(TransparencyFigures.decided(noticeDecisions, noticeDecisionCount, start, end)));

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
        for (int id = 1; id <= reviews.maxReview; id++) {
            long arrived = reviews.arrival[id];
            if (arrived == 0) {
                continue;
            }
            int stars = reviews.rating[id];
            int after = reviews.firstReplyAfter[id];
            if (after >= 0) {
                long replied = arrived + after * 1000L;
                if (replied >= start && replied < end) {
                    firstReplies = TransparencyFigures.push(firstReplies, firstCount++, after);
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
                if ((reviews.flags[id] & TransparencyReviews.HELD_AT_ARRIVAL) != 0) {
                    held[stars]++;
                    if (reviews.heldFor[id] >= 0) {
                        heldTimes[stars] = TransparencyFigures.push(heldTimes[stars], heldCounts[stars]++, reviews.heldFor[id]);
                    }
                }
                if ((reviews.flags[id] & TransparencyReviews.WAS_HIDDEN) != 0) {
                    hidden[stars]++;
                }
            }
        }
        long[] replyTimes = Arrays.copyOf(firstReplies, firstCount);
        Arrays.sort(replyTimes);
        f.put("replies.medianSeconds", TransparencyFigures.median(replyTimes));
        f.put("replies.p90Seconds", TransparencyFigures.percentile(replyTimes, 90));
        f.put("replies.withinTargetBasisPoints", TransparencyFigures.share(withinTarget, firstCount));
        f.put("reviews.cohort", cohort[0]);
        f.put("reviews.answeredBasisPoints", TransparencyFigures.share(answered[0], cohort[0]));
        for (int r = 1; r <= 5; r++) {
            String p = "parity." + r + ".";
            f.put(p + "received", cohort[r]);
            f.put(p + "heldBasisPoints", TransparencyFigures.share(held[r], cohort[r]));
            long[] times = Arrays.copyOf(heldTimes[r], heldCounts[r]);
            Arrays.sort(times);
            f.put(p + "medianHeldSeconds", TransparencyFigures.median(times));
            f.put(p + "hiddenBasisPoints", TransparencyFigures.share(hidden[r], cohort[r]));
            f.put(p + "answeredBasisPoints", TransparencyFigures.share(answered[r], cohort[r]));
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

    /** One subject's line: see {@link TransparencyReviews#answered}. */
    public long[] answered(String subject, int maxStars, Instant since) {
        return reviews.answered(subject, maxStars, since);
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

    private static String key(Long review, Long comment) {
        return review + "/" + comment;
    }

}
