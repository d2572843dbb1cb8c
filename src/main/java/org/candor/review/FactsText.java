package org.candor.review;

import io.quarkus.qute.TemplateExtension;

/**
 * Facts of a decision as readers see them ({@code {#facts text=… /}}): the record keeps a redaction's facts in the
 * board's English ({@link ReasonsStatement#REDACTED_BECAUSE}); readers are told it in their own language, followed
 * by what the moderator wrote.
 */
@TemplateExtension
public final class FactsText {

    private FactsText() {
    }

    /** Whether these are a redaction's facts. */
    static boolean redaction(String facts) {
        return facts.equals(ReasonsStatement.REDACTED) || facts.startsWith(ReasonsStatement.REDACTED_BECAUSE);
    }

    /** What the moderator wrote: of a redaction's facts the explanation (may be empty), of others all of them. */
    static String written(String facts) {
        return facts.startsWith(ReasonsStatement.REDACTED_BECAUSE)
                ? facts.substring(ReasonsStatement.REDACTED_BECAUSE.length())
                : facts.equals(ReasonsStatement.REDACTED) ? "" : facts;
    }
}
