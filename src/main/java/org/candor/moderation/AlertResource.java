package org.candor.moderation;

import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;

import org.candor.Sql;
import org.candor.account.AccountService;
import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.CleanText;
import org.candor.web.Flash;

/** A moderator's alerts (the list behind the badge, live), and what they subscribe to and how it is e-mailed. */
@Path("/moderation/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.MODERATOR_NAME, Role.ADMIN_NAME })
public class AlertResource {

    /** A subject a moderator may subscribe to. */
    public record Choice(long id, String name) {
    }

    /** What the settings page shows: the delivery form as typed, the new-subscription form as typed, and errors. */
    public record SettingsForm(String email, String zone, String times, String quietFrom, String quietTo,
            String language) {
    }

    public record SubscribeForm(String kind, String words, String maxRating, String subject) {

        public boolean ratingIs(int n) {
            return maxRating != null && maxRating.strip().equals(Integer.toString(n));
        }

        public boolean subjectIs(long id) {
            return subject != null && subject.strip().equals(Long.toString(id));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<AlertInbox.Alert> alerts, long unseen, Long next);

        static native TemplateInstance badge(long count);

        static native TemplateInstance settings(SettingsForm delivery, SubscribeForm subscribe,
                List<AlertSubscriptions.Subscription> subscriptions, List<Choice> subjects, List<String> zones,
                boolean hasAddress, Map<String, String> errors);
    }

    private final AlertInbox inbox;
    private final AlertSubscriptions alerts;
    private final AlertEvents events;
    private final CurrentUser user;
    private final AccountService accounts;
    private final Flash flash;
    private final EntityManager em;

    AlertResource(AlertInbox inbox, AlertSubscriptions alerts, AlertEvents events, CurrentUser user,
            AccountService accounts, Flash flash, EntityManager em) {
        this.inbox = inbox;
        this.alerts = alerts;
        this.events = events;
        this.user = user;
        this.accounts = accounts;
        this.flash = flash;
        this.em = em;
    }

    @GET
    public TemplateInstance list(@QueryParam("before") Long before) {
        List<AlertInbox.Alert> page = inbox.recent(user.accountId(), before);
        Long next = page.size() == AlertInbox.PAGE ? page.get(page.size() - 1).id() : null;
        return Templates.alerts(page, inbox.unseen(user.accountId()), next);
    }

    /** The badge's text, in the reader's language, for the page script ({@code js/alerts.js}). */
    @GET
    @Path("count")
    @Produces(MediaType.TEXT_PLAIN)
    public Response count() {
        long unseen = inbox.unseen(user.accountId());
        return Response.ok(Templates.badge(unseen).render().strip()).header("X-Alerts", unseen)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events() {
        return events.stream(user.accountId());
    }

    @POST
    @Path("seen")
    public Response seen(@RestForm String upTo) {
        long last;
        try {
            last = Long.parseLong(upTo == null ? "" : upTo.strip());
        } catch (NumberFormatException e) {
            last = Long.MAX_VALUE;
        }
        inbox.markSeen(user.accountId(), last);
        return flash.redirect(URI.create("/moderation/alerts"), "flash_alerts_seen");
    }

    @GET
    @Path("settings")
    public TemplateInstance settings() {
        AlertDelivery d = alerts.delivery(user.accountId());
        return page(form(d), new SubscribeForm("WORDS", "", "2", ""), Map.of());
    }

    @POST
    @Path("settings")
    public Response saveSettings(@RestForm String email, @RestForm String zone, @RestForm String times,
            @RestForm String quietFrom, @RestForm String quietTo, @RestForm String language) {
        SettingsForm typed = new SettingsForm(email, zone, times, quietFrom, quietTo, language);
        Map<String, String> errors = new LinkedHashMap<>();
        AlertDelivery.Mode mode = null;
        try {
            mode = AlertDelivery.Mode.valueOf(email == null ? "" : email.strip());
        } catch (IllegalArgumentException e) {
            errors.put("email", "alert_error_email");
        }
        ZoneId zoneId = CleanText.Validator.clean(zone, true) ? AlertDelivery.zoneOrNull(zone) : null;
        if (zoneId == null) {
            errors.put("zone", "alert_error_zone");
        }
        List<LocalTime> digest = null;
        try {
            digest = CleanText.Validator.clean(times, true) ? AlertDelivery.parseTimes(times) : null;
        } catch (DateTimeParseException e) {
            digest = null;
        }
        if (digest == null) {
            errors.put("times", "alert_error_times");
        }
        LocalTime from = time(quietFrom);
        LocalTime to = time(quietTo);
        boolean quietGiven = !blank(quietFrom) || !blank(quietTo);
        if (quietGiven && (from == null || to == null)) {
            errors.put("quiet", "alert_error_quiet");
        }
        Locale locale = org.candor.web.Ui.supported(language);
        if (locale == null) {
            errors.put("language", "alert_error_language");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(typed, new SubscribeForm("WORDS", "", "2", ""), errors)).build();
        }
        alerts.save(user.accountId(), new AlertDelivery(zoneId, locale, mode, digest, quietGiven ? from : null,
                quietGiven ? to : null));
        return flash.redirect(URI.create("/moderation/alerts/settings"), "flash_alert_settings_saved");
    }

    @POST
    @Path("subscriptions")
    public Response subscribe(@RestForm String kind, @RestForm String words, @RestForm String maxRating,
            @RestForm String subject) {
        SubscribeForm typed = new SubscribeForm(kind, words, maxRating, subject);
        Map<String, String> errors = new LinkedHashMap<>();
        Alerts.Kind k = null;
        try {
            k = Alerts.Kind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            errors.put("kind", "alert_error_kind");
        }
        String phrase = words == null ? "" : words.strip().replaceAll("\\s+", " ");
        if (k == Alerts.Kind.WORDS && (phrase.isEmpty() || phrase.length() > 200 || !CleanText.Validator.clean(phrase, true))) {
            errors.put("words", "alert_error_words");
        }
        Integer rating = null;
        if (k == Alerts.Kind.RATING) {
            try {
                rating = Integer.valueOf(maxRating == null ? "" : maxRating.strip());
            } catch (NumberFormatException e) {
                rating = null;
            }
            if (rating == null || rating < 1 || rating > 5) {
                errors.put("maxRating", "alert_error_rating");
            }
        }
        Long subjectId = null;
        if (!blank(subject)) {
            try {
                long id = Long.parseLong(subject.strip());
                subjectId = subjects().stream().anyMatch(c -> c.id() == id) ? id : null;
            } catch (NumberFormatException e) {
                subjectId = null;
            }
            if (subjectId == null) {
                errors.put("subject", "alert_error_subject");
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(form(alerts.delivery(user.accountId())), typed, errors)).build();
        }
        alerts.subscribe(user.accountId(), k, phrase, rating, subjectId);
        return flash.redirect(URI.create("/moderation/alerts/settings"), "flash_alert_subscribed");
    }

    @POST
    @Path("subscriptions/{id}/end")
    public Response end(@PathParam("id") long id) {
        if (!alerts.end(user.accountId(), id)) {
            throw new NotFoundException();
        }
        return flash.redirect(URI.create("/moderation/alerts/settings"), "flash_alert_ended");
    }

    private TemplateInstance page(SettingsForm delivery, SubscribeForm subscribe, Map<String, String> errors) {
        long me = user.accountId();
        boolean hasAddress = !em.createNativeQuery("select 1 from account where id = ?1 and email is not null")
                .setParameter(1, me).getResultList().isEmpty();
        return Templates.settings(delivery, subscribe, alerts.subscriptions(me), subjects(), ZONES, hasAddress, errors);
    }

    /** The subjects this moderator moderates (every subject for an unscoped moderator or an admin), by name. */
    private List<Choice> subjects() {
        java.util.Set<Long> scope = accounts.scope(accounts.staff(user.accountId()));
        jakarta.persistence.Query q = scope == null
                ? em.createNativeQuery("select id as id, name as name from subject order by name, id", Tuple.class)
                : em.createNativeQuery("select id as id, name as name from subject where id = any(cast(?1 as bigint[])) "
                        + "order by name, id", Tuple.class).setParameter(1, Sql.bigints(scope));
        return Sql.tuples(q).stream().map(t -> new Choice(Sql.number(t, "id"), Sql.text(t, "name"))).toList();
    }

    private static SettingsForm form(AlertDelivery d) {
        return new SettingsForm(d.mode().name(), d.zone().getId(), d.timesText().replace(",", ", "),
                d.quietFrom() == null ? "" : d.quietFrom().toString(), d.quietTo() == null ? "" : d.quietTo().toString(),
                d.locale().getLanguage());
    }

    private static LocalTime time(String text) {
        if (blank(text) || !CleanText.Validator.clean(text, true)) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip()).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Every region-based time zone, for the settings form's list. */
    static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()).toList();
}
