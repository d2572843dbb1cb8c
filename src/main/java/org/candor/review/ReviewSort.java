package org.candor.review;

import java.util.Locale;

/** The orders a subject's reviews can be read in, each paged by key (never by offset). */
public enum ReviewSort {
    NEWEST,
    HELPFUL,
    LOWEST;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewSort parse(String value) {
        if (value == null) {
            return NEWEST;
        }
        for (ReviewSort sort : values()) {
            if (sort.param().equals(value)) {
                return sort;
            }
        }
        return NEWEST;
    }

    /**
     * Where a page ends, as {@code key.id}: the sort key (helpful count or rating; unused for newest) and the review id
     * of the last review shown.
     */
    public record Cursor(long key, long id) {

        public String format() {
            return key + "." + id;
        }

        /** The cursor in {@code value}, or null for the first page (also when the value is malformed). */
        public static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int dot = value.indexOf('.');
            try {
                return dot < 0 ? new Cursor(0, Long.parseLong(value))
                        : new Cursor(Long.parseLong(value.substring(0, dot)), Long.parseLong(value.substring(dot + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
