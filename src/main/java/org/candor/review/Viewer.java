package org.candor.review;

/**
 * Who is reading, for visibility: their account id (0 when anonymous) and whether they are staff, who also see
 * posts awaiting moderation.
 */
public record Viewer(long accountId, boolean staff) {

    public static final Viewer ANONYMOUS = new Viewer(0, false);
}
