package org.candor.publiclog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A witness (c2sp.org/tlog-witness) for one log, JDK only: answers {@code POST /add-checkpoint}, checks that the
 * submitted checkpoint is signed by the log and consistent with the last one it cosigned (kept in a state file,
 * replaced atomically before it answers), and returns its {@code cosignature/v1}. Run with
 * <pre>java -jar candor-verify.jar witness &lt;port&gt; &lt;witness key file&gt; &lt;log verifier key&gt; &lt;state file&gt;</pre>
 * so an auditor, a consumer group or a second business can co-sign a board's log with one command.
 */
public final class Witness {

    /** An answer: HTTP status, content type and body. */
    public record Answer(int status, String contentType, String body) {
    }

    /** The most proof lines a request may carry (the spec's limit). */
    static final int MAX_PROOF = 63;

    private final Cosignatures.Cosigner key;
    private final SignedNote.VerifierKey log;
    private final Path state;

    public Witness(Cosignatures.Cosigner key, SignedNote.VerifierKey log, Path state) {
        this.key = key;
        this.log = log;
        this.state = state;
    }

    /** {@code witness <port> <witness key file> <log verifier key> <state file>}: serves until the process ends. */
    static void main(String[] args) {
        try {
            // the key file's first line is the key (--new-witness-key prints its verifier key after it)
            Witness witness = new Witness(Cosignatures.cosigner(Files.readAllLines(Path.of(args[2])).get(0).strip()),
                    SignedNote.verifierKey(args[3]), Path.of(args[4]));
            witness.serve(Integer.parseInt(args[1]));
            System.out.println("witness " + witness.key.name() + " for " + witness.log.name() + " on port " + args[1]);
        } catch (IOException | SignedNote.Malformed | NumberFormatException | IndexOutOfBoundsException e) {
            System.err.println("cannot start the witness: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Serves {@code POST /add-checkpoint} on this port until the process ends. */
    public HttpServer serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/add-checkpoint", this::handle);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        if (!exchange.getRequestMethod().equals("POST")) {
            answer = new Answer(405, "text/plain", "POST only\n");
        } else {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(SignedNote.MAX_BYTES + 64 * 50 + 1);
                answer = body.length > SignedNote.MAX_BYTES + 64 * 50 ? new Answer(400, "text/plain", "too long\n")
                        : addCheckpoint(new String(body, StandardCharsets.UTF_8));
            }
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    /** The add-checkpoint call, as the spec orders its checks; one at a time, so no cosigned size is rolled back. */
    public synchronized Answer addCheckpoint(String body) {
        int split = body.indexOf("\n\n");
        if (split < 0) {
            return text(400, "no blank line before the checkpoint");
        }
        String[] head = body.substring(0, split).split("\n", -1);
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})") || head.length - 1 > MAX_PROOF) {
            return text(400, "the first line must be 'old <size>', followed by at most " + MAX_PROOF + " proof lines");
        }
        long old = Long.parseLong(head[0].substring(4));
        List<byte[]> proof = new ArrayList<>();
        try {
            for (int i = 1; i < head.length; i++) {
                byte[] h = SignedNote.base64(head[i], "proof line " + i);
                if (h.length != 32) {
                    return text(400, "proof line " + i + " is not a SHA-256 hash");
                }
                proof.add(h);
            }
        } catch (SignedNote.Malformed e) {
            return text(400, e.getMessage());
        }
        String note = body.substring(split + 2);
        SignedNote.Note parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (SignedNote.Malformed e) {
            return text(400, e.getMessage());
        }
        if (!parsed.text().startsWith(log.name() + "\n")) {
            return text(404, "unknown log");
        }
        String text;
        Verifier.Checkpoint checkpoint;
        try {
            text = SignedNote.open(note, log);
            checkpoint = Verifier.parseCheckpoint(text, log.name(), "the checkpoint");
        } catch (SignedNote.Malformed e) {
            return text(403, e.getMessage());
        } catch (Verifier.Failure e) {
            return text(400, e.getMessage());
        }
        if (old > checkpoint.size()) {
            return text(400, "the old size is larger than the checkpoint's");
        }
        Verifier.Checkpoint latest;
        try {
            latest = latest();
        } catch (IOException | Verifier.Failure e) {
            return text(500, "the witness cannot read its state: " + e.getMessage());
        }
        long cosigned = latest == null ? 0 : latest.size();
        if (old != cosigned) {
            return new Answer(409, "text/x.tlog.size", cosigned + "\n");
        }
        if (checkpoint.size() == 0 && !Arrays.equals(checkpoint.root(), Merkle.emptyRoot())) {
            return text(422, "an empty tree has the empty root");
        }
        if (old == 0 && !proof.isEmpty()) {
            return text(422, "no proof is needed from the empty tree");
        }
        if (old > 0 && old == checkpoint.size() && !Arrays.equals(latest.root(), checkpoint.root())) {
            return text(422, "the same size with another root: the log rewrote its history");
        }
        if (old > 0 && old < checkpoint.size()
                && !Merkle.verifyConsistency(old, checkpoint.size(), proof, latest.root(), checkpoint.root())) {
            return text(422, "the consistency proof does not verify: the log rewrote its history");
        }
        try {
            Path next = state.resolveSibling(state.getFileName() + ".next");
            Files.writeString(next, note, StandardCharsets.UTF_8);
            Files.move(next, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return text(500, "the witness cannot keep its state: " + e.getMessage());
        }
        return new Answer(200, "text/plain; charset=utf-8", key.cosign(text, Instant.now().getEpochSecond()).line());
    }

    /** The last checkpoint this witness cosigned, or null. */
    private Verifier.Checkpoint latest() throws IOException, Verifier.Failure {
        if (!Files.exists(state)) {
            return null;
        }
        try {
            return Verifier.parseCheckpoint(SignedNote.open(Files.readString(state, StandardCharsets.UTF_8), log),
                    log.name(), "the witness's state");
        } catch (SignedNote.Malformed e) {
            throw new Verifier.Failure("the state file is not a checkpoint of this log: " + e.getMessage());
        }
    }

    private static Answer text(int status, String message) {
        return new Answer(status, "text/plain; charset=utf-8", message + "\n");
    }
}
