package org.candor.moderation;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.security.Authenticated;

import org.candor.account.CurrentUser;
import org.candor.review.ActivityResource;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.web.CleanText;

/**
 * Appeals from "My activity": against a statement of reasons (the author) or a declined report (the reporter). A
 * refused appeal shows the page again with the explanation kept and the reason beside it.
 */
@Path("/me/appeals")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AppealResource {

    private final Appeals appeals;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final ActivityResource activity;
    private final Flash flash;

    AppealResource(Appeals appeals, CurrentUser user, FormErrors formErrors, ActivityResource activity, Flash flash) {
        this.appeals = appeals;
        this.user = user;
        this.formErrors = formErrors;
        this.activity = activity;
        this.flash = flash;
    }

    @POST
    public Response appeal(@RestForm("statement") Long statementId, @RestForm("report") Long reportId,
            @RestForm("explanation") String explanation) {
        if ((statementId == null) == (reportId == null)) {
            return Response.status(400).entity(activity.page(new ActivityResource.AppealTyped("", "",
                    formErrors.message("{candor.appeal.which}")))).build();
        }
        String against = statementId != null ? "statement-" + statementId : "report-" + reportId;
        String error = explanationError(explanation, formErrors);
        if (error == null) {
            try {
                if (statementId != null) {
                    appeals.byAuthor(user.accountId(), statementId, explanation);
                } else {
                    appeals.byReporter(user.accountId(), reportId, explanation);
                }
                return flash.redirect(URI.create("/me#" + against), "flash_appeal_sent");
            } catch (InvalidActionException e) {
                error = formErrors.message(e.messageTemplate());
            }
        }
        return Response.status(400).entity(activity.page(new ActivityResource.AppealTyped(against,
                explanation == null ? "" : explanation, error))).build();
    }

    /** An appeal's explanation, as validated. */
    record Explanation(@NotBlank(message = "{candor.appeal.explanation}")
    @Size(max = 5000, message = "{candor.text.size}") @CleanText String explanation) {
    }

    /** What is wrong with an appeal's explanation (missing, too long, invisible characters), or null. */
    static String explanationError(String explanation, FormErrors formErrors) {
        return formErrors.of(new Explanation(explanation)).get("explanation");
    }
}
