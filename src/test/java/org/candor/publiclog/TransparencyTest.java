package org.candor.publiclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The transparency figures over a scripted history with known times (January 2026 in Madrid, UTC+1): every figure is
 * checked against the value worked out by hand in the comments.
 */
class TransparencyTest {

    private final List<Map<String, Object>> log = new java.util.ArrayList<>();

    private void entry(String time, String kind, Long review, Long comment, Integer rating, String role) {
        Map<String, Object> leaf = new HashMap<>();
        leaf.put("seq", (long) log.size() + 1);
        leaf.put("time", time);
        leaf.put("kind", kind);
        leaf.put("reviewId", review);
        leaf.put("commentId", comment);
        leaf.put("rating", rating == null ? null : (long) rating);
        leaf.put("actorRole", role);
        leaf.put("subject", "kettle");
        log.add(leaf);
    }

    private void history() {
        // r1, 5 stars, Monday 5 January 10:00 Madrid; answered after 30 minutes
        entry("2026-01-05T09:00:00.000Z", "RECEIVED", 1L, null, 5, "customer");
        entry("2026-01-05T09:30:00.000Z", "OFFICIAL_REPLY", 1L, null, null, "moderator");
        // r2, 1 star, held by a rule at 11:00, published two hours later, answered after three hours
        entry("2026-01-05T10:00:00.000Z", "RECEIVED_HELD", 2L, null, 1, "customer");
        entry("2026-01-05T10:00:00.001Z", "STATEMENT_OF_REASONS", 2L, null, null, "rule");
        // a comment on r1 at 12:00
        entry("2026-01-05T11:00:00.000Z", "RECEIVED", 1L, 100L, null, "customer");
        entry("2026-01-05T12:00:00.000Z", "PUBLISH", 2L, null, null, "moderator");
        entry("2026-01-05T13:00:00.000Z", "OFFICIAL_REPLY", 2L, null, null, "moderator");
        // r3, 1 star, held Tuesday 09:00, published four hours later; answered only on 1 February
        entry("2026-01-06T08:00:00.000Z", "RECEIVED_HELD", 3L, null, 1, "customer");
        entry("2026-01-06T08:00:00.001Z", "STATEMENT_OF_REASONS", 3L, null, null, "rule");
        // r4, 5 stars, Tuesday 10:00, answered after an hour; reported at 13:00, the report decided two hours later
        entry("2026-01-06T09:00:00.000Z", "RECEIVED", 4L, null, 5, "customer");
        entry("2026-01-06T10:00:00.000Z", "OFFICIAL_REPLY", 4L, null, null, "moderator");
        entry("2026-01-06T12:00:00.000Z", "PUBLISH", 3L, null, null, "moderator");
        entry("2026-01-06T12:00:00.001Z", "REPORT_RECEIVED", 4L, null, null, "customer");
        entry("2026-01-06T14:00:00.001Z", "REPORT_DECIDED", 4L, null, null, "moderator");
        // r5, 1 star, Wednesday 21:00; a notice an hour later, decided after ten hours; hidden, appealed, restored
        entry("2026-01-07T20:00:00.000Z", "RECEIVED", 5L, null, 1, "customer");
        entry("2026-01-07T21:00:00.000Z", "NOTICE_RECEIVED", 5L, null, null, "public");
        entry("2026-01-08T07:00:00.000Z", "NOTICE_DECIDED", 5L, null, null, "moderator");
        entry("2026-01-08T08:00:00.000Z", "HIDE", 5L, null, null, "moderator");
        entry("2026-01-08T08:00:00.001Z", "STATEMENT_OF_REASONS", 5L, null, null, "moderator");
        entry("2026-01-08T09:00:00.000Z", "APPEAL_FILED", 5L, null, null, "customer");
        entry("2026-01-08T10:00:00.000Z", "RESTORE", 5L, null, null, "moderator");
        entry("2026-01-08T10:00:00.001Z", "APPEAL_UPHELD", 5L, null, null, "moderator");
        entry("2026-01-08T11:00:00.000Z", "OFFICIAL_REPLY", 5L, null, null, "moderator");
        // February: r3 answered at last, r6 arrives
        entry("2026-02-01T08:00:00.000Z", "OFFICIAL_REPLY", 3L, null, null, "moderator");
        entry("2026-02-02T09:00:00.000Z", "RECEIVED", 6L, null, 5, "customer");
    }

