package org.candor.publiclog;

import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The public log as JSON, with signed checkpoints and RFC 9162 proofs, for anyone to check. Every answer is read from
 * the database as it is now, never from a cache: a change made behind Candor's back (triggers switched off) must show
 * to the next verifier that looks.
 */
@Path("/api/log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public log")
public class LogApi {

    /**
     * An entry with every field of its leaf (see {@link LogEntry}), its leaf hash, and the texts and salts that open
     * its commitments (null once erased; {@code erased} then says so, and the tombstone {@code erasedBy} names it).
     */
    public record EntryJson(long seq, String time, LogKind kind, String subject, Long reviewId, Long commentId,
            String actorRole, String actorHandle, String reasonCode, String reasonText, String reasonTextSalt,
            String reasonTextCommitment, String body, String bodySalt, String bodyCommitment, Long erases,
            boolean erased, String leafHash) {
        static EntryJson of(LogEntry e) {
            return new EntryJson(e.seq(), e.timeText(), e.kind(), e.subject(), e.reviewId(), e.commentId(), e.actorRole(),
                    e.actorHandle(), e.reasonCode(), e.reasonText(), e.reason() == null ? null : e.reason().saltHex(),
                    e.reason() == null ? null : e.reason().commitmentHex(), e.body(),
                    e.content() == null ? null : e.content().saltHex(),
                    e.content() == null ? null : e.content().commitmentHex(), e.erases(), e.erased(),
                    b64(e.publishedLeafHash()));
        }
    }

    public record EntryPage(List<EntryJson> entries, Long next) {
    }

    /** The checkpoint key: raw (X.509, base64) and as a signed-note verifier key ({@code <origin>+<id>+<key>}). */
    public record PublicKey(String algorithm, String publicKey, String encoding, String verifierKey) {
    }

    public record InclusionProof(long seq, long leafIndex, long size, String leafHash, List<String> proof, String root) {
    }

    public record ConsistencyProof(long from, long to, List<String> proof, String fromRoot, String toRoot) {
    }

    static final int MAX_LIMIT = 1000;

    private final PublicLog log;

    LogApi(PublicLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Entries after a sequence number, oldest first")
    public EntryPage entries(@QueryParam("after") String afterParam, @QueryParam("limit") String limitParam) {
        Long after = number(afterParam, "after");
        Long limit = number(limitParam, "limit");
        long from = after == null ? 0 : after;
        long n = limit == null ? 100 : limit;
        if (from < 0 || n < 1 || n > MAX_LIMIT) {
            throw new BadRequestException("after must be ≥ 0 and limit between 1 and " + MAX_LIMIT);
        }
        List<EntryJson> entries = log.after(from, (int) n).stream().map(EntryJson::of).toList();
        Long next = entries.size() == n ? entries.get(entries.size() - 1).seq() : null;
        return new EntryPage(entries, next);
    }

    @GET
    @Path("{seq}")
    @Operation(summary = "One entry")
    public EntryJson entry(@PathParam("seq") long seq) {
        return log.entry(seq).map(EntryJson::of).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("checkpoint")
    @Operation(summary = "The current tree size and root hash, with the C2SP checkpoint note that signs them")
    public Checkpoint checkpoint() {
        return log.checkpoint();
    }

    @GET
    @Path("public-key")
    @Operation(summary = "The Ed25519 key that signs checkpoints")
    public PublicKey publicKey() {
        return new PublicKey("Ed25519", log.publicKey(), "base64 X.509 SubjectPublicKeyInfo", log.verifierKey());
    }

    @GET
    @Path("proof/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of entry seq in the tree of the first size entries")
    public InclusionProof inclusion(@QueryParam("seq") String seqParam, @QueryParam("size") String sizeParam) {
        Long seq = number(seqParam, "seq");
        Long size = number(sizeParam, "size");
        long current = log.size();
        long treeSize = size == null ? current : size;
        if (seq == null || seq < 1 || treeSize < seq || treeSize > current) {
            throw new BadRequestException("seq must be between 1 and size, and size at most " + current);
        }
        LogEntry entry = log.entry(seq).orElseThrow(NotFoundException::new);
        return new InclusionProof(seq, seq - 1, treeSize, b64(entry.publishedLeafHash()),
                log.inclusionProof(seq, treeSize).stream().map(LogApi::b64).toList(), b64(log.root(treeSize)));
    }

    @GET
    @Path("proof/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes")
    public ConsistencyProof consistency(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        Long from = number(fromParam, "from");
        Long to = number(toParam, "to");
        long current = log.size();
        long target = to == null ? current : to;
        if (from == null || from < 0 || from > target || target > current) {
            throw new BadRequestException("need 0 ≤ from ≤ to ≤ " + current);
        }
        return new ConsistencyProof(from, target, log.consistencyProof(from, target).stream().map(LogApi::b64).toList(),
                b64(log.root(from)), b64(log.root(target)));
    }

    /** A whole-number query parameter, null when absent; anything else is a 400 saying which. */
    static Long number(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number");
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
