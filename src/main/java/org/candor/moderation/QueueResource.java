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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import org.candor.account.AccountService;
import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.policy.ReasonCode;
import org.candor.web.Flash;
import org.candor.web.Fragment;
import org.candor.web.HtmlBytes;

/**
 * The moderation queue: its tabs, narrowed and paged ({@link QueueFilter}), acted on in bulk, and the live event
 * stream. One item's page is {@link ModerationResource}'s. Staff only.
 */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class QueueResource {

    /** Whether authors are e-mailed, and (for admins) how the outbox stands. */
    public record Mail(boolean enabled, MailOutbox.State state) {
    }

    @CheckedTemplate(basePath = "ModerationResource")
    static class Templates {
        static native TemplateInstance queue(QueueTab tab, QueueReads.Page page, Fragment lines,
                Map<QueueTab, String> counts, List<QueueTab> tabs, Mail mail, List<QueueReads.Band> bands, String withinTarget,
                List<Incidents.Incident> incidents, QueueFilter filter, List<ItemReads.Canned> canned,
                List<ReasonCode> reasons);

        static native TemplateInstance queue$list(QueueTab tab, QueueReads.Page page, Fragment lines,
                Map<QueueTab, String> counts, List<QueueTab> tabs, QueueFilter filter);

        /** What a line shows before the clock's part, and after it ({@link QueueLines}). */
        static native TemplateInstance queueLine$head(QueueReads.Row r, boolean bulk);

        static native TemplateInstance queueLine$tail(QueueReads.Row r);

    }

    private final ModerationService moderation;
    private final QueueReads reads;
    private final ItemReads items;
    private final QueueEvents events;
    private final CurrentUser user;
    private final Flash flash;
    private final AccountService accounts;
    private final MailOutbox outbox;
    private final org.candor.transparency.TransparencyIndex transparency;
    private final Incidents incidents;
    private final QueueLines lines;
    private final KeptStaffPages kept;

    QueueResource(ModerationService moderation, QueueReads reads, ItemReads items, QueueEvents events, CurrentUser user, Flash flash,
            AccountService accounts, MailOutbox outbox, org.candor.transparency.TransparencyIndex transparency,
            Incidents incidents, QueueLines lines, KeptStaffPages kept) {
        this.moderation = moderation;
        this.reads = reads;
        this.items = items;
        this.events = events;
        this.user = user;
        this.flash = flash;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transparency = transparency;
        this.incidents = incidents;
        this.lines = lines;
        this.kept = kept;
    }

    /** A tab of the queue, narrowed and paged; kept for a moment ({@link KeptStaffPages}). */
    @GET
    public Response queue(@QueryParam("tab") String tab, @BeanParam Narrowing narrowing) {
        QueueTab t = QueueTab.parse(tab);
        QueueFilter filter = narrowing.filter();
        return kept.page("queue", () -> page(t, filter));
    }

    private TemplateInstance page(QueueTab t, QueueFilter filter) {
        java.time.LocalDate today = java.time.LocalDate.now(transparency.zone());
        var month = org.candor.transparency.TransparencyResource.View.of(null,
                transparency.report(today.minusDays(29), today), null, null);
        QueueReads.View view = reads.view(t, filter, user.accountId());
        QueueReads.Page page = view.page();
        // the canned replies are offered on the reply tab only (its bulk form)
        List<ItemReads.Canned> canned = t == QueueTab.REPLY ? items.canned(user.isAdmin()) : List.of();
        return Templates.queue(t, page, lines.of(t, page.rows()), view.counts(),
                List.of(QueueTab.values()), new Mail(outbox.enabled(), user.isAdmin() ? outbox.state() : null),
                reads.bands(user.accountId()), month.percent("replies.withinTargetBasisPoints"),
                incidents.ongoing(user.accountId()), filter, canned, List.of(ReasonCode.values()));
    }

    /**
     * The subject picker's options, fetched by the page's script when the moderator first uses the field and kept by
     * the browser for a minute (as long as the server keeps them): up to 1,000 names, a third of a queue page when they
     * came with every view. Without the script the field takes a typed name or address.
     */
    @GET
    @Path("subjects")
    public Response subjects() {
        return Response.ok(reads.subjectOptions(user.accountId()))
                .header("Cache-Control", "private, max-age=60").build();
    }

    /** The tab's list alone: what the page's script fetches when the queue changes. */
    @GET
    @Path("list")
    public Response list(@QueryParam("tab") String tab, @BeanParam Narrowing narrowing) {
        QueueTab t = QueueTab.parse(tab);
        QueueFilter filter = narrowing.filter();
        QueueReads.View view = reads.view(t, filter, user.accountId());
        return HtmlBytes.page(Templates.queue$list(t, view.page(), lines.of(t, view.page().rows()), view.counts(),
                List.of(QueueTab.values()), filter));
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
        boolean reply = "reply".equals(action);
        if (publish ? code == null : !reply || cannedId == null) {
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
}
