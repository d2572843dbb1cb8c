package org.candor.moderation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How a moderator's alerts reach them by e-mail, and when: {@link #mailDue} is the instant an alert raised at a given
 * instant is e-mailed — at once, or at the next of their digest times — in their own time zone, and never inside their
 * quiet hours (what falls in them waits for their end). Computed with the zone's rules, so a digest at 09:00 stays at
 * 09:00 local across a change of daylight-saving time.
 */
public record AlertDelivery(ZoneId zone, Locale locale, Mode mode, List<LocalTime> digestTimes, LocalTime quietFrom,
        LocalTime quietTo) {

    /** Whether alerts are e-mailed, and how. */
    public enum Mode {
        OFF, IMMEDIATE, DIGEST
    }

    /** What a moderator who never changed their settings gets: alerts in the app only. */
    public static final AlertDelivery DEFAULT = new AlertDelivery(ZoneId.of("UTC"), Locale.ENGLISH, Mode.OFF,
            List.of(LocalTime.of(9, 0)), null, null);

    public AlertDelivery {
        digestTimes = List.copyOf(new TreeSet<>(digestTimes));
        if (digestTimes.isEmpty()) {
            throw new IllegalArgumentException("at least one digest time");
        }
        if ((quietFrom == null) != (quietTo == null)) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    /** When an alert raised at {@code at} is e-mailed; null when alerts are not e-mailed. */
    public Instant mailDue(Instant at) {
        return switch (mode) {
            case OFF -> null;
            case IMMEDIATE -> outsideQuiet(at.atZone(zone)).toInstant();
            case DIGEST -> outsideQuiet(nextDigest(at.atZone(zone))).toInstant();
        };
    }

    /** Whether a local time is inside the quiet hours (which may run over midnight, e.g. 22:00–07:00). */
    public boolean quiet(LocalTime t) {
        if (quietFrom == null || quietFrom.equals(quietTo)) {
            return false;
        }
        return quietFrom.isBefore(quietTo) ? !t.isBefore(quietFrom) && t.isBefore(quietTo)
                : !t.isBefore(quietFrom) || t.isBefore(quietTo);
    }

    private ZonedDateTime outsideQuiet(ZonedDateTime when) {
        if (!quiet(when.toLocalTime())) {
            return when;
        }
        return next(when, quietTo, true);
    }

    private ZonedDateTime nextDigest(ZonedDateTime after) {
        ZonedDateTime best = null;
        for (LocalTime t : digestTimes) {
            ZonedDateTime candidate = next(after, t, false);
            if (best == null || candidate.isBefore(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The first instant after {@code from} (or at it, when {@code atOrAfter}) whose local time is {@code t}. */
    private ZonedDateTime next(ZonedDateTime from, LocalTime t, boolean atOrAfter) {
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < 3; i++) {
            // a local time a daylight-saving gap skips is moved forward by the gap, as ZonedDateTime.of does
            ZonedDateTime candidate = ZonedDateTime.of(day.plusDays(i), t, zone);
            if (candidate.isAfter(from) || (atOrAfter && candidate.isEqual(from))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + t + " within three days of " + from);
    }

    /** Digest times as a moderator types them: "09:00, 17:30". Throws when one is not a time of day. */
    public static List<LocalTime> parseTimes(String text) {
        List<LocalTime> times = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                times.add(LocalTime.parse(part.strip().length() == 4 ? "0" + part.strip() : part.strip()));
            }
        }
        if (times.isEmpty() || times.size() > 12) {
            throw new DateTimeParseException("between one and twelve times", text == null ? "" : text, 0);
        }
        return times.stream().map(t -> t.withSecond(0).withNano(0)).distinct().sorted().toList();
    }

    /** The digest times as stored: "09:00,17:30". */
    public String timesText() {
        return String.join(",", digestTimes.stream().map(t -> String.format(Locale.ROOT, "%02d:%02d", t.getHour(),
                t.getMinute())).toList());
    }

    /** A time zone id as a moderator may type it, or null when there is none such. */
    public static ZoneId zoneOrNull(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
