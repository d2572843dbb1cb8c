package org.candor;

import java.util.Locale;

/** Reading the name of an enum constant from a form or a query. */
public final class Enums {

    private Enums() {
    }

    /** The constant {@code name} names (surrounding spaces and case ignored), or null for none or an unknown name. */
    public static <E extends Enum<E>> E named(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
