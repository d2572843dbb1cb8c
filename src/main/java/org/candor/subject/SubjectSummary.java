package org.candor.subject;

/** A subject as the public pages show it, with the rating summary of its published reviews. */
public record SubjectSummary(String slug, String name, String description, SubjectKind kind, String imageUrl,
        int reviewCount, long ratingSum) {

    /** Average rating of the published reviews, or 0 when there are none. */
    public double average() {
        return reviewCount == 0 ? 0 : (double) ratingSum / reviewCount;
    }
}
