package org.candor.publiclog;

import java.util.Map;

/** The one JSON writer behind log entries' canonical bytes: sorted keys, no white space, minimal escaping. JDK only. */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Writes a flat object of strings, integers and nulls; keys in the map's order (use a sorted map). */
    public static String write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(e.getKey(), out);
            out.append(':');
            Object v = e.getValue();
            if (v == null) {
                out.append("null");
            } else if (v instanceof Number n) {
                out.append(n.longValue());
            } else {
                string(v.toString(), out);
            }
        }
        return out.append('}').toString();
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
