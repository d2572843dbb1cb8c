package org.candor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * Reading the results of native queries: rows as {@link Tuple}s read by column alias, and
 * timestamps as instants.
 */
public final class Sql {

    private Sql() {
    }


    /** The rows of a native query created with {@code Tuple.class}: columns read by their alias, not by position. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    /** A whole-number column (an id, a count), or null. */
    public static Long number(Tuple row, String alias) {
        Object v = row.get(alias);
        return v == null ? null : ((Number) v).longValue();
    }

    public static int integer(Tuple row, String alias) {
        return ((Number) row.get(alias)).intValue();
    }

    public static String text(Tuple row, String alias) {
        return (String) row.get(alias);
    }

    public static boolean bool(Tuple row, String alias) {
        return Boolean.TRUE.equals(row.get(alias));
    }

    public static Instant instant(Tuple row, String alias) {
        Object v = row.get(alias);
        return v == null ? null : instant(v);
    }

    /** A timestamp column as an instant (the driver gives {@code Timestamp}, {@code OffsetDateTime} or {@code Instant}). */
    public static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
