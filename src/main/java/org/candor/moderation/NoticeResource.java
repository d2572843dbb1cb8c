package org.candor.moderation;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import org.candor.review.PostContent;
import org.candor.web.CleanText;
import org.candor.web.FormErrors;

/**
 * "Report illegal content" (DSA Art. 16), open to anyone without signing in: the form (the post's address filled in),
 * the receipt with its reference, and the notice's own page — reached with the key from the e-mail — where its
 * sender reads the decision and can contest it.
 */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
public class NoticeResource {

    /** What the notifier writes. Every field but the comment is required; the good-faith statement must be ticked. */
    public record NoticeForm(
            @RestForm @NotBlank(message = "{candor.notice.review}") @Pattern(regexp = "\\d{1,18}", message = "{candor.notice.review}") String review,
            @RestForm @Pattern(regexp = "\\d{0,18}", message = "{candor.notice.review}") String comment,
            @RestForm @NotBlank(message = "{candor.notice.location}") @Size(max = 1000, message = "{candor.text.size}")
            @CleanText String location,
            @RestForm @NotBlank(message = "{candor.notice.law}") @Size(max = 500, message = "{candor.text.size}")
            @CleanText String law,
            @RestForm @NotBlank(message = "{candor.notice.explanation}") @Size(max = 5000, message = "{candor.text.size}")
            @CleanText String explanation,
            @RestForm @NotBlank(message = "{candor.notice.name}") @Size(max = 200, message = "{candor.text.size}")
            @CleanText String name,
            @RestForm @NotBlank(message = "{candor.notice.email}") @Email(message = "{candor.notice.email}")
            @Size(max = 254, message = "{candor.text.size}") String email,
            @RestForm @NotBlank(message = "{candor.notice.good-faith}") String goodFaith) {

        static NoticeForm about(long reviewId, Long commentId, String location) {
            return new NoticeForm(Long.toString(reviewId), commentId == null ? "" : commentId.toString(), location, "", "",
                    "", "", null);
        }

        long reviewId() {
            return Long.parseLong(review);
        }

        Long commentId() {
            return comment == null || comment.isBlank() ? null : Long.valueOf(comment);
        }

        public boolean goodFaithTicked() {
            return goodFaith != null && !goodFaith.isBlank();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(PostContent post, NoticeForm form, Map<String, String> errors,
                boolean tooMany);

        static native TemplateInstance notice(LegalNotices.View notice, String key, boolean received, String typed,
                String error);
    }

    private final LegalNotices notices;
    private final Appeals appeals;
    private final FormErrors formErrors;
    private final ModerationConfig config;
    private final HttpServerRequest request;
    private final org.candor.web.Ui ui;

    NoticeResource(LegalNotices notices, Appeals appeals, FormErrors formErrors, ModerationConfig config,
            HttpServerRequest request, org.candor.web.Ui ui) {
        this.ui = ui;
        this.notices = notices;
        this.appeals = appeals;
        this.formErrors = formErrors;
        this.config = config;
        this.request = request;
    }

    @GET
    @Path("new")
    public TemplateInstance form(@QueryParam("review") Long reviewId, @QueryParam("comment") Long commentId) {
        if (reviewId == null) {
            throw new NotFoundException();
        }
        PostContent post = notices.noticeable(reviewId, commentId);
        String location = config.publicUrl() + "/subjects/" + post.subjectSlug() + "/reviews/" + reviewId
                + (commentId == null ? "" : "#comment-" + commentId);
        return Templates.form(post, NoticeForm.about(reviewId, commentId, location), Map.of(), false);
    }

    @POST
    public Response send(@BeanParam NoticeForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (errors.containsKey("review") || errors.containsKey("comment")) {
            throw new NotFoundException();
        }
        PostContent post = notices.noticeable(form.reviewId(), form.commentId());
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.form(post, form, errors, false)).build();
        }
        LegalNotices.Receipt receipt;
        try {
            receipt = notices.submit(form.reviewId(), form.commentId(), form.location().strip(), form.explanation().strip(),
                    form.law().strip(), form.name().strip(), form.email().strip(), request.remoteAddress().hostAddress(),
                    ui.locale());
        } catch (LegalNotices.TooManyNotices e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                    .entity(Templates.form(post, form, Map.of(), true)).build();
        }
        return Response.seeOther(URI.create("/notices/" + receipt.reference() + "?key=" + receipt.key() + "&received=1"))
                .build();
    }

    /** The notice, for whoever holds its key. */
    @GET
    @Path("{reference}")
    public TemplateInstance notice(@PathParam("reference") String reference, @QueryParam("key") String key,
            @QueryParam("received") String received) {
        LegalNotices.View notice = notices.forNotifier(reference, key).orElseThrow(NotFoundException::new);
        return Templates.notice(notice, key, received != null, "", null);
    }

    /** The notifier contests a decision to take no action. */
    @POST
    @Path("{reference}/appeal")
    public Response appeal(@PathParam("reference") String reference, @QueryParam("key") String key,
            @RestForm("explanation") String explanation) {
        LegalNotices.View notice = notices.forNotifier(reference, key).orElseThrow(NotFoundException::new);
        String error = AppealResource.explanationError(explanation, formErrors);
        if (error == null) {
            try {
                appeals.byNotifier(reference, key, explanation);
                return Response.seeOther(URI.create("/notices/" + reference + "?key=" + key)).build();
            } catch (InvalidActionException e) {
                error = formErrors.message(e.messageTemplate());
            }
        }
        return Response.status(400).entity(Templates.notice(notice, key, false, explanation, error)).build();
    }
}
