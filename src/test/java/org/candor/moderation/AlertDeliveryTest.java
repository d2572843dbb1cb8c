package org.candor.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** When alert e-mails go: in the moderator's time zone, never in their quiet hours (#17, item 1), at fixed instants. */
class AlertDeliveryTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata"); // UTC+05:30, no daylight-saving time
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid"); // UTC+2 in summer, +1 from 25 October 2026

    private static AlertDelivery of(ZoneId zone, AlertDelivery.Mode mode, String times, String from, String to) {
        return new AlertDelivery(zone, Locale.ENGLISH, mode, AlertDelivery.parseTimes(times),
                from == null ? null : LocalTime.parse(from), to == null ? null : LocalTime.parse(to));
    }

    @Test
    void aDigestGoesAtTheNextOfTheChosenLocalTimes() {
        AlertDelivery d = of(KOLKATA, AlertDelivery.Mode.DIGEST, "08:00, 18:00", null, null);
        // 10:00 UTC is 15:30 in Kolkata: the next digest is 18:00 there, 12:30 UTC
        assertEquals(Instant.parse("2026-06-03T12:30:00Z"), d.mailDue(Instant.parse("2026-06-03T10:00:00Z")));
        // 13:00 UTC is 18:30 there: tomorrow 08:00 there, 02:30 UTC
        assertEquals(Instant.parse("2026-06-04T02:30:00Z"), d.mailDue(Instant.parse("2026-06-03T13:00:00Z")));
        // exactly at a digest time: that digest has gone, the next one takes it
        assertEquals(Instant.parse("2026-06-04T02:30:00Z"), d.mailDue(Instant.parse("2026-06-03T12:30:00Z")));
    }

    @Test
    void quietHoursOverMidnightHoldImmediateMailUntilTheyEnd() {
        AlertDelivery d = of(KOLKATA, AlertDelivery.Mode.IMMEDIATE, "09:00", "22:00", "07:00");
        // 15:30 there: not quiet, at once
        assertEquals(Instant.parse("2026-06-03T10:00:00Z"), d.mailDue(Instant.parse("2026-06-03T10:00:00Z")));
        // 23:30 there (18:00 UTC): held until 07:00 there the next morning (01:30 UTC)
        assertEquals(Instant.parse("2026-06-04T01:30:00Z"), d.mailDue(Instant.parse("2026-06-03T18:00:00Z")));
        // 02:00 there (20:30 UTC the day before): held until 07:00 the same local morning
        assertEquals(Instant.parse("2026-06-04T01:30:00Z"), d.mailDue(Instant.parse("2026-06-03T20:30:00Z")));
        assertTrue(d.quiet(LocalTime.of(22, 0)) && d.quiet(LocalTime.of(6, 59)));
        assertFalse(d.quiet(LocalTime.of(7, 0)) || d.quiet(LocalTime.of(21, 59)));
    }

    @Test
    void aDigestTimeInsideQuietHoursWaitsForTheirEnd() {
        AlertDelivery d = of(KOLKATA, AlertDelivery.Mode.DIGEST, "06:00, 12:00", "22:00", "07:00");
        // 23:30 there: the next digest is 06:00 there, inside the quiet hours: 07:00 there (01:30 UTC)
        assertEquals(Instant.parse("2026-06-04T01:30:00Z"), d.mailDue(Instant.parse("2026-06-03T18:00:00Z")));
    }

    @Test
    void aLocalTimeStaysLocalAcrossAChangeOfDaylightSavingTime() {
        AlertDelivery d = of(MADRID, AlertDelivery.Mode.DIGEST, "09:00", null, null);
        // Saturday 24 October 2026, summer time: 09:00 in Madrid is 07:00 UTC
        assertEquals(Instant.parse("2026-10-24T07:00:00Z"), d.mailDue(Instant.parse("2026-10-23T20:00:00Z")));
        // Sunday 25 October, after the clocks went back: 09:00 in Madrid is 08:00 UTC
        assertEquals(Instant.parse("2026-10-25T08:00:00Z"), d.mailDue(Instant.parse("2026-10-24T20:00:00Z")));
        // in the spring gap (29 March 2026, 02:00–03:00 does not exist) a 02:30 digest goes at 03:30 local
        AlertDelivery gap = of(MADRID, AlertDelivery.Mode.DIGEST, "02:30", null, null);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), gap.mailDue(Instant.parse("2026-03-28T20:00:00Z")));
    }

    @Test
    void offMeansNoMailAndTimesAreReadAsTyped() {
        assertNull(AlertDelivery.DEFAULT.mailDue(Instant.parse("2026-06-03T10:00:00Z")));
        assertEquals(List.of(LocalTime.of(7, 5), LocalTime.of(9, 0), LocalTime.of(17, 30)),
                AlertDelivery.parseTimes("17:30; 9:00,07:05 09:00"));
        assertEquals("07:05,09:00", of(KOLKATA, AlertDelivery.Mode.OFF, "9:00 7:05", null, null).timesText());
        assertThrows(DateTimeParseException.class, () -> AlertDelivery.parseTimes("25:00"));
        assertThrows(DateTimeParseException.class, () -> AlertDelivery.parseTimes(" "));
        assertNull(AlertDelivery.zoneOrNull("Mars/Olympus"));
        assertEquals(KOLKATA, AlertDelivery.zoneOrNull(" Asia/Kolkata "));
    }
}
