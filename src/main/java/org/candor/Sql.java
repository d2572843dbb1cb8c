package org.candor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Query;

/** Reading the results of native queries: their rows, and their timestamps as instants. */
public final class Sql {

    private Sql() {
    }

    /** The rows of a native query selecting several columns. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    /** A timestamp column as an instant (the driver gives {@code Timestamp} or {@code Instant}). */
    public static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
