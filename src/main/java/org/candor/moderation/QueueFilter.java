package org.candor.moderation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a moderator narrows a queue tab to: one subject (by name or address), a rating, the rule that put items there,
 * a minimum age, words in the post; and where the page starts ({@code after}: the last item of the page before, so
 * that paging stays right while items come and go). Anything not understood is left out, never refused: a queue
 * always shows.
 */
public record QueueFilter(String subject, Integer rating, String rule, String age, String words, Cursor after) {

    /** The rules a moderator can filter by, as stored in {@code queue_item.why} ({@code words}: any word rule). */
    public static final List<String> RULES = List.of("pre-moderation", "first-posts", "new-account", "words");

    /** The ages a moderator can filter by: waiting longer than an hour, a day, a week. */
    public static final List<String> AGES = List.of("hour", "day", "week");

    /** A choice of the filter's form: its value and the message key of its label ({@code alert:*}). */
    public record Choice(String value, String labelKey) {
    }

    /** The ratings to choose from. */
    public List<Integer> ratings() {
        return List.of(1, 2, 3, 4, 5);
    }

    /** The rules to choose from. */
    public List<Choice> rules() {
        return RULES.stream().map(r -> new Choice(r, "queue_rule_" + r.replace('-', '_'))).toList();
    }

    /** The ages to choose from. */
    public List<Choice> ages() {
        return AGES.stream().map(a -> new Choice(a, "queue_age_" + a)).toList();
    }

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null);

    /** The last item of the page before: its time in the tab's order, and its id. */
    public record Cursor(Instant at, long id) {

        static Cursor parse(String text) {
            if (text == null || !text.matches("[0-9T:.Z-]{10,40}_\\d{1,18}")) {
                return null;
            }
            try {
                return new Cursor(Instant.parse(text.substring(0, text.indexOf('_'))),
                        Long.parseLong(text.substring(text.indexOf('_') + 1)));
            } catch (DateTimeParseException | NumberFormatException e) {
                return null;
            }
        }

        public String text() {
            return at + "_" + id;
        }
    }

    public static QueueFilter of(String subject, String rating, String rule, String age, String words, String after) {
        Integer stars = rating != null && rating.matches("[1-5]") ? Integer.valueOf(rating) : null;
        return new QueueFilter(trimmed(subject), stars, rule != null && RULES.contains(rule) ? rule : null,
                age != null && AGES.contains(age) ? age : null,
                trimmed(words), Cursor.parse(after));
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank() || text.chars().anyMatch(Character::isISOControl)) {
            return null; // no name or post holds a control character (and PostgreSQL refuses NUL)
        }
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    /** Whether anything narrows the tab. */
    public boolean narrowed() {
        return subject != null || rating != null || rule != null || age != null || words != null;
    }

    /** The filter as query parameters ({@code &subject=…}), for the tabs' links and the next page. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("subject", subject);
        params.put("rating", rating == null ? null : rating.toString());
        params.put("rule", rule);
        params.put("age", age);
        params.put("q", words);
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                out.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** The age as an SQL interval. */
    String interval() {
        return switch (age) {
            case "hour" -> "1 hour";
            case "day" -> "1 day";
            default -> "7 days";
        };
    }
}
