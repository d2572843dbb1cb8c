package org.candor.publiclog;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the verifier checks of an entry's texts: each commitment in a leaf is opened by the text and salt served beside
 * it ({@code SHA-256(salt || text)}), or the text was erased and a later tombstone ({@code TEXTS_ERASED}, naming the
 * entry in {@code erases}) says so. An unopened commitment without its tombstone is a FAIL. JDK only.
 */
final class Openings {

    /** The keys of an opening line ({@link LogEntry#openingLine}). */
    private static final java.util.Set<String> KEYS = java.util.Set.of("body", "bodySalt", "reasonText", "reasonTextSalt",
            "seq");

    /** Entries with an unopened commitment, waiting for their tombstone. */
    private final TreeSet<Long> withheld = new TreeSet<>();

    /** Checks one entry against its opening line ({@link LogEntry#openingLine}). */
    void check(Map<String, Object> leaf, String line, long seq) throws Verifier.Failure {
        Map<String, Object> opening;
        try {
            opening = new FlatJson(line).object();
        } catch (IllegalArgumentException e) {
            throw new Verifier.Failure("the texts of entry #" + seq + " are not readable: " + e.getMessage());
        }
        if (!opening.keySet().equals(KEYS) || !CanonicalJson.write(new java.util.TreeMap<>(opening)).equals(line)) {
            throw new Verifier.Failure("the texts of entry #" + seq + " are not in the form the log writes them");
        }
        if (!Long.valueOf(seq).equals(opening.get("seq"))) {
            throw new Verifier.Failure("the texts served for entry #" + seq + " are another entry's");
        }
        boolean open = field(leaf, opening, "bodyCommitment", "body", "bodySalt", seq)
                & field(leaf, opening, "reasonTextCommitment", "reasonText", "reasonTextSalt", seq);
        if (!open) {
            withheld.add(seq);
        }
        if ("TEXTS_ERASED".equals(leaf.get("kind"))) {
            if (!(leaf.get("erases") instanceof Long erased) || erased >= seq) {
                throw new Verifier.Failure("tombstone #" + seq + " does not name an earlier entry");
            }
            withheld.remove(erased);
        }
    }

    /** At the end of the log: every withheld text must have had its tombstone. */
    void allCovered() throws Verifier.Failure {
        if (!withheld.isEmpty()) {
            throw new Verifier.Failure("entry #" + withheld.first() + " withholds a text without a tombstone saying"
                    + " it was erased (" + withheld.size() + " such entries)");
        }
    }

    /** Whether the field is absent or opened; false when erased (text and salt gone); a wrong opening is a FAIL. */
    private static boolean field(Map<String, Object> leaf, Map<String, Object> opening, String commitmentKey,
            String textKey, String saltKey, long seq) throws Verifier.Failure {
        Object commitment = leaf.get(commitmentKey);
        Object text = opening.get(textKey);
        Object salt = opening.get(saltKey);
        if (commitment == null) {
            if (text != null || salt != null) {
                throw new Verifier.Failure("entry #" + seq + " has a " + textKey + " its leaf does not commit to");
            }
            return true;
        }
        if (text == null && salt == null) {
            return false;
        }
        if (!(text instanceof String t) || !(salt instanceof String sh) || !(commitment instanceof String c)
                || !sh.matches("[0-9a-f]{64}") || !c.matches("[0-9a-f]{64}")) {
            throw new Verifier.Failure("entry #" + seq + " has a malformed " + textKey + " or commitment");
        }
        if (!HexFormat.of().formatHex(LogText.commit(HexFormat.of().parseHex(sh), t)).equals(c)) {
            throw new Verifier.Failure("entry #" + seq + "'s " + textKey + " does not match its commitment: it was changed");
        }
        return true;
    }
}
