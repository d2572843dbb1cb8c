package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A free text of a log entry (a reason, a reply, a note) and its commitment: the leaf holds only
 * {@code SHA-256(salt || UTF-8 text)}, hex; the text and its random 32-byte salt are kept beside the log and served
 * with the entry, so anyone can open the commitment, until an erasure destroys both (the commitment stays). JDK only.
 *
 * @param text the text, or null once erased
 * @param salt the salt, or null once erased
 * @param commitment the commitment the leaf holds
 */
public record LogText(String text, byte[] salt, byte[] commitment) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new text with a fresh salt; null for no text. */
    public static LogText of(String text) {
        if (text == null) {
            return null;
        }
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return new LogText(text, salt, commit(salt, text));
    }

    public static byte[] commit(byte[] salt, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether the text was erased: its commitment stays, the text and salt are gone. */
    public boolean erased() {
        return text == null;
    }

    public String commitmentHex() {
        return HexFormat.of().formatHex(commitment);
    }

    public String saltHex() {
        return salt == null ? null : HexFormat.of().formatHex(salt);
    }

    /** Whether the text and salt (when present) open the commitment. */
    public boolean opens() {
        return text != null && salt != null && MessageDigest.isEqual(commit(salt, text), commitment);
    }
}
