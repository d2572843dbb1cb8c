package org.candor.review;

/** Who can see a review or comment. Moderation drives the transitions; nothing is ever deleted. */
public enum ReviewStatus {
    /** Awaiting moderation: visible to its author (with a banner) and to staff only. */
    PENDING,
    /** Visible to everyone. */
    PUBLISHED,
    /** Replaced for the public by a notice saying who hid it, when and why; the author and admins still see it. */
    HIDDEN
}
