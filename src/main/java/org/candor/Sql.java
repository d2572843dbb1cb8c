package org.candor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.TupleTransformer;

/**
 * Reading the results of native queries: rows as {@link Tuple}s read by column alias, and
 * timestamps as instants.
 */
public final class Sql {

    private Sql() {
    }


    /**
     * The rows of a native query created with {@code Tuple.class}: columns read by their alias (in any case), not by
     * position. Each row is its values and an index of the aliases shared by all the rows: Hibernate's own tuple keeps
     * a map of every alias, in two cases, per row (a queue page's 101 rows of 22 columns allocated 200 KB of map
     * entries, bench/profile queue).
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return query.unwrap(NativeQuery.class).setTupleTransformer(new Rows()).getResultList();
    }

    /** Makes the rows of one result; the aliases' index is built from the first. */
    private static final class Rows implements TupleTransformer<Tuple> {

        private Map<String, Integer> index;
        private List<TupleElement<?>> elements;

        @Override
        public Tuple transformTuple(Object[] values, String[] aliases) {
            if (index == null) {
                index = new HashMap<>(2 * aliases.length);
                List<TupleElement<?>> named = new ArrayList<>(aliases.length);
                for (int i = 0; i < aliases.length; i++) {
                    index.put(aliases[i].toLowerCase(Locale.ROOT), i); // as Hibernate's: the last of a name wins
                    named.add(new Element(aliases[i], values[i] == null ? Object.class : values[i].getClass()));
                }
                elements = List.copyOf(named);
            }
            return new Row(values, index, elements);
        }
    }

    private record Element(String getAlias, Class<?> getJavaType) implements TupleElement<Object> {
        @SuppressWarnings("unchecked")
        @Override
        public Class<? extends Object> getJavaType() {
            return getJavaType;
        }
    }

    private record Row(Object[] values, Map<String, Integer> index, List<TupleElement<?>> getElements)
            implements Tuple {

        private int at(String alias) {
            Integer i = index.get(alias);
            if (i == null) {
                i = index.get(alias.toLowerCase(Locale.ROOT));
            }
            if (i == null) {
                throw new IllegalArgumentException("no column " + alias + " in this row");
            }
            return i;
        }

        @Override
        public Object get(String alias) {
            return values[at(alias)];
        }

        @Override
        public <X> X get(String alias, Class<X> type) {
            return type.cast(get(alias));
        }

        @Override
        public Object get(int i) {
            if (i < 0 || i >= values.length) {
                throw new IllegalArgumentException("no column " + i + " in this row");
            }
            return values[i];
        }

        @Override
        public <X> X get(int i, Class<X> type) {
            return type.cast(get(i));
        }

        @Override
        public <X> X get(TupleElement<X> element) {
            return element.getJavaType().cast(get(element.getAlias()));
        }

        @Override
        public Object[] toArray() {
            return values.clone();
        }
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

    /**
     * Ids as a PostgreSQL array literal, for {@code = any(cast(? as bigint[]))}: one statement text whatever their
     * number, where {@code in (?, ?, …)} is another statement (parsed, planned and kept by each connection) per count.
     */
    public static String bigints(java.util.Collection<Long> ids) {
        StringBuilder text = new StringBuilder(ids.size() * 8 + 2).append('{');
        for (Long id : ids) {
            text.append(text.length() > 1 ? "," : "").append(id.longValue());
        }
        return text.append('}').toString();
    }
}
