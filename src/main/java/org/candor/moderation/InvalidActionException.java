package org.candor.moderation;

/** The action cannot be taken as asked (e.g. the text to redact is not in the review); the form is shown again. */
public class InvalidActionException extends RuntimeException {

    private final String field;
    private final String messageTemplate;

    InvalidActionException(String field, String messageTemplate) {
        super(messageTemplate);
        this.field = field;
        this.messageTemplate = messageTemplate;
    }

    public String field() {
        return field;
    }

    /** A validation message template, e.g. {@code {candor.moderation.span.missing}}. */
    public String messageTemplate() {
        return messageTemplate;
    }
}
