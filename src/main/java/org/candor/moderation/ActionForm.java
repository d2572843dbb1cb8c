package org.candor.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import org.candor.web.CleanText;
import org.candor.policy.ReasonCode;

/**
 * What a moderator submits on an item's page. One record for every action; each action validates the fields it uses
 * (the groups below). The item id comes from the path; {@code version} is the item's version the moderator saw.
 */
public record ActionForm(
        @RestForm @NotNull(message = "{candor.moderation.version}", groups = Any.class)
        @Pattern(regexp = "\\d{1,9}", message = "{candor.moderation.version}", groups = Any.class) String version,
        @RestForm @NotNull(message = "{candor.moderation.reason}", groups = Reasoned.class)
        @Pattern(regexp = REASONS, message = "{candor.moderation.reason}", groups = Reasoned.class) String reason,
        @RestForm @NotBlank(message = "{candor.moderation.text.required}", groups = { Explained.class, Noted.class })
        @Size(max = MAX_TEXT, message = "{candor.moderation.text.size}", groups = Any.class)
        @CleanText(groups = Any.class) String text,
        @RestForm @Size(max = MAX_TEXT, message = "{candor.moderation.text.size}", groups = Any.class)
        @CleanText(groups = Any.class) String body,
        @RestForm @Pattern(regexp = "\\d{0,18}", message = "{candor.moderation.canned.unknown}", groups = Any.class) String canned,
        @RestForm @Pattern(regexp = "\\d{0,18}", message = "{candor.moderation.offer.unknown}", groups = Any.class) String offer,
        @RestForm @Pattern(regexp = "|DEFECT|DELIVERY|SERVICE|PRICE|OTHER", message = "{candor.moderation.complaint}",
                groups = Any.class) String complaint,
        @RestForm @NotBlank(message = "{candor.moderation.span.required}", groups = Redacting.class)
        @Size(max = 1000, message = "{candor.text.size}", groups = Any.class)
        @CleanText(groups = Any.class) String span,
        @RestForm @NotNull(message = "{candor.moderation.assignee}", groups = Reassigning.class)
        @Pattern(regexp = "\\d{1,18}", message = "{candor.moderation.assignee}", groups = Reassigning.class) String assignee,
        @RestForm @Size(max = 500, message = "{candor.text.size}", groups = Any.class)
        @CleanText(groups = Any.class) String law) {

    public static final int MAX_TEXT = 5000;
    static final String REASONS = "MEETS_GUIDELINES|PERSONAL_DATA|ABUSE|SPAM|OFF_TOPIC|ILLEGAL|INAUTHENTIC|MISTAKE|OTHER";

    /** Every action: the version. */
    public interface Any {
    }

    /** Changes what the public sees: a reason code. */
    public interface Reasoned extends Any {
    }

    /** Changes what the public sees and must say why in words (hide, keep held). */
    public interface Explained extends Reasoned {
    }

    /** A note, annotation or escalation: the text. */
    public interface Noted extends Any {
    }

    public interface Redacting extends Reasoned {
    }

    public interface Reassigning extends Any {
    }

    public static ActionForm empty() {
        return new ActionForm(null, null, "", "", "", "", null, "", null, "");
    }

    /** The chosen canned response, if any. */
    public Long cannedId() {
        return canned == null || canned.isBlank() ? null : Long.valueOf(canned);
    }

    /** The chosen offer, if any. */
    public Long offerId() {
        return offer == null || offer.isBlank() ? null : Long.valueOf(offer);
    }

    public long assigneeId() {
        return Long.parseLong(assignee);
    }

    public ReasonCode reasonCode() {
        return ReasonCode.parse(reason);
    }

    int v() {
        return Integer.parseInt(version);
    }
}
