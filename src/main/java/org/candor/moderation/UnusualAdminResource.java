package org.candor.moderation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.policy.PublicActor;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;
import org.candor.web.Flash;

/**
 * Admins set when unusual activity opens an incident, and try a setting on past data first (the dry run says what it
 * would have done, subject by subject, without doing it). A change is a policy change on the public log.
 */
@Path("/admin/unusual")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class UnusualAdminResource {

    /** What the dry run found: a window that would have opened an incident. */
    public record WouldFire(String subjectSlug, String subjectName, UnusualActivity.Signals signals) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unusual(UnusualActivity.Thresholds thresholds, Map<String, String> form,
                String error, List<WouldFire> dryRun, Integer days);
    }

    static final List<String> FIELDS = List.of("windowMinutes", "minReviews", "rateFactor", "baselineWeeks",
            "newAccountDays", "newAccountShare", "duplicateShare", "duplicateSimilarity", "ratingDrop", "networkShare");
    private final UnusualActivity detector;
    private final EntityManager em;
    private final CurrentUser user;
    private final AccountService accounts;
    private final PublicLog log;
    private final PublicActor publicActor;
    private final Flash flash;
    private final ModMsg msg;

    UnusualAdminResource(UnusualActivity detector, EntityManager em, CurrentUser user, AccountService accounts,
            PublicLog log, PublicActor publicActor, Flash flash, ModMsg msg) {
        this.detector = detector;
        this.em = em;
        this.user = user;
        this.accounts = accounts;
        this.log = log;
        this.publicActor = publicActor;
        this.flash = flash;
        this.msg = msg;
    }

    @GET
    public TemplateInstance show() {
        UnusualActivity.Thresholds th = detector.thresholds();
        return Templates.unusual(th, form(th), null, null, null);
    }

    @POST
    @Transactional
    public Response save(@RestForm String enabled, @RestForm String windowMinutes, @RestForm String minReviews,
            @RestForm String rateFactor, @RestForm String baselineWeeks, @RestForm String newAccountDays,
            @RestForm String newAccountShare, @RestForm String duplicateShare, @RestForm String duplicateSimilarity,
            @RestForm String ratingDrop, @RestForm String networkShare) {
        Account admin = accounts.admin(user.accountId());
        Map<String, String> typed = new LinkedHashMap<>();
        String[] values = { windowMinutes, minReviews, rateFactor, baselineWeeks, newAccountDays, newAccountShare,
            duplicateShare, duplicateSimilarity, ratingDrop, networkShare };
        for (int i = 0; i < FIELDS.size(); i++) {
            typed.put(FIELDS.get(i), values[i] == null ? "" : values[i].strip());
        }
        UnusualActivity.Thresholds before = detector.thresholds();
        UnusualActivity.Thresholds after;
        try {
            after = new UnusualActivity.Thresholds("on".equals(enabled) || "true".equals(enabled),
                    whole(typed, "windowMinutes", 1, 1440), whole(typed, "minReviews", 2, 100_000),
                    decimal(typed, "rateFactor", 1, 1000), whole(typed, "baselineWeeks", 1, 52),
                    whole(typed, "newAccountDays", 0, 3650), decimal(typed, "newAccountShare", 0, 1),
                    decimal(typed, "duplicateShare", 0, 1), decimal(typed, "duplicateSimilarity", 0, 1),
                    decimal(typed, "ratingDrop", 0, 4), decimal(typed, "networkShare", 0, 1));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Templates.unusual(before, typed, msg.unusual_invalid(e.getMessage()), null,
                    null)).build();
        }
        String summary = "Unusual activity: " + describe(after) + (after.equals(before) ? "" : " (was: " + describe(before) + ")");
        if (!after.equals(before)) {
            em.createNativeQuery("""
                    update unusual_activity_policy set enabled = ?1, window_minutes = ?2, min_reviews = ?3, rate_factor = ?4,
                        baseline_weeks = ?5, new_account_days = ?6, new_account_share = ?7, duplicate_share = ?8,
                        duplicate_similarity = ?9, rating_drop = ?10, network_share = ?11, changed_at = now() where id = 1""")
                    .setParameter(1, after.enabled()).setParameter(2, after.windowMinutes())
                    .setParameter(3, after.minReviews()).setParameter(4, BigDecimal.valueOf(after.rateFactor()))
                    .setParameter(5, after.baselineWeeks()).setParameter(6, after.newAccountDays())
                    .setParameter(7, BigDecimal.valueOf(after.newAccountShare()))
                    .setParameter(8, BigDecimal.valueOf(after.duplicateShare()))
                    .setParameter(9, BigDecimal.valueOf(after.duplicateSimilarity()))
                    .setParameter(10, BigDecimal.valueOf(after.ratingDrop()))
                    .setParameter(11, BigDecimal.valueOf(after.networkShare())).executeUpdate();
            em.createNativeQuery("insert into policy_version (changed_by, summary) values (?1, ?2)")
                    .setParameter(1, admin.id).setParameter(2, summary).executeUpdate();
            log.append(new PublicLog.Draft(LogKind.POLICY_CHANGE, null, null, null, null, "admin",
                    publicActor.handle(admin), null, null, summary, null, null));
        }
        return flash.redirect(URI.create("/admin/unusual"), "flash_unusual_saved");
    }

    /**
     * What the current thresholds would have done over the past {@code days}: every window in which a subject got at
     * least the fewest reviews that can be unusual is judged as the live detector would have judged it.
     */
    @POST
    @Path("dry-run")
    @Transactional
    public TemplateInstance dryRun(@RestForm String days) {
        UnusualActivity.Thresholds th = detector.thresholds();
        int span = 30;
        try {
            span = Math.max(1, Math.min(365, Integer.parseInt(days == null ? "30" : days.strip())));
        } catch (NumberFormatException e) {
            // the default
        }
        UnusualActivity.Thresholds on = new UnusualActivity.Thresholds(true, th.windowMinutes(), th.minReviews(),
                th.rateFactor(), th.baselineWeeks(), th.newAccountDays(), th.newAccountShare(), th.duplicateShare(),
                th.duplicateSimilarity(), th.ratingDrop(), th.networkShare());
        Duration window = th.window();
        List<jakarta.persistence.Tuple> candidates = org.candor.Sql.tuples(em.createNativeQuery("""
                select r.subject_id as subject_id, s.slug as slug, s.name as name, max(r.created_at) as at
                from review r join subject s on s.id = r.subject_id
                where r.created_at > now() - make_interval(days => ?1)
                group by r.subject_id, s.slug, s.name, date_bin(make_interval(mins => ?2), r.created_at, timestamptz '2000-01-01')
                having count(*) >= ?3 order by max(r.created_at) limit 500""",
                jakarta.persistence.Tuple.class)
                .setParameter(1, span).setParameter(2, th.windowMinutes()).setParameter(3, th.minReviews()));
        List<WouldFire> found = new ArrayList<>();
        Map<Long, Instant> lastFired = new LinkedHashMap<>();
        for (jakarta.persistence.Tuple c : candidates) {
            long subject = org.candor.Sql.number(c, "subject_id");
            Instant at = org.candor.Sql.instant(c, "at");
            Instant previous = lastFired.get(subject);
            if (previous != null && at.isBefore(previous.plus(window))) {
                continue;
            }
            UnusualActivity.Signals s = detector.check(subject, at, on);
            if (s.fired()) {
                found.add(new WouldFire(org.candor.Sql.text(c, "slug"), org.candor.Sql.text(c, "name"), s));
                lastFired.put(subject, at);
            }
        }
        return Templates.unusual(th, form(th), null, found, span);
    }

    /** {@code {field.unusualLabelKey}}: the label of a threshold field. */
    @io.quarkus.qute.TemplateExtension
    static String unusualLabelKey(String field) {
        return "unusual_" + field;
    }

    private static Map<String, String> form(UnusualActivity.Thresholds th) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("windowMinutes", Integer.toString(th.windowMinutes()));
        f.put("minReviews", Integer.toString(th.minReviews()));
        f.put("rateFactor", plain(th.rateFactor()));
        f.put("baselineWeeks", Integer.toString(th.baselineWeeks()));
        f.put("newAccountDays", Integer.toString(th.newAccountDays()));
        f.put("newAccountShare", plain(th.newAccountShare()));
        f.put("duplicateShare", plain(th.duplicateShare()));
        f.put("duplicateSimilarity", plain(th.duplicateSimilarity()));
        f.put("ratingDrop", plain(th.ratingDrop()));
        f.put("networkShare", plain(th.networkShare()));
        return f;
    }

    private static String describe(UnusualActivity.Thresholds t) {
        return (t.enabled() ? "on" : "off") + ", " + t.minReviews() + "+ reviews in " + t.windowMinutes() + " min at "
                + plain(t.rateFactor()) + "× the " + t.baselineWeeks() + "-week baseline, with new accounts (< "
                + t.newAccountDays() + " days) ≥ " + plain(t.newAccountShare()) + ", near-identical texts ≥ "
                + plain(t.duplicateShare()) + " (similarity " + plain(t.duplicateSimilarity()) + ") or the average "
                + plain(t.ratingDrop()) + " stars lower, or one network's share ≥ " + plain(t.networkShare());
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static int whole(Map<String, String> typed, String field, int min, int max) {
        try {
            int v = Integer.parseInt(typed.get(field));
            if (v < min || v > max) {
                throw new IllegalArgumentException(field);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field);
        }
    }

    private static double decimal(Map<String, String> typed, String field, double min, double max) {
        try {
            double v = new BigDecimal(typed.get(field).replace(',', '.')).setScale(2, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
            if (v < min || v > max) {
                throw new IllegalArgumentException(field);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field);
        }
    }
}
