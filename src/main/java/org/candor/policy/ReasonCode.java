package org.candor.policy;

/** The rule a visibility change applies; required wherever what the public sees changes. */
public enum ReasonCode {
    MEETS_GUIDELINES,
    PERSONAL_DATA,
    ABUSE,
    SPAM,
    OFF_TOPIC,
    ILLEGAL,
    /** Not written by a real customer of what it reviews: a fake, paid-for or insider review. */
    INAUTHENTIC,
    MISTAKE,
    OTHER;

    public String messageKey() {
        return "reason_" + name();
    }

    /** The key of what the rule means, in plain language, on {@code /rules}. */
    public String explanationKey() {
        return "rules_page_reason_" + name();
    }

    /** The code a form names, or null for none or an unknown name. */
    public static ReasonCode parse(String name) {
        return org.candor.Enums.named(ReasonCode.class, name);
    }
}
