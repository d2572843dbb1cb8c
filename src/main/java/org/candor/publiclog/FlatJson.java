package org.candor.publiclog;

import java.util.Map;
import java.util.TreeMap;

/** A strict reader of flat JSON objects (string keys; string, integer or null values). */
final class FlatJson {
    private final String s;
    private int i;

    FlatJson(String s) {
        this.s = s;
    }

    Map<String, Object> object() {
        Map<String, Object> map = new TreeMap<>();
        expect('{');
        if (peek() == '}') {
            i++;
            return end(map);
        }
        while (true) {
            String k = string();
            expect(':');
            if (map.put(k, value()) != null) {
                throw new IllegalArgumentException("the key " + k + " appears twice");
            }
            char c = next();
            if (c == '}') {
                return end(map);
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at " + (i - 1));
            }
        }
    }

    private Map<String, Object> end(Map<String, Object> map) {
        if (i != s.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        return map;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int start = i;
        if (c == '-') {
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        String n = s.substring(start, i);
        if (!n.matches("-?(0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("a value at " + start + " is not a string, an integer or null");
        }
        return Long.parseLong(n);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("a raw control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                        throw new IllegalArgumentException("a bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("an unknown escape \\" + e);
            }
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("the text ends early");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }
}
