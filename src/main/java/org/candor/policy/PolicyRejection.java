package org.candor.policy;

/** A post the policy rejects: the author is told which rule and which words, and keeps their text to edit. */
public class PolicyRejection extends RuntimeException {

    private final String rule;
    private final String matched;

    public PolicyRejection(String rule, String matched) {
        super("rejected by " + rule);
        this.rule = rule;
        this.matched = matched;
    }

    public String rule() {
        return rule;
    }

    public String matched() {
        return matched;
    }

    /** What the author is told: which policy rule refused their text, and on which words, in their language. */
    public String explain(org.candor.web.FormErrors messages) {
        java.util.regex.Matcher links = matched == null ? null
                : java.util.regex.Pattern.compile("(\\d+) links \\(at most (\\d+)\\)").matcher(matched);
        if (ModerationPolicy.LINKS_RULE.equals(rule) && links.matches()) {
            return messages.message("{candor.policy.links}").replace("@count@", links.group(1))
                    .replace("@max@", links.group(2));
        }
        return messages.message("{candor.policy.rejected}") + " " + rule + (matched == null ? "" : " — " + matched);
    }
}
