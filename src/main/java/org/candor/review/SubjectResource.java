package org.candor.review;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.persistence.OptimisticLockException;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.review.Forms.ReviewForm;
import org.candor.policy.PolicyRejection;
import org.candor.policy.StatementService;
import org.candor.web.Drafts;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.web.Fragment;
import org.candor.web.HtmlBytes;
import org.candor.web.PageScope;
import org.candor.web.PublicPage;
import org.candor.web.SharedFragments;
import org.candor.web.KeptSignedInPages;
import org.candor.web.Stencils;
import org.candor.subject.SubjectSummary;
import org.candor.subject.SubjectPage;
import org.candor.subject.SubjectService;

/** The home page, the public page of each subject, and writing a review there. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SubjectResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<SubjectSummary> subjects, List<StatementService.Statement> statements);

        static native TemplateInstance show(SubjectPage subject, View view, ReviewForm form, boolean editing,
                Map<String, String> errors, Long retryAfter);

        static native TemplateInstance summary(SubjectPage subject, List<StatementService.Statement> statements,
                org.candor.transparency.ReplyLine replies, ReviewReads.Verified verified,
                ReviewReads.IncidentBanner banner);

        static native TemplateInstance reviews(SubjectPage subject, ReviewReads.Page page, ReviewSort sort,
                boolean firstPage, ReviewReads.Verified verified);
    }

    /**
     * What a subject's page shows that is not the reader's own: its summary and statements, the list of reviews, the
     * structured data, whether posts there are checked first. Rendered as a visitor sees it, it is the same for every
     * customer and kept ({@link SharedFragments}); staff, and a customer with a post of their own there that visitors
     * do not see (waiting or hidden), get theirs rendered for them.
     */
    public record View(SubjectPage subject, Fragment summary, Fragment reviews, Fragment jsonLd, boolean checkedFirst)
            implements SharedFragments.Part {

        @Override
        public long subjectId() {
            return subject.id();
        }

        @Override
        public int weight() {
            return summary.size() + reviews.size() + (jsonLd == null ? 0 : jsonLd.size());
        }
    }

    /** The stencil's slots for the review form's words, after the layout's. */
    private static final int TITLE = 2;
    private static final int BODY = 3;

    private final SubjectService subjects;
    private final ReviewReads reviews;
    private final ReviewPosting posting;
    private final CurrentViewer viewer;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;
    private final StatementService statements;
    private final PageScope scope;
    private final Drafts drafts;

    private final org.candor.transparency.TransparencyIndex transparency;
    private final StructuredData structured;
    private final SharedFragments shared;
    private final org.candor.policy.ModerationPolicy policy;
    private final org.candor.web.Ui ui;
    private final Stencils stencils;
    private final KeptSignedInPages kept;

    SubjectResource(SubjectService subjects, ReviewReads reviews, ReviewPosting posting, CurrentViewer viewer, CurrentUser user,
            FormErrors formErrors, Flash flash, StatementService statements, PageScope scope, Drafts drafts,
            org.candor.transparency.TransparencyIndex transparency, StructuredData structured, SharedFragments shared,
            org.candor.policy.ModerationPolicy policy, org.candor.web.Ui ui, Stencils stencils, KeptSignedInPages kept) {
        this.stencils = stencils;
        this.kept = kept;
        this.shared = shared;
        this.policy = policy;
        this.ui = ui;
        this.transparency = transparency;
        this.structured = structured;
        this.drafts = drafts;
        this.scope = scope;
        this.statements = statements;
        this.subjects = subjects;
        this.reviews = reviews;
        this.posting = posting;
        this.viewer = viewer;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    @PublicPage
    public TemplateInstance home() {
        scope.board();
        return Templates.home(subjects.list(), statements.boardWide());
    }

    @GET
    @Path("subjects/{slug}")
    @PublicPage(params = { "sort", "after", "only" })
    public Response show(@PathParam("slug") String slug, @QueryParam("sort") String sort,
            @QueryParam("after") String after, @QueryParam("only") String only) {
        ReviewSort order = ReviewSort.parse(sort);
        ReviewSort.Cursor cursor = ReviewSort.Cursor.parse(after);
        boolean verifiedOnly = "verified".equals(only);
        View view = view(slug, order, cursor, verifiedOnly);
        if (view == null) {
            throw new NotFoundException();
        }
        SubjectPage subject = view.subject();
        scope.subject(subject.id());
        ReviewForm form = null;
        boolean editing = false;
        if (user.signedIn()) {
            ReviewReads.Own own = reviews.own(user.accountId(), subject.id());
            editing = own.reviewed();
            Optional<ReviewForm> draft = drafts.waiting() ? drafts.take(page(slug))
                    .map(d -> new ReviewForm(d.getOrDefault("rating", ""), d.get("title"), d.get("body")))
                    : Optional.empty();
            form = draft.orElseGet(() -> own.reviewed()
                    ? ReviewForm.of(own.rating(), Objects.toString(own.title(), ""), own.body()) : ReviewForm.empty());
            String sharedKey = key(slug, order, cursor, verifiedOnly);
            if (own.unshared()) {
                // their own list, with their post visitors do not see; its stencil is theirs alone, a page of memory
                // each within the stencils' budget: rendered on every view, the ~500 such customers of a benchmark
                // cost the others a fifth of the signed-in page's speed (docs/benchmarks.md, #19)
                sharedKey = sharedKey + " own " + user.accountId();
                view = own(sharedKey, subject, order, cursor, verifiedOnly);
            }
            if (draft.isEmpty() && !viewer.get().staff() && ui.flash() == null && ui.userName() != null
                    && form.body() != null) {
                return stencil(view, sharedKey, form, editing, own);
            }
        }
        return HtmlBytes.page(Templates.show(subject, view, form, editing, Map.of(), null));
    }

    /**
     * A customer's page from the stencil of the shared part they read with the same form choices: only their name,
     * CSRF token and the words of their own review are theirs (and the list, when it is their own: then the stencil
     * is theirs alone). How it was made is remembered, so their next view of
     * it is answered from memory while the stencil and the shared part ({@code sharedKey}) hold and their own review
     * reads as {@code own} ({@link KeptSignedInPages}).
     */
    private Response stencil(View view, String sharedKey, ReviewForm form, boolean editing, ReviewReads.Own own) {
        String key = ui.lang() + ' ' + ui.here() + ' ' + ui.moderator() + ' ' + ui.admin() + ' ' + editing + ' '
                + form.rating() + (own.unshared() ? " own " + user.accountId() : "");
        Function<IntFunction<String>, TemplateInstance> render = value -> Templates.show(view.subject(), view,
                new ReviewForm(form.rating(), value.apply(TITLE), value.apply(BODY)), editing, Map.of(), null);
        Stencils.Served served = own.unshared()
                ? stencils.ownPage(key, view, render, ui.userName(), ui.csrfToken(), form.title(), form.body())
                : stencils.page(key, view, render, ui.userName(), ui.csrfToken(), form.title(), form.body());
        long accountId = user.accountId();
        long subjectId = view.subject().id();
        kept.remember(accountId, ui.lang(), ui.here(), key, served.stencil(), sharedKey, form.title(), form.body(),
                () -> reviews.ownKept(accountId, subjectId, own), () -> reviews.stillOwn(accountId, subjectId, own));
        return served.response();
    }

    /**
     * The shared part of a subject's page, from {@link SharedFragments} unless the reader is staff (who see waiting
     * posts and moderation buttons); null when there is no such subject.
     */
    private View view(String slug, ReviewSort sort, ReviewSort.Cursor after, boolean verifiedOnly) {
        Viewer reader = viewer.get();
        if (reader.staff()) {
            return subjects.page(slug).map(s -> render(s, sort, after, verifiedOnly, reader)).orElse(null);
        }
        return shared.get(key(slug, sort, after, verifiedOnly), () -> subjects.page(slug)
                .map(s -> render(s, sort, after, verifiedOnly, Viewer.ANONYMOUS)).orElse(null));
    }

    /**
     * The page's list as a customer with a post there that visitors do not see (waiting or hidden) sees it, kept for
     * them as the shared part is for everyone (under {@code key}, which names them): stale on the same changes of the
     * subject, which include any of their posts there being shown or hidden.
     */
    private View own(String key, SubjectPage subject, ReviewSort sort, ReviewSort.Cursor after, boolean verifiedOnly) {
        Viewer reader = viewer.get();
        return shared.get(key, () -> render(subject, sort, after, verifiedOnly, reader));
    }

    private String key(String slug, ReviewSort sort, ReviewSort.Cursor after, boolean verifiedOnly) {
        return ui.lang() + ' ' + slug + ' ' + sort.param() + ' ' + (after == null ? "" : after.format()) + ' '
                + verifiedOnly;
    }

    /** Posts the signed-in customer's review of this subject, or edits it if they have reviewed it before. */
    @POST
    @Path("subjects/{slug}/reviews")
    public Response write(@PathParam("slug") String slug, @BeanParam ReviewForm form) {
        if (!user.signedIn()) {
            subjects.page(slug).orElseThrow(NotFoundException::new);
            return drafts.keepAndSignIn(page(slug), "rating", form.rating(), "title", form.title(), "body", form.body());
        }
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return again(slug, form, 400, errors, null);
        }
        try {
            ReviewPosting.Written written = posting.write(user.accountId(), slug, form);
            String message = switch (written.outcome()) {
                case CREATED -> written.status() == ReviewStatus.PENDING ? "flash_review_pending" : "flash_review_posted";
                case EDITED -> "flash_review_edited";
                case UNCHANGED -> "flash_review_unchanged";
            };
            return flash.redirect(URI.create("/subjects/" + slug + "/reviews/" + written.reviewId()), message);
        } catch (RateLimitedException e) {
            return Response.fromResponse(again(slug, form, 429, Map.of(), e.retryAfterSeconds()))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        } catch (PolicyRejection e) {
            return again(slug, form, 400, Map.of("body", e.explain(formErrors)), null);
        } catch (OptimisticLockException e) {
            return again(slug, form, 409, Map.of("body", formErrors.message("{candor.review.conflict}")), null);
        }
    }

    private static String page(String slug) {
        return "/subjects/" + slug;
    }

    /** The subject page again, with the review form as the customer filled it in and what was wrong with it. */
    private Response again(String slug, ReviewForm form, int status, Map<String, String> errors, Long retryAfter) {
        SubjectPage subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        boolean editing = reviews.mine(user.accountId(), subject.id()).isPresent();
        View view = render(subject, ReviewSort.NEWEST, null, false, viewer.get());
        return HtmlBytes.page(Response.status(status), Templates.show(subject, view, form, editing, errors, retryAfter));
    }

    /** The shared part of a subject's page as {@code reader} sees it. */
    private View render(SubjectPage subject, ReviewSort sort, ReviewSort.Cursor after, boolean verifiedOnly,
            Viewer reader) {
        ReviewReads.Page page = reviews.page(subject.id(), sort, after, reader, verifiedOnly);
        ReviewReads.Verified verified = verifiedOnly ? reviews.verified(subject.id()) : null;
        String summary = Templates.summary(subject, statements.forSubject(subject.id()),
                transparency.replyLine(subject.summary().slug()), verified, reviews.incidentBanner(subject.id())).render();
        String list = Templates.reviews(subject, page, sort, after == null, verified).render();
        // the verified-only view is for readers, not search engines: its figures are not the subject's (noindex); and
        // a part rendered for someone signed in (staff, a customer's own list) is never read by a search engine
        String jsonLd = verifiedOnly || !reader.equals(Viewer.ANONYMOUS) ? null
                : structured.subject(subject.summary(), page.reviews());
        return new View(subject, Fragment.of(summary), Fragment.of(list), jsonLd == null ? null : Fragment.of(jsonLd),
                policy.checkedFirst(subject.summary().slug()));
    }
}
