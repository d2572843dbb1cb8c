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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import org.candor.account.AccountService;
import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.policy.ReasonCode;

/** The moderation queue: its tabs, one item's page with every action, and the live event stream. Staff only. */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class ModerationResource {

    /** Whether authors are e-mailed, and (for admins) how the outbox stands. */
    public record Mail(boolean enabled, MailOutbox.State state) {
    }

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
        static native TemplateInstance queue(QueueTab tab, QueueReads.Page page, Map<QueueTab, Long> counts,
                List<QueueTab> tabs, Mail mail, List<QueueReads.Band> bands, String withinTarget,
                List<Incidents.Incident> incidents, QueueFilter filter, List<QueueReads.Canned> canned,
                List<ReasonCode> reasons, List<String> subjects);

        static native TemplateInstance queue$list(QueueTab tab, QueueReads.Page page, Map<QueueTab, Long> counts,
                List<QueueTab> tabs, QueueFilter filter);

        static native TemplateInstance item(QueueReads.Item item, List<QueueReads.Canned> canned,
                List<QueueReads.Canned> offers, List<QueueReads.Staff> staff, List<ReasonCode> reasons,
                List<Complaint> complaints, Typed typed, String business, ModerationAction.Allowed allowed,
                CaseFile file, Desk desk);

        static native TemplateInstance preview(String text, String error, String business, Signature signature);

        static native TemplateInstance conflict(QueueReads.Row row, QueueReads.Event last, List<String> typed);
    }

    private final ModerationService moderation;
    private final QueueReads reads;
    private final QueueEvents events;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;
    private final ModerationConfig config;
    private final org.candor.review.ReviewReads reviews;
    private final AccountService accounts;
    private final MailOutbox outbox;
    private final Appeals appeals;
    private final LegalNotices legalNotices;
    private final Reasons reasons;
    private final org.candor.transparency.TransparencyIndex transparency;

    private final Incidents incidents;
    private final org.candor.policy.PublicActor publicActor;

    ModerationResource(ModerationService moderation, QueueReads reads, QueueEvents events, CurrentUser user,
            FormErrors formErrors, Flash flash, ModerationConfig config, org.candor.review.ReviewReads reviews,
            AccountService accounts, MailOutbox outbox, Appeals appeals, LegalNotices legalNotices, Reasons reasons,
            org.candor.transparency.TransparencyIndex transparency, Incidents incidents,
            org.candor.policy.PublicActor publicActor) {
        this.publicActor = publicActor;
        this.incidents = incidents;
        this.transparency = transparency;
        this.appeals = appeals;
        this.legalNotices = legalNotices;
        this.reasons = reasons;
        this.accounts = accounts;
        this.outbox = outbox;
        this.reviews = reviews;
        this.moderation = moderation;
        this.reads = reads;
        this.events = events;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
        this.config = config;
    }

    @GET
    public TemplateInstance queue(@QueryParam("tab") String tab, @BeanParam Narrowing narrowing) {
        QueueTab t = QueueTab.parse(tab);
        QueueFilter filter = narrowing.filter();
        java.time.LocalDate today = java.time.LocalDate.now(transparency.zone());
        var month = org.candor.transparency.TransparencyResource.View.of(null,
                transparency.report(today.minusDays(29), today), null, null);
        return Templates.queue(t, reads.tab(t, filter, user.accountId()), reads.counts(user.accountId()),
                List.of(QueueTab.values()), new Mail(outbox.enabled(), user.isAdmin() ? outbox.state() : null),
                reads.bands(user.accountId()), month.percent("replies.withinTargetBasisPoints"),
                incidents.ongoing(user.accountId()), filter, reads.canned(user.isAdmin()), List.of(ReasonCode.values()),
                reads.subjectNames(user.accountId()));
    }

    /** The tab's list alone: what the page's script fetches when the queue changes. */
    @GET
    @Path("list")
    public TemplateInstance list(@QueryParam("tab") String tab, @BeanParam Narrowing narrowing) {
        QueueTab t = QueueTab.parse(tab);
        QueueFilter filter = narrowing.filter();
        return Templates.queue$list(t, reads.tab(t, filter, user.accountId()), reads.counts(user.accountId()),
                List.of(QueueTab.values()), filter);
    }

    /** The queue's filter fields, as the page's form sends them. */
    public static class Narrowing {
        @QueryParam("subject")
        String subject;
        @QueryParam("rating")
        String rating;
        @QueryParam("rule")
        String rule;
        @QueryParam("age")
        String age;
        @QueryParam("q")
        String words;
        @QueryParam("after")
        String after;

        QueueFilter filter() {
            return QueueFilter.of(subject, rating, rule, age, words, after);
        }
    }

    /**
     * One action on many items: publish the selected held posts under one reason, or answer the selected reviews with
     * one canned response. Each item is its own action (its permission checked, its change made, its log entry
     * written, in its own transaction); an item someone else changed meanwhile is left as it is, and the moderator is
     * told how many were.
     */
    @POST
    @Path("bulk")
    public Response bulk(@RestForm("action") String action, @RestForm("items") List<String> items,
            @RestForm("reason") String reason, @RestForm("canned") String canned, @RestForm("tab") String tab,
            @RestForm("back") String back) {
        QueueTab t = QueueTab.parse(tab);
        URI queue = URI.create("/moderation?tab=" + t.slug() + (back != null && back.startsWith("&") && back.length() < 600
                && !back.contains("\n") ? back : ""));
        ReasonCode code = ReasonCode.parse(reason);
        Long cannedId = canned != null && canned.matches("\\d{1,18}") ? Long.valueOf(canned) : null;
        boolean publish = "publish".equals(action);
        if (items == null || items.isEmpty()) {
            return flash.redirect(queue, "flash_bulk_none");
        }
        if ((publish && code == null) || (!publish && ("reply".equals(action) ? cannedId == null : true))) {
            return flash.redirect(queue, "flash_bulk_choose");
        }
        int left = 0;
        for (String item : items.subList(0, Math.min(items.size(), QueueReads.TAB_SIZE))) {
            if (!item.matches("\\d{1,18}:\\d{1,9}")) {
                left++;
                continue;
            }
            long id = Long.parseLong(item.substring(0, item.indexOf(':')));
            int version = Integer.parseInt(item.substring(item.indexOf(':') + 1));
            try {
                if (publish) {
                    moderation.publish(user.accountId(), id, version, code, null);
                } else {
                    moderation.reply(user.accountId(), id, version, null, cannedId, null, null);
                }
            } catch (ConflictException | InvalidActionException | NotFoundException | ForbiddenException e) {
                left++;
            }
        }
        return flash.redirect(queue, left == 0 ? "flash_bulk_done" : "flash_bulk_partial");
    }

    /** Ids of items as they change, on any instance. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Blocking
    public Multi<String> events() {
        return events.stream(accounts.scope(accounts.staff(user.accountId())));
    }

    @GET
    @Path("items/{id}")
    public TemplateInstance item(@PathParam("id") long id) {
        return render(id, Typed.NONE);
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
        reads.row(id, user.accountId()).orElseThrow(NotFoundException::new);
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
        List<QueueReads.Event> history = reads.item(e.itemId(), user.accountId(), false).map(QueueReads.Item::history)
                .orElse(List.of());
        QueueReads.Event last = history.isEmpty() ? null : history.get(history.size() - 1);
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
        QueueReads.Item item = reads.item(id, user.accountId(), user.isAdmin()).orElseThrow(NotFoundException::new);
        var allowed = new ModerationAction.Allowed(ModerationAction.allowed(item.row().kind(), item.content().status(),
                item.content().isComment(), item.row().open()));
        QueueReads.Row row = item.row();
        boolean heldByOther = row.claimedById() != null && row.claimedById() != user.accountId();
        String open = !typed.action().isEmpty() ? typed.action() : firstAction(row, allowed);
        Desk desk = new Desk(open, heldByOther && !user.isAdmin(), reads.next(id, user.accountId()).orElse(null),
                preview, signature());
        return Templates.item(item, reads.canned(user.isAdmin()), reads.offers(user.isAdmin()),
                user.isAdmin() ? reads.staff() : List.of(),
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
