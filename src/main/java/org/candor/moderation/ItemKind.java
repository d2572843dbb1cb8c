package org.candor.moderation;

/** Why an item is in the queue. */
public enum ItemKind {
    /** Held by policy until a moderator publishes it. */
    HELD,
    /** A published review with no official reply yet. */
    REPLY,
    /** A customer reported it. */
    REPORT,
    /** A word rule flagged it: published, but a moderator should look. */
    FLAG,
    /** A moderator opened it from the content itself. */
    MANUAL,
    /** Someone contests a decision; a moderator other than the one who decided it decides. */
    APPEAL,
    /** A notice of illegal content (DSA Art. 16), from anyone. */
    NOTICE
}
