package org.candor.publiclog;

import java.util.Base64;

/**
 * The log's signed statement of its size and root, as a C2SP checkpoint (c2sp.org/tlog-checkpoint): a signed note
 * ({@link SignedNote}) whose text is the origin, the tree size and the base64 root hash, one per line, signed with the
 * log's Ed25519 key under the origin's name; {@code note} adds the cosignatures of the witnesses that have cosigned
 * this size and root ({@link Witnesses}), {@code signedNote} is the log's own.
 */
public record Checkpoint(String origin, long size, String root, String signedNote, String note) {

    /** The same checkpoint with witnesses' cosignature lines after the log's signature. */
    Checkpoint cosigned(java.util.List<String> lines) {
        return lines.isEmpty() ? this
                : new Checkpoint(origin, size, root, signedNote, signedNote + String.join("\n", lines) + "\n");
    }

    /** The checkpoint's text: {@code <origin>\n<size>\n<base64 root>\n}. */
    public static String body(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }
}
