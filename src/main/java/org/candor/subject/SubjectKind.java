package org.candor.subject;

/** What is being reviewed. */
public enum SubjectKind {
    PRODUCT,
    PLACE,
    TOPIC
}
