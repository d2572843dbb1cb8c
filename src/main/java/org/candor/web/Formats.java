package org.candor.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateExtension;

/** How numbers and times read on the pages, in the visitor's language. */
@TemplateExtension
public class Formats {

    private Formats() {
    }

    /** An average rating with one decimal: 4.3, or 4,3 in Spanish. */
    static String oneDecimal(double value, @TemplateAttribute("locale") Object locale) {
        NumberFormat format = NumberFormat.getNumberInstance(asLocale(locale));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A moment as a date and time in UTC, in the visitor's language. */
    static String dateTime(Instant instant, @TemplateAttribute("locale") Object locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(asLocale(locale)).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    /** A moment as machine-readable ISO 8601, for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * A text with every character XML 1.0 forbids left out (control characters other than tab and line breaks, lone
     * surrogates, U+FFFE and U+FFFF), for the Atom feed: whatever the database holds, the feed stays well-formed.
     */
    public static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first 140 characters of a text, for lists. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 140 ? flat : flat.substring(0, 139) + "…";
    }

    /** A value encoded for use inside a URL query parameter. */
    static String urlParam(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Stars for a rating: ★★★☆☆. */
    static String stars(int rating) {
        return "★".repeat(Math.max(0, Math.min(5, rating))) + "☆".repeat(5 - Math.max(0, Math.min(5, rating)));
    }

    private static Locale asLocale(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.toString());
    }

    /** A duration as people read it: "45 min", "3 h 20 min", "2 d 5 h" (sign ignored). */
    public static String span(java.time.Duration duration) {
        long minutes = Math.abs(duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h " + (minutes % 60) + " min" : hours / 24 + " d " + hours % 24 + " h";
    }
}
