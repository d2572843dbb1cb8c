package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the public log. Its leaf — the bytes hashed into the tree and served in entry bundles — is the UTF-8 of
 * a JSON object with these keys in sorted order, no white space, absent values as {@code null}, numbers as integers and
 * the time as ISO-8601 UTC with millisecond precision: {@code actorHandle, actorRole, bodyCommitment, commentId, erases,
 * kind, policyVersion, reasonCode, reasonTextCommitment, reviewId, rule, seq, subject, time}. Free texts are in the leaf only as
 * commitments ({@link LogText}); the texts themselves travel beside it and can be erased. The leaf hash is
 * {@code SHA-256(0x00 || leaf)}.
 *
 * @param rule what in the policy brought the item the action closes (a word rule by number, {@code pre-moderation},
 *            {@code first-posts}, a report's reason, {@code awaiting-reply}), when there was one
 * @param policyVersion the version of the house rules in force when the entry was written: the number of the latest
 *            policy change ({@code /rules} shows it)
 * @param erases for a tombstone ({@link LogKind#TEXTS_ERASED}), the entry whose texts were erased
 * @param rating the stars of a review received ({@link LogKind#RECEIVED}, {@link LogKind#RECEIVED_HELD}); in the leaf
 *            only when there is one
 * @param contentCommitment a post received: {@code SHA-256(salt || text)} of what the customer wrote, whose salt only
 *            Candor and the author hold (the text may never be public: a held post). In the leaf only when there is
 *            one, as {@code contentCommitment}, so leaves written before it existed keep their bytes
 */
public record LogEntry(long seq, Instant time, LogKind kind, String subject, Long reviewId, Long commentId,
        String actorRole, String actorHandle, String reasonCode, String rule, Integer policyVersion, LogText reason,
        LogText content, Long erases, Integer rating, byte[] contentCommitment, byte[] storedLeafHash) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The reason given in words, or null (none, or erased). */
    public String reasonText() {
        return reason == null ? null : reason.text();
    }

    /** The entry's text (a reply, a note, what changed), or null (none, or erased). */
    public String body() {
        return content == null ? null : content.text();
    }

    /** Whether an erasure destroyed this entry's texts. */
    public boolean erased() {
        return (reason != null && reason.erased()) || (content != null && content.erased());
    }

    /** The message key of the reason code's label ({@code mod:reason_*}). */
    public String reasonKey() {
        return "reason_" + reasonCode;
    }

    /** The message key of the actor's role as the public reads it ({@code mod:role_*}). */
    public String roleKey() {
        return "role_" + actorRole;
    }

    /** The time as it is hashed: ISO-8601 UTC, milliseconds. */
    public String timeText() {
        return TIME.format(time);
    }

    public byte[] canonicalBytes() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("actorHandle", actorHandle);
        fields.put("actorRole", actorRole);
        fields.put("bodyCommitment", content == null ? null : content.commitmentHex());
        fields.put("commentId", commentId);
        if (contentCommitment != null) {
            fields.put("contentCommitment", java.util.HexFormat.of().formatHex(contentCommitment));
        }
        if (rating != null) {
            fields.put("rating", rating);
        }
        fields.put("erases", erases);
        fields.put("kind", kind.name());
        fields.put("policyVersion", policyVersion);
        fields.put("reasonCode", reasonCode);
        fields.put("reasonTextCommitment", reason == null ? null : reason.commitmentHex());
        fields.put("reviewId", reviewId);
        fields.put("rule", rule);
        fields.put("seq", seq);
        fields.put("subject", subject);
        fields.put("time", timeText());
        return CanonicalJson.write(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** The leaf hash recomputed from the fields (what a verifier computes). */
    public byte[] leafHash() {
        return Merkle.leafHash(canonicalBytes());
    }

    /** The leaf hash the log stored when the entry was appended, or the recomputed one for an entry not stored. */
    public byte[] publishedLeafHash() {
        return storedLeafHash != null ? storedLeafHash : leafHash();
    }

    /**
     * The texts and salts that open this entry's commitments, one flat JSON object (the line {@code /log/texts/}
     * serves for it): {@code body, bodySalt, reasonText, reasonTextSalt, seq}, nulls for none or erased.
     */
    public String openingLine() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("body", body());
        fields.put("bodySalt", content == null ? null : content.saltHex());
        fields.put("reasonText", reasonText());
        fields.put("reasonTextSalt", reason == null ? null : reason.saltHex());
        fields.put("seq", seq);
        return CanonicalJson.write(fields);
    }
}