    private Map<String, Object> january() {
        history();
        Transparency t = new Transparency(ZoneId.of("Europe/Madrid"));
        log.forEach(t::add);
        return t.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), new Transparency.Targets(60, 240, 1440));
    }

    @Test
    void everyFigureOfTheMonthIsTheHandComputedOne() {
        Map<String, Object> f = january();
        Map<String, Object> expected = new HashMap<>();
        expected.put("received.reviews", 5L);
        expected.put("received.comments", 1L);
        expected.put("received.held", 2L);
        expected.put("received.publishedAtOnce", 4L);
        expected.put("decisions.publishedAfterHold", 2L);
        expected.put("decisions.hidden", 1L);
        expected.put("decisions.restored", 1L);
        expected.put("decisions.redacted", 0L);
        expected.put("decisions.annotated", 0L);
        expected.put("decisions.replied", 4L);
        expected.put("decisions.automated", 2L); // the two holds' statements, by a rule
        expected.put("decisions.human", 4L); // two publications, the hide's statement, the restore
        expected.put("reports.received", 1L);
        expected.put("reports.decided", 1L);
        expected.put("reports.medianSecondsToDecision", 7200L);
        expected.put("notices.received", 1L);
        expected.put("notices.decided", 1L);
        expected.put("notices.medianSecondsToDecision", 36_000L);
        expected.put("appeals.filed", 1L);
        expected.put("appeals.decided", 1L);
        expected.put("appeals.upheld", 1L);
        expected.put("appeals.reversalBasisPoints", 10_000L);
        // first replies in January: 1800, 3600, 10800, 54000 s; the lower median is 3600, the 90th percentile 54000;
        // within target: r1 (5 stars, 30 min ≤ 24 h) and r4 (1 h ≤ 24 h), not r2 or r5 (1 star, over 1 h)
        expected.put("replies.first", 4L);
        expected.put("replies.medianSeconds", 3600L);
        expected.put("replies.p90Seconds", 54_000L);
        expected.put("replies.withinTargetBasisPoints", 5000L);
        // the five reviews of January, all answered by now (r3 in February)
        expected.put("reviews.cohort", 5L);
        expected.put("reviews.answeredBasisPoints", 10_000L);
        expected.put("parity.5.received", 2L);
        expected.put("parity.5.heldBasisPoints", 0L);
        expected.put("parity.5.hiddenBasisPoints", 0L);
        expected.put("parity.5.answeredBasisPoints", 10_000L);
        expected.put("parity.1.received", 3L);
        expected.put("parity.1.heldBasisPoints", 6666L);
        expected.put("parity.1.medianHeldSeconds", 7200L); // held 7200 and 14400 s
        expected.put("parity.1.hiddenBasisPoints", 3333L);
        expected.put("parity.1.answeredBasisPoints", 10_000L);
        expected.put("parity.3.received", 0L);
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), f.get(e.getKey()), e.getKey());
        }
        assertNull(f.get("parity.5.medianHeldSeconds"));
        assertNull(f.get("parity.3.heldBasisPoints"), "no share of nothing");
        assertEquals("Europe/Madrid", f.get("zone"));
        assertEquals(25L, f.get("through"));
        // the deliberate bias shows: one-star reviews were held, five-star ones never
        assertTrue((Long) f.get("parity.1.heldBasisPoints") > (Long) f.get("parity.5.heldBasisPoints"));
    }

    @Test
    void theWeekChartPutsArrivalsAndRepliesInTheBoardsHours() {
        Map<String, Object> f = january();
        // Madrid is UTC+1 in January: 09:00Z on Monday 5 January is Monday 10:00
        Map<String, Long> arrivals = Map.of("1.10", 1L, "1.11", 1L, "1.12", 1L, "2.09", 1L, "2.10", 1L, "3.21", 1L);
        Map<String, Long> replies = Map.of("1.10", 1L, "1.14", 1L, "2.11", 1L, "4.12", 1L);
        long arrivalsTotal = 0;
        long repliesTotal = 0;
        for (int d = 1; d <= 7; d++) {
            for (int h = 0; h < 24; h++) {
                String cell = d + "." + (h < 10 ? "0" : "") + h;
                assertEquals(arrivals.getOrDefault(cell, 0L), f.get("chart.arrivals." + cell), "arrivals " + cell);
                assertEquals(replies.getOrDefault(cell, 0L), f.get("chart.replies." + cell), "replies " + cell);
                arrivalsTotal += (Long) f.get("chart.arrivals." + cell);
                repliesTotal += (Long) f.get("chart.replies." + cell);
            }
        }
        assertEquals(6, arrivalsTotal);
        assertEquals(4, repliesTotal);
    }

    @Test
    void aMonthCountsOnlyItsOwnEventsAndDifferencesAreNamed() {
        history();
        Transparency t = new Transparency(ZoneId.of("Europe/Madrid"));
        log.forEach(t::add);
        Map<String, Object> february = t.report(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
                new Transparency.Targets(60, 240, 1440));
        assertEquals(1L, february.get("received.reviews"));
        assertEquals(1L, february.get("replies.first"));
        assertEquals(26L * 86_400, february.get("replies.medianSeconds")); // r3: 6 January 08:00Z → 1 February 08:00Z
        assertEquals(0L, february.get("decisions.hidden"));
        Map<String, Object> changed = new java.util.TreeMap<>(february);
        changed.put("replies.first", 2L);
        assertEquals(List.of("replies.first: served 2, recomputed 1"), TransparencyFigures.differences(changed, february));
        assertEquals(List.of(), TransparencyFigures.differences(february, february));
        // the subject's line: its one-star reviews since 1 January, all three answered, median 10800 s
        long[] line = t.answered("kettle", 2, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(3, line[0]);
        assertEquals(3, line[1]);
        assertEquals(54_000, line[2]); // 10800, 54000, 2246400: the lower median is the middle one
    }
}
