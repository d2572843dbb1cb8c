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
    /** A second moderator upheld an appeal: the decision it contested is reversed; the reason is given. */
    APPEAL_UPHELD,
    /** A second moderator rejected an appeal: the decision stands; the reason is given. */
    APPEAL_REJECTED,
    /** A notice of illegal content arrived (nothing about who sent it). */
    NOTICE_RECEIVED,
    /** A moderator decided a notice: action taken, or none ({@code rule}: {@code ACTION_TAKEN} or {@code NO_ACTION}). */
    NOTICE_DECIDED,
    /** A review or comment arrived and was published at once ({@code rating}, {@code contentCommitment}). */
    RECEIVED,
    /** A review or comment arrived and the policy held it ({@code rule} says which rule). */
    RECEIVED_HELD,
    /** A reader reported a post ({@code reasonCode}: the report's reason). */
    REPORT_RECEIVED,
    /** A moderator decided a report, as {@link #NOTICE_DECIDED}. */
    REPORT_DECIDED,
    /** A tombstone: the texts of an earlier entry were erased for a legal reason (its {@code erases}). */
    TEXTS_ERASED,
    /** An invitation to review a subject was e-mailed (never to whom): invitations count per subject. */
    INVITATION_SENT,
    /** Unusual activity on a subject opened an incident (the subject went to pre-moderation): the signals, in numbers. */
    INCIDENT_OPENED,
    INCIDENT_CONFIRMED,
    INCIDENT_DISMISSED,
    INCIDENT_CLOSED;

    /** The message key of this kind's label ({@code log:logkind_*}). */
    public String messageKey() {
        return "logkind_" + name();
    }

    /** The kind a filter names, or null for none or an unknown name. */
    public static LogKind parse(String name) {
        return org.candor.Enums.named(LogKind.class, name);
    }
}
