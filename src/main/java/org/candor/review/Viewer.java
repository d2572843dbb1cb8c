package org.candor.review;

/**
 * Who is reading, for visibility: their account id (0 when anonymous), whether they are staff (who also see posts
 * awaiting moderation) and whether they are an admin (who also sees the original of hidden and redacted text).
 */
public record Viewer(long accountId, boolean staff, boolean admin) {

    public static final Viewer ANONYMOUS = new Viewer(0, false, false);

    /** A signed-in customer. */
    public static Viewer customer(long accountId) {
        return new Viewer(accountId, false, false);
    }
}
