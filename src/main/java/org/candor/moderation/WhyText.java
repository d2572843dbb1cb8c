package org.candor.moderation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

import org.candor.review.ReportReason;

/**
 * Why an item is in the queue, as {@code queue_item.why} holds it ({@code pre-moderation}, {@code word "x" (#3)},
 * {@code SPAM}), said in words by {@code tags/why.html}: a rule's label, a word rule's number, a report's reason.
 */
@TemplateExtension(namespace = "why")
public final class WhyText {

    /** The holds and states that have a label ({@code alert:why_*}). */
    private static final Set<String> LABELLED = Set.of("pre-moderation", "first-posts", "new-account", "max-links",
            "awaiting-reply");

    private static final Set<String> REPORTS = Arrays.stream(ReportReason.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private WhyText() {
    }

    /** The number of the word rule that put the item here, or null. */
    static String ruleNumber(String why) {
        if (why == null || !(why.startsWith("word ") || why.startsWith("pattern ")) || !why.endsWith(")")
                || !why.contains("(#")) {
            return null;
        }
        return why.substring(why.lastIndexOf("(#") + 2, why.length() - 1);
    }

    /** The message key ({@code alert:why_*}) of a rule or state with a label, or null. */
    static String labelKey(String why) {
        return why != null && LABELLED.contains(why) ? "why_" + why.replace('-', '_') : null;
    }

    /** The message key ({@code rev:report_*}) of a report's reason, or null. */
    static String reportKey(String why) {
        return why != null && REPORTS.contains(why) ? "report_" + why : null;
    }
}
