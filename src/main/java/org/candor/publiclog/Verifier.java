package org.candor.publiclog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a Candor public log from the outside, with nothing but a JDK and the log's verifier key (given by whoever
 * runs it, never fetched from the log it checks):
 * <pre>java -jar target/candor-verify.jar https://reviews.example.com '&lt;verifier key&gt;' [state file]</pre>
 * It reads the C2SP checkpoint ({@code /log/checkpoint}) and opens it with the key, then reads the whole log as
 * tlog-tiles: every entry bundle and its level-0 hash tile. Each entry must be a canonical leaf record whose hash is
 * the tile's; the entries must add up to the checkpoint's root; and, given a state file holding the checkpoint an
 * earlier run verified, the log must still extend it (the new checkpoint is then saved there). Memory is O(log n):
 * 256 entries at a time and one hash per level. Prints {@code OK}, or {@code FAIL} with the reason and the entry
 * concerned; exits 0 or 1 (2 for a usage error). Every answer is parsed strictly and bounded in size; anything
 * unexpected is a FAIL with a reason, never a stack trace.
 * <p>
 * {@code --new-key [origin]} prints a fresh key pair for {@code CANDOR_LOG_PRIVATE_KEY}/{@code _PUBLIC_KEY} (and, given
 * the log's origin, its verifier key).
 */
public final class Verifier {

    /** What a check found. */
    public record Result(boolean ok, String message) {
    }

    /** A check that cannot go on: becomes a FAIL with this reason. */
    static final class Failure extends Exception {
        Failure(String reason) {
            super(reason);
        }
    }

    private final String base;
    private final TlogPolicy policy;

    /** A verifier that trusts this log key and needs no witness. */
    public Verifier(String base, SignedNote.VerifierKey key) {
        this(base, new TlogPolicy(java.util.List.of(key), Map.of(), Map.of(), "none"));
    }

    /** A verifier that trusts the policy's logs and needs its quorum of witness cosignatures. */
    public Verifier(String base, TlogPolicy policy) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.policy = policy;
    }

    /** The command line ({@link VerifierCli}): verify a log, check a receipt, run a witness, make keys. */
    public static void main(String[] args) {
        VerifierCli.run(args);
    }

    /** Checks the log; with a state file, also that it extends the checkpoint saved there (and saves the new one). */
    public Result check(Path state) {
        return check(state, null);
    }

    /**
     * Recomputes the transparency report of the days {@code from} to {@code to} that the board serves
     * ({@code /transparency.json}) from the verified log: reads the served figures (with the entry they were computed
     * up to, the time zone and the response targets they state), verifies the log, feeds its leaves up to that entry
     * into {@link Transparency}, and compares every figure. OK, or FAIL naming each figure that differs.
     */
    public Result report(java.time.LocalDate from, java.time.LocalDate to) {
        return report(from, to, null);
    }

    /** The same for one subject's report ({@code subject}: its address), recomputed from that subject's entries. */
    public Result report(java.time.LocalDate from, java.time.LocalDate to, String subject) {
        String served;
        try (TileReader reader = new TileReader(base)) {
            served = reader.text("transparency.json?from=" + from + "&to=" + to + (subject == null ? ""
                    : "&subject=" + java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8)), 1 << 20);
        } catch (IOException e) {
            return fail("could not read the report: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (Failure e) {
            return fail(e.getMessage());
        }
        return compareReport(served, from, to);
    }

    /** Recomputes a served report (its JSON) from the verified log and compares every figure. */
    public Result compareReport(String served, java.time.LocalDate from, java.time.LocalDate to) {
        Map<String, Object> figures;
        try {
            figures = new FlatJson(served).object();
        } catch (IllegalArgumentException e) {
            return fail("the report is not a flat JSON object: " + e.getMessage());
        }
        if (!(figures.get("through") instanceof Long through) || !(figures.get("zone") instanceof String zoneId)
                || !(figures.get("targets.low") instanceof Long low) || !(figures.get("targets.mid") instanceof Long mid)
                || !(figures.get("targets.high") instanceof Long high)) {
            return fail("the report does not say which entry, time zone and targets it was computed with");
        }
        Transparency numbers;
        try {
            numbers = new Transparency(java.time.ZoneId.of(zoneId));
        } catch (java.time.DateTimeException e) {
            return fail("the report names an unknown time zone: " + zoneId);
        }
        String subject = figures.get("subject") instanceof String s ? s : null;
        long[] read = { 0 };
        Result log = check(null, leaf -> read[0] = numbers.addLeafUpTo(leaf, subject, through));
        if (!log.ok()) {
            return log;
        }
        if (read[0] < through) {
            return fail("the report counts entries up to #" + through + ", but the log has " + read[0]);
        }
        Map<String, Object> recomputed = numbers.report(from, to, new Transparency.Targets(low, mid, high));
        if (subject != null) {
            recomputed.put("subject", subject);
            recomputed.put("through", through);
        }
        List<String> differ = TransparencyFigures.differences(figures, recomputed);
        if (!differ.isEmpty()) {
            return fail(differ.size() + " figure(s) of the report differ from the log: " + String.join("; ", differ));
        }
        return new Result(true, figures.size() + " figures recomputed from entries 1 to " + through + " agree; " + log.message());
    }

    private Result check(Path state, java.util.function.Consumer<byte[]> leaves) {
        try (TileReader reader = new TileReader(base)) {
            String note = reader.text("log/checkpoint", SignedNote.MAX_BYTES);
            Checkpoint checkpoint = open(note, "the served checkpoint");
            witnessed(note, "the served checkpoint");
            Checkpoint saved = null;
            if (state != null && Files.exists(state)) {
                saved = open(Files.readString(state, StandardCharsets.UTF_8), "the checkpoint saved in " + state);
                if (saved.size() > checkpoint.size()) {
                    return fail("the log shrank from " + saved.size() + " to " + checkpoint.size()
                            + " entries since the checkpoint in " + state + ": entry #" + (checkpoint.size() + 1)
                            + " was removed");
                }
            }
            CompactRange range = new CompactRange();
            Openings openings = new Openings();
            long tiles = (checkpoint.size() + TilePath.WIDTH - 1) / TilePath.WIDTH;
            reader.start(checkpoint.size());
            for (long tile = 0; tile < tiles; tile++) {
                TileReader.Fetched fetched = reader.next();
                int width = fetched.entries().size();
                List<byte[]> entries = fetched.entries();
                List<String> texts = fetched.texts();
                byte[] hashes = fetched.hashes();
                for (int i = 0; i < width; i++) {
                    long seq = tile * TilePath.WIDTH + i + 1;
                    byte[] entry = entries.get(i);
                    openings.check(canonical(entry, seq), texts.get(i), seq);
                    byte[] leaf = Merkle.leafHash(entry);
                    if (!Arrays.equals(leaf, Arrays.copyOfRange(hashes, i * 32, i * 32 + 32))) {
                        return fail("entry #" + seq + " does not match the log's leaf hash: its content was changed");
                    }
                    range.add(leaf);
                    if (leaves != null) {
                        leaves.accept(entry);
                    }
                    if (saved != null && range.size() == saved.size() && !Arrays.equals(range.root(), saved.root())) {
                        return fail("the log no longer extends the checkpoint in " + state + " (size " + saved.size()
                                + "): an entry up to #" + saved.size() + " was changed");
                    }
                }
            }
            if (saved != null && saved.size() == 0 && !Arrays.equals(saved.root(), Merkle.emptyRoot())) {
                return fail("the checkpoint in " + state + " has a wrong root for an empty log");
            }
            openings.allCovered();
            if (!Arrays.equals(range.root(), checkpoint.root())) {
                return fail("the entries do not add up to the signed root of size " + checkpoint.size()
                        + ": an entry or a tree node was changed");
            }
            if (state != null) {
                Files.writeString(state, note, StandardCharsets.UTF_8);
            }
            return new Result(true, checkpoint.size() + " entries, root " + Base64.getEncoder().encodeToString(
                    checkpoint.root()) + (saved == null ? "" : ", extends the saved checkpoint of " + saved.size()));
        } catch (Failure e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail("could not read the log: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Checks a receipt offline ({@link Receipts#check}). */
    public static Result checkReceipt(String receipt, SignedNote.VerifierKey key) {
        return Receipts.check(receipt, key);
    }

    static byte[] decode(String text, String what) throws Failure {
        try {
            return SignedNote.base64(text, what);
        } catch (SignedNote.Malformed e) {
            throw new Failure(e.getMessage());
        }
    }

    static Result fail(String reason) {
        return new Result(false, reason);
    }

    /** A checkpoint's origin, size and root, from a note this key signed. */
    record Checkpoint(String origin, long size, byte[] root) {
    }

    private Checkpoint open(String note, String what) throws Failure {
        for (SignedNote.VerifierKey key : policy.logs()) {
            try {
                return parseCheckpoint(SignedNote.open(note, key), key.name(), what);
            } catch (SignedNote.Malformed e) {
                if (policy.logs().size() == 1) {
                    throw new Failure(what + " is not signed by the given key: " + e.getMessage());
                }
            }
        }
        throw new Failure(what + " is not signed by any log the policy names");
    }

    /** The policy's quorum of witnesses must have cosigned the checkpoint (cosignatures from unknown keys ignored). */
    private void witnessed(String note, String what) throws Failure {
        if (policy.quorum().equals("none")) {
            return;
        }
        SignedNote.Note parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (SignedNote.Malformed e) {
            throw new Failure(what + " is malformed: " + e.getMessage());
        }
        java.util.Set<String> cosigned = new java.util.TreeSet<>();
        for (Map.Entry<String, Cosignatures.CosignerKey> w : policy.witnesses().entrySet()) {
            for (SignedNote.Sig sig : parsed.signatures()) {
                if (w.getValue().signed(sig)) {
                    if (w.getValue().verifies(parsed.text(), sig) < 0) {
                        throw new Failure(what + " carries a cosignature by witness " + w.getKey() + " that does not verify");
                    }
                    cosigned.add(w.getKey());
                }
            }
        }
        if (!policy.satisfied(cosigned)) {
            throw new Failure(what + " is cosigned by " + (cosigned.isEmpty() ? "no witness" : String.join(", ", cosigned))
                    + " of " + String.join(", ", policy.witnesses().keySet()) + ": the policy's quorum ("
                    + policy.quorum() + ") is not met");
        }
    }

    /** The body of a C2SP checkpoint: origin, size, base64 root, then optional extension lines. */
    static Checkpoint parseCheckpoint(String text, String origin, String what) throws Failure {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new Failure(what + " has fewer than three lines");
        }
        for (int i = 3; i < lines.length - 1; i++) {
            if (lines[i].isEmpty()) {
                throw new Failure(what + " has an empty extension line");
            }
        }
        if (!lines[0].equals(origin)) {
            throw new Failure(what + " is for the log '" + lines[0] + "', not '" + origin + "'");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new Failure(what + " has no valid tree size");
        }
        byte[] root = decode(lines[2], what + "'s root");
        if (root.length != 32) {
            throw new Failure(what + " has a root of " + root.length + " bytes, not 32");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    /**
     * An entry must be the canonical leaf record of entry {@code seq}: a flat JSON object of strings, integers and
     * nulls, keys sorted, no white space, minimal escaping, UTF-8. Kinds and fields this verifier does not know are
     * accepted as they are (a newer log may add them); what it checks is that the bytes are canonical.
     */
    static Map<String, Object> canonical(byte[] entry, long seq) throws Failure {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(entry)).toString();
        } catch (CharacterCodingException e) {
            throw new Failure("entry #" + seq + " is not UTF-8");
        }
        Map<String, Object> fields;
        try {
            fields = new FlatJson(text).object();
        } catch (IllegalArgumentException e) {
            throw new Failure("entry #" + seq + " is not a leaf record: " + e.getMessage());
        }
        if (!CanonicalJson.write(new TreeMap<>(fields)).equals(text)) {
            throw new Failure("entry #" + seq + " is not in canonical form");
        }
        if (!(fields.get("seq") instanceof Long s) || s != seq) {
            throw new Failure("entry #" + seq + " says it is entry " + fields.get("seq"));
        }
        return fields;
    }
}
