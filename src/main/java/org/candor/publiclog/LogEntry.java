package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the public log, exactly as it is hashed into the tree. Its canonical bytes are the UTF-8 of a JSON
 * object with these keys in sorted order, no white space, absent values as {@code null}, numbers as integers and the
 * time as ISO-8601 UTC with millisecond precision: {@code actorHandle, actorRole, body, commentId, contentSha256, kind,
 * reasonCode, reasonText, reviewId, seq, subject, time}. The leaf hash is {@code SHA-256(0x00 || canonical bytes)}.
 *
 * @param contentSha256 hex SHA-256 of the content acted on, in entries written before release 2; always null since,
 *            because an unsalted hash of a short or partly public text can be guessed back (docs/public-log-data.md)
 */
public record LogEntry(long seq, Instant time, LogKind kind, String subject, Long reviewId, Long commentId,
        String actorRole, String actorHandle, String reasonCode, String reasonText, String body, String contentSha256,
        byte[] storedLeafHash) {

    /** An entry not yet stored: its leaf hash is computed from its fields. */
    public LogEntry(long seq, Instant time, LogKind kind, String subject, Long reviewId, Long commentId,
            String actorRole, String actorHandle, String reasonCode, String reasonText, String body,
            String contentSha256) {
        this(seq, time, kind, subject, reviewId, commentId, actorRole, actorHandle, reasonCode, reasonText, body,
                contentSha256, null);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The message key of the reason code's label ({@code mod:reason_*}). */
    public String reasonKey() {
        return "reason_" + reasonCode;
    }

    /** The time as it is hashed: ISO-8601 UTC, milliseconds. */
    public String timeText() {
        return TIME.format(time);
    }

    public byte[] canonicalBytes() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("actorHandle", actorHandle);
        fields.put("actorRole", actorRole);
        fields.put("body", body);
        fields.put("commentId", commentId);
        fields.put("contentSha256", contentSha256);
        fields.put("kind", kind.name());
        fields.put("reasonCode", reasonCode);
        fields.put("reasonText", reasonText);
        fields.put("reviewId", reviewId);
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
}
