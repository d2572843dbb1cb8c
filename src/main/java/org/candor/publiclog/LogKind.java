package org.candor.publiclog;

/** What a public log entry records. */
public enum LogKind {
    OFFICIAL_REPLY,
    ANNOTATION,
    HIDE,
    RESTORE,
    PUBLISH,
    REDACT,
    STATEMENT_PUBLISHED,
    STATEMENT_RETIRED,
    POLICY_CHANGE,
    OFFER_GRANTED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    /** The public part of a statement of reasons for a restriction (its body, canonical JSON). */
    STATEMENT_OF_REASONS,
    /** Someone contested a decision; the body says which. */
    APPEAL_FILED,
    /** A second moderator decided an appeal: upheld or rejected, and why. */
    APPEAL_DECIDED,
    /** A notice of illegal content arrived (nothing about who sent it). */
    NOTICE_RECEIVED,
    /** A tombstone: the texts of an earlier entry were erased for a legal reason (its {@code erases}). */
    TEXTS_ERASED;

    /** The message key of this kind's label ({@code log:logkind_*}). */
    public String messageKey() {
        return "logkind_" + name();
    }

    /** The kind a filter names, or null for none or an unknown name. */
    public static LogKind parse(String name) {
        return org.candor.Enums.named(LogKind.class, name);
    }
}
