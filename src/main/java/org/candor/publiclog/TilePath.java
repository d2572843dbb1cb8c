package org.candor.publiclog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource of a tiled log (c2sp.org/tlog-tiles): a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry bundle
 * {@code tile/entries/<N>[.p/<W>]}. The index is written in 3-digit path elements, all but the last prefixed with
 * {@code x}; a path is accepted only in that canonical form. JDK only (the {@link Verifier} builds paths with it).
 *
 * @param level the tile's level (0 for entry bundles), 0 to 7 (tree levels up to 56, enough for any log)
 * @param index the tile's index within its level
 * @param width how many hashes or entries it holds: 256 for a full tile, 1 to 255 for a partial one
 * @param entries whether this is an entry bundle rather than a hash tile
 */
public record TilePath(int level, long index, int width, boolean entries) {

    /** Hashes (or entries) in a full tile. */
    public static final int WIDTH = 256;

    private static final Pattern PATH = Pattern.compile("(entries|[0-9]|[1-9][0-9])/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public static Optional<TilePath> parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean entries = m.group(1).equals("entries");
        int level = entries ? 0 : Integer.parseInt(m.group(1));
        String digits = m.group(2).replace("x", "").replace("/", "");
        if (level > 7 || digits.length() > 18) {
            return Optional.empty();
        }
        int width = m.group(3) == null ? WIDTH : Integer.parseInt(m.group(3));
        if (m.group(3) != null && width >= WIDTH) {
            return Optional.empty(); // a partial tile holds 1 to 255
        }
        TilePath tile = new TilePath(level, Long.parseLong(digits), width, entries);
        // one spelling per tile: "x000/005" and "005" must not both name tile 5
        return tile.path().equals(path) ? Optional.of(tile) : Optional.empty();
    }

    /** The path below the log's prefix, e.g. {@code tile/0/x001/234.p/7}. */
    public String uri() {
        return "tile/" + path();
    }

    String path() {
        return (entries ? "entries" : String.valueOf(level)) + "/" + encodeIndex(index)
                + (full() ? "" : ".p/" + width);
    }

    /** {@code 1234067} → {@code x001/x234/067}. */
    public static String encodeIndex(long n) {
        String s = String.valueOf(n);
        while (s.length() % 3 != 0) {
            s = "0" + s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 3) {
            out.append(i + 3 < s.length() ? "x" : "").append(s, i, i + 3).append(i + 3 < s.length() ? "/" : "");
        }
        return out.toString();
    }

    public boolean full() {
        return width == WIDTH;
    }

    /** The tree level of the hashes in this tile: 8 × its level. */
    public int treeLevel() {
        return 8 * level;
    }

    /** The index, at {@link #treeLevel()}, of its first hash. */
    public long firstNode() {
        return index * WIDTH;
    }

    /** Whether a tree of {@code size} entries holds every hash (or entry) of this tile. */
    public boolean within(long size) {
        long nodes = firstNode() + width;
        return nodes <= (size >>> treeLevel());
    }
}
