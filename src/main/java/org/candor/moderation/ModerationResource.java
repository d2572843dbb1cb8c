package org.candor.moderation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import org.candor.account.AccountService;
import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.policy.ReasonCode;

/**
 * One queue item's page with every action, the reply's preview and the conflict page (the queue itself is
 * {@link QueueResource}'s). Staff only.
 */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class ModerationResource {

    /** What was typed into the action that failed, to show it again with the messages. */
    public record Typed(String action, ActionForm form, Map<String, String> errors) {

        static final Typed NONE = new Typed("", ActionForm.empty(), Map.of());

        /** The typed value of a field if this action's form was the one sent, else empty. */
        public String value(String forAction, String field) {
            if (!action.equals(forAction)) {
                return "";
            }
            Object v = switch (field) {
                case "reason" -> form.reason();
                case "text" -> form.text();
                case "body" -> form.body();
                case "span" -> form.span();
                case "canned" -> form.canned();
                case "offer" -> form.offer();
                case "complaint" -> form.complaint();
                case "law" -> form.law();
                default -> null;
            };
            return v == null ? "" : v.toString();
        }

        public String error(String forAction, String field) {
            return action.equals(forAction) ? errors.get(field) : null;
        }

        /** The free texts typed into the form (reply, annotation, note, span), for the conflict page to show. */
        List<String> written() {
            return java.util.stream.Stream.of(form.body(), form.text(), form.span())
                    .filter(t -> t != null && !t.isBlank()).toList();
        }
    }

    /**
     * What an appeal or a notice item is about: the appeal and the decision it contests (a statement of reasons, or a
     * declined report or notice), the notice; {@code decidedFirst} when the viewer took the contested decision and so
     * may not decide the appeal.
     */
    public record CaseFile(Appeals.View appeal, org.candor.review.ReasonsStatement statement, LegalNotices.View notice,
            boolean decidedFirst) {

        static final CaseFile NONE = new CaseFile(null, null, null, false);
    }

    /**
     * How the item's action panel opens: the action unfolded first ({@code open}), whether a colleague's claim keeps
     * this moderator from acting, the next item to go to, and the reply as its author will read it (when previewed).
     */
    public record Desk(String open, boolean heldByOther, Long next, String preview, Signature signature) {
    }

    /** How a moderator signs in public: by public handle when the policy says so, else by role. */
    public record Signature(String handle, String roleKey) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance item(ItemReads.Item item, List<ItemReads.Canned> canned,
                List<ItemReads.Canned> offers, List<ItemReads.Staff> staff, List<ReasonCode> reasons,
                List<Complaint> complaints, Typed typed, String business, ModerationAction.Allowed allowed,
                CaseFile file, Desk desk);

        static native TemplateInstance preview(String text, String error, String business, Signature signature);

        static native TemplateInstance conflict(QueueReads.Row row, ItemReads.Event last, List<String> typed);
    }

    private final ModerationService moderation;
    private final QueueReads reads;
    private final ItemReads items;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;
    private final ModerationConfig config;
    private final org.candor.review.ReviewReads reviews;
    private final AccountService accounts;
    private final Appeals appeals;
    private final LegalNotices legalNotices;
    private final Reasons reasons;

    private final org.candor.policy.PublicActor publicActor;
    private final KeptStaffPages kept;

    ModerationResource(ModerationService moderation, QueueReads reads, ItemReads items, CurrentUser user, FormErrors formErrors,
            Flash flash, ModerationConfig config, org.candor.review.ReviewReads reviews, AccountService accounts,
            Appeals appeals, LegalNotices legalNotices, Reasons reasons, org.candor.policy.PublicActor publicActor,
            KeptStaffPages kept) {
        this.publicActor = publicActor;
        this.kept = kept;
        this.appeals = appeals;
        this.legalNotices = legalNotices;
        this.reasons = reasons;
        this.accounts = accounts;
        this.reviews = reviews;
        this.moderation = moderation;
        this.reads = reads;
        this.items = items;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
        this.config = config;
    }

    @GET
    @Path("items/{id}")
    public Response item(@PathParam("id") long id) {
        return kept.page("item", () -> render(id, Typed.NONE));
    }

    /** A review by its id alone (from staff views that do not know its subject): its permalink. */
    @GET
    @Path("reviews/{id}")
    public Response review(@PathParam("id") long id) {
        String slug = reviews.subjectSlugOf(id).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/subjects/" + slug + "/reviews/" + id)).build();
    }

    /** Opens (or finds) the item about a review or one of its comments, from the content itself. */
    @POST
    @Path("open")
    public Response open(@RestForm("review") Long reviewId, @RestForm("comment") Long commentId) {
        if (reviewId == null) {
            throw new NotFoundException();
        }
        long id = moderation.openCase(user.accountId(), reviewId, commentId);
        return Response.seeOther(itemUri(id)).build();
    }

    @POST
    @Path("items/{id}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("action") String actionName,
            @BeanParam ActionForm form) {
        ModerationAction action = ModerationAction.parse(actionName);
        if (action == ModerationAction.REASSIGN && !user.isAdmin()) {
            throw new ForbiddenException();
        }
        // who may act on the item is checked by the action (ActionSteps.begin) and, for a form sent back, by the page
        Map<String, String> errors = formErrors.of(form, action.group);
        if (!errors.isEmpty()) {
            return invalid(id, actionName, form, errors);
        }
        long me = user.accountId();
        int v = form.v();
        try {
            switch (action) {
                case TAKE -> moderation.take(me, id, v);
                case RELEASE -> moderation.release(me, id, v);
                case REASSIGN -> moderation.reassign(me, id, v, form.assigneeId());
                case PUBLISH -> moderation.publish(me, id, v, form.reasonCode(), form.text());
                case KEEP_HELD -> moderation.keepHeld(me, id, v, form.reasonCode(), form.text(), form.law());
                case REPLY -> moderation.reply(me, id, v, form.body(), form.cannedId(), form.offerId(), form.complaint());
                case ANNOTATE -> moderation.annotate(me, id, v, form.text());
                case REDACT -> moderation.redact(me, id, v, form.span(), form.reasonCode(), form.text(), form.law());
                case HIDE -> moderation.hide(me, id, v, form.reasonCode(), form.text(), form.law());
                case RESTORE -> moderation.restore(me, id, v, form.reasonCode(), form.text());
                case ESCALATE -> moderation.escalate(me, id, v, form.text());
                case NOTE -> moderation.note(me, id, v, form.text());
                case CLOSE -> moderation.close(me, id, v, form.text());
                case UPHOLD -> appeals.uphold(me, id, v, form.text());
                case REJECT -> appeals.reject(me, id, v, form.text());
            }
        } catch (InvalidActionException e) {
            return invalid(id, actionName, form, Map.of(e.field(), formErrors.message(e.messageTemplate())));
        } catch (ConflictException e) {
            return conflict(e, new Typed(actionName, form, Map.of()));
        }
        return flash.redirect(itemUri(id), "flash_moderation_" + action.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The reply as its author will read it, without sending it: the fragment the page's script shows as the moderator
     * types ({@code X-Preview: fragment}), or, without JavaScript, the item page again with the preview and the typed
     * reply kept.
     */
    @POST
    @Path("items/{id}/preview")
    public Response preview(@PathParam("id") long id, @BeanParam ActionForm form,
            @jakarta.ws.rs.HeaderParam("X-Preview") String fragment) {
        reads.row(id, user.accountId()).orElseThrow(NotFoundException::new);
        String text = null;
        String error = null;
        Map<String, String> errors = formErrors.of(form, ModerationAction.REPLY.group);
        if (errors.isEmpty()) {
            try {
                text = moderation.previewReply(user.accountId(), id, form.body(), form.cannedId());
            } catch (InvalidActionException e) {
                error = formErrors.message(e.messageTemplate());
                errors = Map.of(e.field(), error);
            }
        } else {
            error = errors.values().iterator().next();
        }
        if ("fragment".equals(fragment)) {
            return Response.status(error == null ? 200 : 400)
                    .entity(Templates.preview(text, error, config.businessName(), signature())).build();
        }
        return Response.status(error == null ? 200 : 400).entity(render(id, new Typed("reply", form, errors), text))
                .build();
    }

    /** Someone else acted first: show what they did and how the item stands now. */
    @ServerExceptionMapper
    Response conflict(ConflictException e) {
        return conflict(e, Typed.NONE);
    }

    /** The conflict page, with what the moderator typed, so that nothing they wrote is lost. */
    private Response conflict(ConflictException e, Typed typed) {
        QueueReads.Row row = reads.row(e.itemId(), user.accountId()).orElseThrow(NotFoundException::new);
        List<ItemReads.Event> history = items.item(e.itemId(), user.accountId(), false).map(ItemReads.Item::history)
                .orElse(List.of());
        ItemReads.Event last = history.isEmpty() ? null : history.get(history.size() - 1);
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(Templates.conflict(row, last, typed.written()))
                .build();
    }

    private Response invalid(long id, String action, ActionForm form, Map<String, String> errors) {
        return Response.status(400).entity(render(id, new Typed(action, form, errors))).build();
    }

    private TemplateInstance render(long id, Typed typed) {
        return render(id, typed, null);
    }

    private TemplateInstance render(long id, Typed typed, String preview) {
        ItemReads.Item item = items.item(id, user.accountId(), user.isAdmin()).orElseThrow(NotFoundException::new);
        var allowed = new ModerationAction.Allowed(ModerationAction.allowed(item.row().kind(), item.content().status(),
                item.content().isComment(), item.row().open()));
        QueueReads.Row row = item.row();
        boolean heldByOther = row.claimedById() != null && row.claimedById() != user.accountId();
        String open = !typed.action().isEmpty() ? typed.action() : firstAction(row, allowed);
        Desk desk = new Desk(open, heldByOther && !user.isAdmin(), reads.next(id, user.accountId()).orElse(null),
                preview, signature());
        return Templates.item(item, items.canned(user.isAdmin()), items.offers(user.isAdmin()),
                user.isAdmin() ? items.staff() : List.of(),
                List.of(ReasonCode.values()), List.of(Complaint.values()), typed, config.businessName(), allowed,
                caseFile(row), desk);
    }

    /** The action a moderator most likely came for, unfolded when the page opens: the first the state allows. */
    private static String firstAction(QueueReads.Row row, ModerationAction.Allowed allowed) {
        List<ModerationAction> likely = switch (row.kind()) {
            case HELD -> List.of(ModerationAction.PUBLISH, ModerationAction.REPLY);
            case APPEAL -> List.of(ModerationAction.UPHOLD);
            case REPORT, FLAG, NOTICE -> List.of(ModerationAction.HIDE, ModerationAction.RESTORE);
            default -> List.of(ModerationAction.REPLY, ModerationAction.ANNOTATE, ModerationAction.RESTORE);
        };
        return likely.stream().filter(allowed.actions()::contains).findFirst()
                .map(a -> a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse("");
    }

    /** How this moderator signs in public: their handle when staff appear by handle, else their role. */
    private Signature signature() {
        org.candor.account.Account me = accounts.staff(user.accountId());
        return new Signature(publicActor.handle(me), "role_" + org.candor.policy.PublicActor.role(me.role));
    }

    private CaseFile caseFile(QueueReads.Row row) {
        Long appealId = row.appealId();
        Long noticeId = row.legalNoticeId();
        if (appealId == null && noticeId == null) {
            return CaseFile.NONE;
        }
        Appeals.View appeal = appealId == null ? null : appeals.byId(appealId).orElse(null);
        if (appeal != null && appeal.legalNoticeId() != null) {
            noticeId = appeal.legalNoticeId();
        }
        var statement = appeal == null || appeal.statementId() == null ? null
                : reasons.byId(appeal.statementId()).orElse(null);
        LegalNotices.View notice = noticeId == null ? null : legalNotices.byId(noticeId).orElse(null);
        boolean mine = appeal != null && appeal.firstDecider() != null && appeal.firstDecider() == user.accountId();
        return new CaseFile(appeal, statement, notice, mine);
    }

    private static URI itemUri(long id) {
        return URI.create("/moderation/items/" + id);
    }
}
