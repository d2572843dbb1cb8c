package org.candor.moderation;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.web.HtmlBytes;
import org.candor.web.KeptSignedInPages;
import org.candor.web.Stencils;
import org.candor.web.Ui;

/**
 * A moderator's pages (a queue tab, an item) rendered once with stand-ins for their name and CSRF token and kept
 * ({@link Stencils}) for the moment {@link QueueEvents#moment()} names: until anything is written, on any instance, and
 * two seconds at most. A view meanwhile only fills in its session's token. Rendering a queue tab read the tab, the
 * counts, the bands, the month's reply times and the ongoing incidents, 9–10 ms of CPU per view (docs/benchmarks.md,
 * #19). The key names who reads (their subjects, their admin forms), their language and the address. A page with a
 * one-time message is rendered as usual. How each was made is remembered, so the next view is answered ahead of the
 * security chain while its session, account and stencil hold ({@link KeptSignedInPages}).
 */
@ApplicationScoped
class KeptStaffPages {

    private final Stencils stencils;
    private final QueueEvents events;
    private final Ui ui;
    private final CurrentUser user;
    private final KeptSignedInPages pages;

    KeptStaffPages(Stencils stencils, QueueEvents events, Ui ui, CurrentUser user, KeptSignedInPages pages) {
        this.pages = pages;
        this.stencils = stencils;
        this.events = events;
        this.ui = ui;
        this.user = user;
    }

    /** The page {@code render} makes for this request, from a kept stencil when there is a current one. */
    Response page(String kind, Supplier<TemplateInstance> render) {
        if (ui.flash() != null || ui.userName() == null) {
            return HtmlBytes.page(render.get());
        }
        String key = kind + ' ' + user.accountId() + ' ' + ui.lang() + ' ' + ui.here();
        Object moment = events.moment(); // before anything the page shows is read
        Stencils.Served served = stencils.briefPage(key, moment, slots -> render.get(), ui.userName(), ui.csrfToken());
        pages.rememberStaff(user.accountId(), ui.lang(), ui.here(), key, served.stencil(), events::current);
        return served.response();
    }
}
