package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signed statement of the log's size and root. The signed bytes are the UTF-8 of {@link #note()}:
 * {@code candor.public-log\n<size>\n<base64 root>\n<time>\n}, signed with Ed25519.
 */
public record Checkpoint(long size, String root, String time, String signature) {

    public static final String ORIGIN = "candor.public-log";

    public static String note(long size, byte[] root, String time) {
        return ORIGIN + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n" + time + "\n";
    }

    public String note() {
        return ORIGIN + "\n" + size + "\n" + root + "\n" + time + "\n";
    }

    public byte[] noteBytes() {
        return note().getBytes(StandardCharsets.UTF_8);
    }
}
