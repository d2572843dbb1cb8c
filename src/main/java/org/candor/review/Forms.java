package org.candor.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;
import org.candor.web.CleanText;

/** The forms customers submit about reviews, as records with their rules. Ids always come from the path, never here. */
public final class Forms {

    public static final int MAX_BODY = 5000;
    public static final int MAX_TITLE = 120;
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_REPORT = 1000;

    private Forms() {
    }

    /**
     * A review as typed. The rating is read as text so that anything else than one of the offered stars ({@code 2.5},
     * {@code five}, an Arabic-Indic digit, twenty digits) gets the form back with a message rather than a generic page.
     */
    public record ReviewForm(
            @RestForm @NotBlank(message = "{candor.rating.required}") @Pattern(regexp = "[1-5]", message = "{candor.rating.range}") String rating,
            @RestForm @Size(max = MAX_TITLE, message = "{candor.title.size}") @CleanText(singleLine = true) String title,
            @RestForm @NotBlank(message = "{candor.body.required}") @Size(max = MAX_BODY, message = "{candor.body.size}") @CleanText String body) {

        public static ReviewForm of(int stars, String title, String body) {
            return new ReviewForm(Integer.toString(stars), title, body);
        }

        public static ReviewForm empty() {
            return new ReviewForm("", "", "");
        }

        /** The rating as a number; only call on a valid form. */
        public short stars() {
            return Short.parseShort(rating);
        }

        /** Whether this form has {@code n} stars chosen (for the radio buttons). */
        public boolean rated(int n) {
            return rating != null && rating.equals(Integer.toString(n));
        }
    }

    public record CommentForm(
            @RestForm @NotBlank(message = "{candor.comment.required}") @Size(max = MAX_COMMENT, message = "{candor.comment.size}") @CleanText String body) {
    }

    public record ReportForm(
            @RestForm @NotNull(message = "{candor.reason.required}") @Pattern(regexp = "SPAM|ABUSE|PERSONAL_DATA|OFF_TOPIC|OTHER", message = "{candor.reason.required}") String reason,
            @RestForm @Size(max = MAX_REPORT, message = "{candor.details.size}") @CleanText String details) {

        /** The reason as the enum, or null when it is not one of the offered reasons. */
        public ReportReason parsedReason() {
            if (reason == null) {
                return null;
            }
            try {
                return ReportReason.valueOf(reason);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
