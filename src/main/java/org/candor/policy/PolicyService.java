package org.candor.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;


import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.account.Role;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * What admins change about moderation. Every change checks that an admin makes it, is versioned (a row in
 * {@code policy_version}) and written to the public log as a policy change, saying what changed but not secrets (a
 * word rule's pattern is not published: that would teach evasion), all in one transaction.
 */
@ApplicationScoped
public class PolicyService {

    /** Someone changed the same thing since the admin opened the form. */
    public static class StaleException extends RuntimeException {
        public StaleException() {
            super("changed since the form was shown");
        }
    }

    /** An invalid value, with the field it belongs to and a validation message template. */
    public static class InvalidException extends RuntimeException {
        private final String field;
        private final String detail;

        public InvalidException(String field, String template, String detail) {
            super(template);
            this.field = field;
            this.detail = detail;
        }

        public String field() {
            return field;
        }

        public String detail() {
            return detail;
        }
    }

    public record RuleRow(long id, String pattern, boolean regex, WordRules.Action action, boolean active,
            Instant createdAt) {
    }

    public record Canned(long id, String title, String body, String category, String allowedRole, boolean active,
            long uses, int version) {
    }

    public record Offer(long id, String name, String description, String allowedRole, boolean active, long grants,
            int version) {
    }

    /** How a set of rules would have treated recent posts. */
    public record Tally(int published, int flagged, int held, int rejected, List<Example> examples) {
    }

    public record Example(String outcome, String excerpt, String rule, String words) {
    }

    public record DryRun(int posts, Tally current, Tally proposed) {
    }

    public record AccountRow(long id, String provider, String displayName, String email, Role role, String staffHandle,
            String scope) {

        /** Whether this is the account with that id (the one whose form is shown again with messages). */
        public boolean isId(Long other) {
            return other != null && other == id;
        }
    }

    private final EntityManager em;
    private final PublicLog log;
    private final ModerationPolicy policy;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final AccountService accounts;
    private final PublicActor publicActor;

    PolicyService(EntityManager em, PublicLog log, ModerationPolicy policy,
            com.fasterxml.jackson.databind.ObjectMapper json, AccountService accounts, PublicActor publicActor) {
        this.accounts = accounts;
        this.publicActor = publicActor;
        this.em = em;
        this.log = log;
        this.policy = policy;
        this.json = json;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Settings

    /** Saves the board-wide settings; returns false when nothing changed. */
    @Transactional
    public boolean updateSettings(long adminId, Settings next, int seenVersion) {
        Account admin = admin(adminId);
        Settings current = policy.settings();
        if (current.version() != seenVersion) {
            throw new StaleException();
        }
        List<String> changes = next.changesFrom(current);
        if (changes.isEmpty()) {
            return false;
        }
        int updated = em.createNativeQuery("""
                update moderation_policy set mode = ?1, hold_first_posts = ?2, hold_new_account_days = ?3, max_links = ?4,
                    posts_per_minute = ?5, target_low_minutes = ?6, target_mid_minutes = ?7, target_high_minutes = ?8,
                    staff_in_public = ?9, version = version + 1
                where id = 1 and version = ?10""")
                .setParameter(1, next.mode()).setParameter(2, next.holdFirstPosts())
                .setParameter(3, next.holdNewAccountDays()).setParameter(4, next.maxLinks())
                .setParameter(5, next.postsPerMinute()).setParameter(6, next.targetLowMinutes())
                .setParameter(7, next.targetMidMinutes()).setParameter(8, next.targetHighMinutes())
                .setParameter(9, next.staffInPublic()).setParameter(10, seenVersion)
                .executeUpdate();
        if (updated == 0) {
            // another admin saved this version first (the policy read above may be this instance's remembered copy):
            // nothing changed, so nothing goes on the append-only log
            throw new StaleException();
        }
        changed(admin, "Moderation settings changed: " + String.join("; ", changes), null, detail(current, next));
        return true;
    }

    /** Sets a subject's own moderation mode ({@code POST}, {@code PRE}), or back to the board's ({@code null}). */
    @Transactional
    public void setSubjectMode(long adminId, String slug, String mode) {
        Account admin = admin(adminId);
        if (!org.candor.subject.SubjectService.isSlug(slug)) {
            throw new NotFoundException();
        }
        Tuple subject = Sql.tuples(em.createNativeQuery("select id as id, moderation_mode as mode from subject where slug = ?1",
                Tuple.class).setParameter(1, slug)).stream().findFirst()
                .orElseThrow(NotFoundException::new);
        long subjectId = Sql.number(subject, "id");
        String before = Sql.text(subject, "mode") == null ? "board default" : Sql.text(subject, "mode");
        String after = mode == null ? "board default" : mode;
        if (before.equals(after)) {
            return;
        }
        em.createNativeQuery("update subject set moderation_mode = ?1 where id = ?2")
                .setParameter(1, mode).setParameter(2, subjectId).executeUpdate();
        changed(admin, "Moderation mode of " + slug + ": " + before + " → " + after, subjectId,
                detail(Map.of("subject", slug, "mode", before), Map.of("subject", slug, "mode", after)));
    }

    /** A subject with its own moderation mode. */
    public record SubjectMode(String slug, String name, String mode) {
    }

    /** Subjects whose mode is set, whatever the board's. */
    public List<SubjectMode> subjectModes() {
        return Sql.tuples(em.createNativeQuery("select slug as slug, name as name, moderation_mode as mode from subject "
                + "where moderation_mode is not null order by slug", Tuple.class)).stream()
                .map(t -> new SubjectMode(Sql.text(t, "slug"), Sql.text(t, "name"), Sql.text(t, "mode"))).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Word rules

    public List<RuleRow> allRules() {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, pattern as pattern, is_regex as is_regex, action as action, active as active,
                    created_at as created_at
                from word_rule order by active desc, id""", Tuple.class)).stream()
                .map(t -> new RuleRow(Sql.number(t, "id"), Sql.text(t, "pattern"), Sql.bool(t, "is_regex"),
                        WordRules.Action.valueOf(Sql.text(t, "action")), Sql.bool(t, "active"), Sql.instant(t, "created_at")))
                .toList();
    }

    /** Adds a rule; a regular expression that does not compile is refused. */
    @Transactional
    public long addRule(long adminId, String pattern, boolean regex, WordRules.Action action) {
        Account admin = admin(adminId);
        check(pattern, regex);
        long id = ((Number) em.createNativeQuery(
                "insert into word_rule (pattern, is_regex, action) values (?1, ?2, ?3) returning id")
                .setParameter(1, pattern.strip()).setParameter(2, regex).setParameter(3, action.name())
                .getSingleResult()).longValue();
        changed(admin, "Word rule #" + id + " added (" + (regex ? "pattern" : "word") + ", action " + action + ")", null,
                detail(null, Map.of("id", id, "pattern", pattern.strip(), "regex", regex, "action", action)));
        return id;
    }

    /** Retires a rule: it stops applying, and stays on record. */
    @Transactional
    public void retireRule(long adminId, long ruleId) {
        Account admin = admin(adminId);
        int n = em.createNativeQuery("update word_rule set active = false, retired_at = now(), version = version + 1 "
                + "where id = ?1 and active").setParameter(1, ruleId).executeUpdate();
        if (n == 1) {
            changed(admin, "Word rule #" + ruleId + " retired", null, null);
        }
    }

    /** Refuses a pattern that cannot work. */
    public static void check(String pattern, boolean regex) {
        try {
            WordRules.compile(pattern, regex);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("pattern", "{candor.policy.pattern}", e.getMessage());
        }
    }

    /** How the rules in force, and the rules with this one added, would have treated the last 30 days of posts. */
    public DryRun dryRun(WordRules.Rule added, Integer maxLinks) {
        if (added != null) {
            check(added.pattern(), added.regex());
        }
        List<WordRules.Rule> current = policy.rules();
        List<WordRules.Rule> proposed = new ArrayList<>(current);
        if (added != null) {
            proposed.add(added);
        }
        Settings settings = policy.settings();
        List<String> posts = recentPosts();
        return new DryRun(posts.size(), tally(posts, WordRules.of(current), settings.maxLinks()),
                tally(posts, WordRules.of(proposed), maxLinks == null ? settings.maxLinks() : maxLinks));
    }

    /** The texts of reviews and comments written in the last 30 days, newest first (at most 20,000). */
    List<String> recentPosts() {
        return em.createNativeQuery("""
                select text from (
                    select coalesce(title || chr(10), '') || body text, created_at from review
                    where created_at > now() - interval '30 days'
                    union all
                    select body, created_at from comment where created_at > now() - interval '30 days') p
                order by created_at desc limit 20000""").getResultList().stream().map(String.class::cast).toList();
    }

    private static Tally tally(List<String> posts, WordRules rules, int maxLinks) {
        int[] counts = new int[ModerationPolicy.Outcome.values().length];
        List<Example> examples = new ArrayList<>();
        for (String text : posts) {
            ModerationPolicy.Verdict v = ModerationPolicy.byText(rules, maxLinks, text);
            counts[v.outcome().ordinal()]++;
            if (v.outcome() != ModerationPolicy.Outcome.PUBLISH && examples.size() < 10) {
                String excerpt = text.length() > 140 ? text.substring(0, 140) + "…" : text;
                examples.add(new Example(v.outcome().name(), excerpt, v.rule(), v.matched()));
            }
        }
        return new Tally(counts[ModerationPolicy.Outcome.PUBLISH.ordinal()], counts[ModerationPolicy.Outcome.FLAG.ordinal()],
                counts[ModerationPolicy.Outcome.HOLD.ordinal()], counts[ModerationPolicy.Outcome.REJECT.ordinal()],
                examples);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Canned responses

    public List<Canned> canned() {
        return Sql.tuples(em.createNativeQuery("""
                select c.id as id, c.title as title, c.body as body, c.category as category,
                    c.allowed_role as allowed_role, c.active as active,
                    (select count(*) from official_reply r where r.canned_id = c.id) as uses, c.version as version
                from canned_response c order by c.active desc, c.category, c.title, c.id""", Tuple.class)).stream()
                .map(t -> new Canned(Sql.number(t, "id"), Sql.text(t, "title"), Sql.text(t, "body"), Sql.text(t, "category"),
                        Sql.text(t, "allowed_role"), Sql.bool(t, "active"), Sql.number(t, "uses"), Sql.integer(t, "version")))
                .toList();
    }

    public Optional<Canned> canned(long id) {
        return canned().stream().filter(c -> c.id() == id).findFirst();
    }

    @Transactional
    public long saveCanned(long adminId, Long id, Integer seenVersion, String title, String body, String category,
            Role allowed) {
        Account admin = admin(adminId);
        if (id == null) {
            long created = ((Number) em.createNativeQuery("""
                    insert into canned_response (title, body, category, allowed_role) values (?1, ?2, ?3, ?4) returning id""")
                    .setParameter(1, title.strip()).setParameter(2, body.strip()).setParameter(3, category.strip())
                    .setParameter(4, allowed.name()).getSingleResult()).longValue();
            changed(admin, "Canned response \"" + title.strip() + "\" created (for " + allowed.name().toLowerCase(java.util.Locale.ROOT) + "s)",
                    null, detail(null, Map.of("title", title.strip(), "body", body.strip(), "category", category.strip(),
                            "allowedRole", allowed.name())));
            return created;
        }
        Canned before = canned(id).orElseThrow(NotFoundException::new);
        int n = em.createNativeQuery("""
                update canned_response set title = ?1, body = ?2, category = ?3, allowed_role = ?4, version = version + 1
                where id = ?5 and version = ?6""")
                .setParameter(1, title.strip()).setParameter(2, body.strip()).setParameter(3, category.strip())
                .setParameter(4, allowed.name()).setParameter(5, id).setParameter(6, seenVersion).executeUpdate();
        if (n == 0) {
            throw new StaleException();
        }
        changed(admin, "Canned response \"" + title.strip() + "\" edited", null, detail(
                Map.of("title", before.title(), "body", before.body(), "category", before.category(),
                        "allowedRole", before.allowedRole()),
                Map.of("title", title.strip(), "body", body.strip(), "category", category.strip(),
                        "allowedRole", allowed.name())));
        return id;
    }

    @Transactional
    public void retireCanned(long adminId, long id) {
        Account admin = admin(adminId);
        Object title = em.createNativeQuery("update canned_response set active = false, retired_at = now(), "
                + "version = version + 1 where id = ?1 and active returning title").setParameter(1, id)
                .getResultList().stream().findFirst().orElse(null);
        if (title != null) {
            changed(admin, "Canned response \"" + title + "\" retired", null, null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Offers

    public List<Offer> offers() {
        return Sql.tuples(em.createNativeQuery("""
                select o.id as id, o.name as name, o.description as description, o.allowed_role as allowed_role,
                    o.active as active, (select count(*) from offer_grant g where g.offer_type_id = o.id) as grants,
                    o.version as version
                from offer_type o order by o.active desc, o.name, o.id""", Tuple.class)).stream()
                .map(t -> new Offer(Sql.number(t, "id"), Sql.text(t, "name"), Sql.text(t, "description"),
                        Sql.text(t, "allowed_role"), Sql.bool(t, "active"), Sql.number(t, "grants"), Sql.integer(t, "version")))
                .toList();
    }

    @Transactional
    public long saveOffer(long adminId, Long id, Integer seenVersion, String name, String description, Role allowed) {
        Account admin = admin(adminId);
        if (id == null) {
            long created = ((Number) em.createNativeQuery(
                    "insert into offer_type (name, description, allowed_role) values (?1, ?2, ?3) returning id")
                    .setParameter(1, name.strip()).setParameter(2, description == null ? "" : description.strip())
                    .setParameter(3, allowed.name()).getSingleResult()).longValue();
            changed(admin, "Offer \"" + name.strip() + "\" created (granted by " + allowed.name().toLowerCase(java.util.Locale.ROOT) + "s)",
                    null, null);
            return created;
        }
        Offer before = offers().stream().filter(o -> o.id() == id).findFirst().orElseThrow(NotFoundException::new);
        int n = em.createNativeQuery("""
                update offer_type set name = ?1, description = ?2, allowed_role = ?3, version = version + 1
                where id = ?4 and version = ?5""")
                .setParameter(1, name.strip()).setParameter(2, description == null ? "" : description.strip())
                .setParameter(3, allowed.name()).setParameter(4, id).setParameter(5, seenVersion).executeUpdate();
        if (n == 0) {
            throw new StaleException();
        }
        changed(admin, "Offer \"" + name.strip() + "\" edited", null, detail(
                Map.of("name", before.name(), "description", before.description(), "allowedRole", before.allowedRole()),
                Map.of("name", name.strip(), "description", description == null ? "" : description.strip(),
                        "allowedRole", allowed.name())));
        return id;
    }

    @Transactional
    public void retireOffer(long adminId, long id) {
        Account admin = admin(adminId);
        Object name = em.createNativeQuery("update offer_type set active = false, retired_at = now(), "
                + "version = version + 1 where id = ?1 and active returning name").setParameter(1, id)
                .getResultList().stream().findFirst().orElse(null);
        if (name != null) {
            changed(admin, "Offer \"" + name + "\" retired", null, null);
        }
    }

    /** One line of the offer-consistency view: a kind of complaint at a rating, and what it got. */
    public record ConsistencyRow(String complaint, int rating, long replied, String offers, long withoutOffer,
            List<Long> withoutOfferReviews) {
    }

    /** Per complaint and rating: how many replies, which offers were granted, and which similar ones got none. */
    public List<ConsistencyRow> consistency() {
        return Sql.tuples(em.createNativeQuery("""
                select coalesce(r.complaint, 'OTHER') as complaint, v.rating as rating,
                    count(distinct r.review_id) as replied,
                    coalesce(string_agg(distinct o.name, ', '), '') as offers,
                    count(distinct r.review_id) filter (where not exists (select 1 from offer_grant g2 where g2.review_id = r.review_id))
                        as without_offer,
                    array_to_string((array_agg(distinct r.review_id) filter (where not exists
                        (select 1 from offer_grant g3 where g3.review_id = r.review_id)))[1:20], ',') as without_offer_reviews
                from official_reply r join review v on v.id = r.review_id
                left join offer_grant g on g.review_id = r.review_id left join offer_type o on o.id = g.offer_type_id
                group by 1, 2 order by 1, 2""", Tuple.class)).stream()
                .map(t -> {
                    String ids = Sql.text(t, "without_offer_reviews");
                    return new ConsistencyRow(Sql.text(t, "complaint"), Sql.integer(t, "rating"), Sql.number(t, "replied"),
                            Sql.text(t, "offers"), Sql.number(t, "without_offer"), ids == null || ids.isEmpty() ? List.of()
                                    : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
                })
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Roles

    /** Accounts whose name, provider or e-mail contains the query (staff first when the query is empty). */
    public List<AccountRow> findAccounts(String q) {
        String like = "%" + (q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_")) + "%";
        return Sql.tuples(em.createNativeQuery("""
                select a.id as id, a.provider as provider, a.display_name as name, a.email as email, a.role as role,
                    a.staff_handle as handle,
                    (select string_agg(s.slug, ', ' order by s.slug) from subject s where s.id = any(a.scope_subject_ids))
                        as scope
                from account a
                where lower(a.display_name) like ?1 or lower(a.provider) like ?1 or lower(coalesce(a.email, '')) like ?1
                order by case a.role when 'ADMIN' then 0 when 'MODERATOR' then 1 else 2 end, a.display_name, a.id
                limit 50""", Tuple.class).setParameter(1, like)).stream()
                .map(t -> new AccountRow(Sql.number(t, "id"), Sql.text(t, "provider"), Sql.text(t, "name"),
                        Sql.text(t, "email"), Role.valueOf(Sql.text(t, "role")), Sql.text(t, "handle"), Sql.text(t, "scope")))
                .toList();
    }

    /**
     * Sets an account's role, public staff handle and (for moderators) the subjects they moderate, given as
     * comma-separated slugs (blank: all). Granting or revoking a role is on the public log.
     */
    @Transactional
    public void setRole(long adminId, long accountId, Role role, String handle, String scopeSlugs) {
        Account admin = admin(adminId);
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException();
        }
        if (account.id == admin.id && role != Role.ADMIN) {
            throw new InvalidException("role", "{candor.policy.self}", null);
        }
        List<String> slugs = scopeSlugs == null ? List.of() : Arrays.stream(scopeSlugs.split("[,\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs) {
            List<?> found = em.createNativeQuery("select id from subject where slug = ?1").setParameter(1, slug)
                    .getResultList();
            if (found.isEmpty()) {
                throw new InvalidException("scope", "{candor.policy.scope}", slug);
            }
            ids.add(((Number) found.get(0)).longValue());
        }
        Role before = account.role;
        String newHandle = handle == null || handle.isBlank() ? null : handle.strip();
        account.role = role;
        account.staffHandle = newHandle;
        em.flush();
        em.createNativeQuery("update account set scope_subject_ids = cast(?1 as bigint[]) where id = ?2")
                .setParameter(1, ids.isEmpty() || role != Role.MODERATOR ? null
                        : ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, accountId).executeUpdate();
        if (before != role) {
            boolean granted = role.ordinal() > before.ordinal();
            String shown = publicActor.handle(account);
            String who = shown == null ? "an account" : shown;
            String what = granted ? PublicActor.role(role) + " role granted to " + who
                    : PublicActor.role(before) + " role revoked from " + who
                            + (role == Role.CUSTOMER ? "" : " (now " + PublicActor.role(role) + ")");
            log.append(draft(admin, granted ? LogKind.ROLE_GRANTED : LogKind.ROLE_REVOKED, what, null));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Account admin(long adminId) {
        return accounts.admin(adminId);
    }

    private void changed(Account admin, String summary, Long subjectId, String detail) {
        em.createNativeQuery("insert into policy_version (changed_by, summary, detail) values (?1, ?2, ?3)")
                .setParameter(1, admin.id).setParameter(2, summary).setParameter(3, detail).executeUpdate();
        log.append(draft(admin, LogKind.POLICY_CHANGE, summary, subjectId));
    }

    private PublicLog.Draft draft(Account admin, LogKind kind, String body, Long subjectId) {
        String slug = subjectId == null ? null : (String) em.createNativeQuery("select slug from subject where id = ?1")
                .setParameter(1, subjectId).getSingleResult();
        return new PublicLog.Draft(kind, subjectId, slug, null, null, PublicActor.role(admin.role),
                publicActor.handle(admin), null, null, body, null);
    }

    /** The values before and after a change, as JSON, for {@code policy_version.detail}. */
    private String detail(Object before, Object after) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("before", before);
        d.put("after", after);
        try {
            return json.writeValueAsString(d);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


}
