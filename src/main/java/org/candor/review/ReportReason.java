package org.candor.review;

/** Why a customer reports a review or comment. */
public enum ReportReason {
    SPAM,
    ABUSE,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER
}
