package org.candor.review;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;

import org.candor.account.CurrentUser;
import org.candor.policy.PolicyRejection;
import org.candor.review.Forms.CommentForm;
import org.candor.review.Forms.ReportForm;
import org.candor.review.Forms.ReviewForm;
import org.candor.web.Drafts;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.web.PageScope;
import org.candor.web.PublicPage;

/** One review's page (its permalink): comments, helpful marks, reports, edits and the edit history. */
@Path("/subjects/{slug}/reviews/{id}")
@Produces(MediaType.TEXT_HTML)
public class ReviewResource {

    /** What the review page's forms hold when it is shown again after a mistake. */
    public record PageForms(CommentForm comment, ReportForm report, Map<String, String> commentErrors,
            Map<String, String> reportErrors, Long retryAfter) {

        static PageForms empty() {
            return new PageForms(new CommentForm(""), new ReportForm(null, ""), Map.of(), Map.of(), null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(String slug, String subjectName, ReviewWithComments item,
                List<ReviewVersion> versions, boolean marked, PageForms forms, String jsonLd);

        static native TemplateInstance edit(String slug, String subjectName, long id, ReviewForm form,
                Map<String, String> errors, Long retryAfter);
    }

    private final ReviewReads reviews;
    private final ReviewPosting posting;
    private final ReviewFeedback feedback;
    private final org.candor.subject.SubjectService subjects;
    private final CurrentViewer viewer;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;
    private final PageScope scope;
    private final Drafts drafts;
    private final StructuredData structured;

    ReviewResource(ReviewReads reviews, ReviewPosting posting, ReviewFeedback feedback,
            org.candor.subject.SubjectService subjects, CurrentViewer viewer, CurrentUser user, FormErrors formErrors,
            Flash flash, PageScope scope, Drafts drafts, StructuredData structured) {
        this.structured = structured;
        this.posting = posting;
        this.feedback = feedback;
        this.drafts = drafts;
        this.scope = scope;
        this.reviews = reviews;
        this.subjects = subjects;
        this.viewer = viewer;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    @PublicPage
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        PageForms forms = !user.signedIn() ? PageForms.empty() : drafts.take("/subjects/" + slug + "/reviews/" + id)
                .map(d -> new PageForms(new CommentForm(d.getOrDefault("comment", "")),
                        new ReportForm(d.get("reason"), d.getOrDefault("details", "")), Map.of(), Map.of(), null))
                .orElse(PageForms.empty());
        return render(slug, id, forms);
    }

    @GET
    @Path("edit")
    @Authenticated
    public TemplateInstance editForm(@PathParam("slug") String slug, @PathParam("id") long id) {
        ReviewCard card = load(slug, id).review();
        if (!card.mine()) {
            throw new ForbiddenException();
        }
        ReviewForm form = drafts.take("/subjects/" + slug + "/reviews/" + id + "/edit")
                .map(d -> new ReviewForm(d.getOrDefault("rating", ""), d.get("title"), d.get("body")))
                .orElseGet(() -> ReviewForm.of(card.rating(), card.title(), card.body()));
        return Templates.edit(slug, subjectName(slug), id, form, Map.of(), null);
    }

    @POST
    @Path("edit")
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @BeanParam ReviewForm form) {
        load(slug, id);
        if (!user.signedIn()) {
            return drafts.keepAndSignIn(permalink(slug, id) + "/edit", "rating", form.rating(), "title", form.title(),
                    "body", form.body());
        }
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.edit(slug, subjectName(slug), id, form, errors, null)).build();
        }
        try {
            ReviewPosting.Written written = posting.edit(user.accountId(), id, form);
            return flash.redirect(permalink(slug, id), written.outcome() == ReviewPosting.Outcome.UNCHANGED
                    ? "flash_review_unchanged" : "flash_review_edited");
        } catch (RateLimitedException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                    .entity(Templates.edit(slug, subjectName(slug), id, form, Map.of(), e.retryAfterSeconds())).build();
        } catch (PolicyRejection e) {
            return Response.status(400).entity(Templates.edit(slug, subjectName(slug), id, form,
                    Map.of("body", e.explain(formErrors)), null)).build();
        } catch (OptimisticLockException e) {
            // a second submission of the same edit, or a moderator acting at the same moment: one wins
            return Response.status(409).entity(Templates.edit(slug, subjectName(slug), id, form,
                    Map.of("body", formErrors.message("{candor.review.conflict}")), null)).build();
        }
    }

    @POST
    @Path("comments")
    public Response comment(@PathParam("slug") String slug, @PathParam("id") long id, @BeanParam CommentForm form) {
        load(slug, id);
        if (!user.signedIn()) {
            return drafts.keepAndSignIn(permalink(slug, id).toString(), "comment", form.body());
        }
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(slug, id,
                    new PageForms(form, new ReportForm(null, ""), errors, Map.of(), null))).build();
        }
        try {
            long commentId = posting.comment(user.accountId(), id, form);
            return flash.redirect(URI.create(permalink(slug, id) + "#comment-" + commentId),
                    posting.commentPublished(commentId) ? "flash_comment_posted" : "flash_comment_held");
        } catch (RateLimitedException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds()).entity(render(slug, id,
                    new PageForms(form, new ReportForm(null, ""), Map.of(), Map.of(), e.retryAfterSeconds()))).build();
        } catch (PolicyRejection e) {
            return Response.status(400).entity(render(slug, id, new PageForms(form, new ReportForm(null, ""),
                    Map.of("body", e.explain(formErrors)), Map.of(), null))).build();
        }
    }

    /** Marks the review helpful ({@code helpful=true}) or takes the mark back ({@code helpful=false}). */
    @POST
    @Path("helpful")
    @Authenticated
    public Response helpful(@PathParam("slug") String slug, @PathParam("id") long id,
            @RestForm("helpful") String helpful) {
        load(slug, id);
        boolean mark = !"false".equals(helpful);
        try {
            feedback.markHelpful(user.accountId(), id, mark);
        } catch (ForbiddenException own) {
            return flash.redirect(permalink(slug, id), "flash_helpful_own");
        }
        return flash.redirect(permalink(slug, id), mark ? "flash_helpful_marked" : "flash_helpful_unmarked");
    }

    @POST
    @Path("report")
    public Response report(@PathParam("slug") String slug, @PathParam("id") long id, @BeanParam ReportForm form,
            @RestForm("comment") Long commentId) {
        load(slug, id);
        if (!user.signedIn()) {
            return drafts.keepAndSignIn(permalink(slug, id).toString(), "reason", form.reason(), "details",
                    form.details());
        }
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(slug, id,
                    new PageForms(new CommentForm(""), form, Map.of(), errors, null))).build();
        }
        feedback.report(user.accountId(), id, commentId, form.parsedReason(), form.details());
        return flash.redirect(permalink(slug, id), "flash_reported");
    }

    private TemplateInstance render(String slug, long id, PageForms forms) {
        ReviewWithComments item = load(slug, id);
        var subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        scope.subject(subject.id());
        boolean marked = user.signedIn() && reviews.marksHelpful(user.accountId(), id);
        return Templates.show(slug, subject.summary().name(), item, reviews.versions(item.review(), viewer.get()), marked,
                // structured data is for search engines, which read as visitors: a signed-in page is personal
                forms, user.signedIn() ? null : structured.review(subject.summary(), item.review()));
    }

    /** The review if it exists, belongs to this subject and the reader may see it; else 404. */
    private ReviewWithComments load(String slug, long id) {
        if (!reviews.subjectSlugOf(id).map(slug::equals).orElse(false)) {
            throw new NotFoundException();
        }
        return reviews.one(id, viewer.get()).orElseThrow(NotFoundException::new);
    }

    private String subjectName(String slug) {
        return subjects.page(slug).map(s -> s.summary().name()).orElseThrow(NotFoundException::new);
    }

    private static URI permalink(String slug, long id) {
        return URI.create("/subjects/" + slug + "/reviews/" + id);
    }
}
