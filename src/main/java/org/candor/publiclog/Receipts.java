package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Receipts (c2sp.org/tlog-proof@v1) checked offline: what {@code candor-verify.jar --receipt} runs. JDK only. */
final class Receipts {

    private Receipts() {
    }

    /**
     * Checks a receipt (c2sp.org/tlog-proof@v1, as {@code /log/entries/<seq>/proof} serves it) offline: the checkpoint
     * is signed by the given key, and the entry in the {@code extra} line is included at the stated index in the
     * checkpoint's tree. The message says which entry it proves.
     */
    static Verifier.Result check(String receipt, SignedNote.VerifierKey key) {
        try {
            if (receipt.length() > SignedNote.MAX_BYTES + 200_000) {
                throw new Verifier.Failure("the receipt is too long");
            }
            int split = receipt.indexOf("\n\n");
            if (split < 0) {
                throw new Verifier.Failure("the receipt has no blank line before its checkpoint");
            }
            String[] lines = receipt.substring(0, split).split("\n", -1);
            if (lines.length < 3 || !lines[0].equals("c2sp.org/tlog-proof@v1")) {
                throw new Verifier.Failure("the receipt does not start with c2sp.org/tlog-proof@v1");
            }
            if (!lines[1].startsWith("extra ")) {
                throw new Verifier.Failure("the receipt carries no entry (extra line)");
            }
            byte[] extra = Verifier.decode(lines[1].substring(6), "the extra line");
            int newline = 0;
            while (newline < extra.length && extra[newline] != '\n') {
                newline++;
            }
            byte[] entry = java.util.Arrays.copyOf(extra, newline);
            String opening = newline < extra.length
                    ? new String(extra, newline + 1, extra.length - newline - 1, StandardCharsets.UTF_8) : null;
            if (!lines[2].matches("index (0|[1-9][0-9]{0,18})")) {
                throw new Verifier.Failure("the receipt has no valid index line");
            }
            long index = Long.parseLong(lines[2].substring(6));
            List<byte[]> proof = new ArrayList<>();
            for (int i = 3; i < lines.length; i++) {
                byte[] h = Verifier.decode(lines[i], "proof line " + (i - 2));
                if (h.length != 32) {
                    throw new Verifier.Failure("proof line " + (i - 2) + " is not a SHA-256 hash");
                }
                proof.add(h);
            }
            String note = receipt.substring(split + 2);
            String text;
            try {
                text = SignedNote.open(note, key);
            } catch (SignedNote.Malformed e) {
                throw new Verifier.Failure("the receipt's checkpoint is not signed by the given key: " + e.getMessage());
            }
            Verifier.Checkpoint checkpoint = Verifier.parseCheckpoint(text, key.name(), "the receipt's checkpoint");
            java.util.Map<String, Object> leaf = Verifier.canonical(entry, index + 1);
            String said = "";
            if (opening != null) {
                new Openings().check(leaf, opening, index + 1);
                java.util.Map<String, Object> texts = new FlatJson(opening).object();
                said = (texts.get("body") == null ? "" : " said: " + texts.get("body"))
                        + (texts.get("reasonText") == null ? "" : " (reason: " + texts.get("reasonText") + ")");
            }
            if (index >= checkpoint.size()
                    || !Merkle.verifyInclusion(index, checkpoint.size(), Merkle.leafHash(entry), proof, checkpoint.root())) {
                throw new Verifier.Failure("entry #" + (index + 1) + " is not included in the receipt's checkpoint");
            }
            return new Verifier.Result(true, "entry #" + (index + 1) + " is in the log of " + checkpoint.size() + " entries"
                    + said + " — " + new String(entry, StandardCharsets.UTF_8));
        } catch (Verifier.Failure e) {
            return Verifier.fail(e.getMessage());
        }
    }
}
