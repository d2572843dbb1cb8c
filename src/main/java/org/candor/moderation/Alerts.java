package org.candor.moderation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;

import org.candor.Sql;
import org.candor.review.PostEvent;

/**
 * Listen mode: moderators subscribe to what they want to hear about at once — words or phrases, ratings at or below N,
 * reports, notices, appeals, items past their response target, incidents; on one subject or every subject they
 * moderate — and each match becomes one alert for them: live in the app (a badge and a list, {@link AlertEvents}) and,
 * as they chose in their {@link AlertDelivery}, by e-mail at once or in a digest, in their time zone, outside their
 * quiet hours. Matching runs after the transaction that brought the thing in has committed, off the request.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);
    /** The NOTIFY channel: the payload is the id of the account with a new alert. */
    public static final String CHANNEL = "candor_alerts";
    static final int PAGE = 50;
    private static final int SUMMARY = 160;
    private static final int MAIL_BATCH = 500;

    /** What subscriptions are about. */
    public enum Kind {
        WORDS, RATING, REPORTS, NOTICES, APPEALS, OVERDUE, INCIDENTS;

        public String labelKey() {
            return "alert_kind_" + name();
        }
    }

    /** Something that may be worth an alert. */
    public sealed interface Source {
        record Review(long reviewId) implements Source {
        }

        record Comment(long commentId) implements Source {
        }

        /** A queue item: a report, a notice or an appeal. */
        record Item(long itemId) implements Source {
        }

        /** A queue item that went past its response target. */
        record Overdue(long itemId) implements Source {
        }

        record Incident(long incidentId) implements Source {
        }
    }

    /** What is known of a source, for matching and for the alert's text. */
    private record Facts(long subjectId, String text, Integer rating, String about, String link, String summary,
            List<Kind> kinds) {
    }

    /** One alert as its moderator reads it. */
    public record Alert(long id, Kind kind, String subjectName, String summary, String link, Instant createdAt,
            boolean seen, String words) {
    }

    /** One subscription as its moderator reads it. */
    public record Subscription(long id, Kind kind, String words, Integer maxRating, String subjectName,
            Instant createdAt) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance alerts(String name, List<Alert> alerts, boolean digest, String publicUrl);

        static native TemplateInstance alertsSubject(int count, boolean digest);
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final ModerationConfig config;
    private final MailConfig mail;
    private final ManagedExecutor executor;
    private volatile Instant overdueChecked = Instant.now();
    /** The kinds some moderator subscribes to, and when that was read (subscriptions made elsewhere: within 2 s). */
    private volatile java.util.Set<Kind> subscribed;
    private volatile long subscribedReadAt;
    private static final long SUBSCRIBED_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    Alerts(EntityManager em, TransactionSynchronizationRegistry transactions, ModerationConfig config, MailConfig mail) {
        this.em = em;
        this.transactions = transactions;
        this.config = config;
        this.mail = mail;
        // matching runs after the transaction that raised it has committed: it must not carry that transaction along
        this.executor = org.candor.LiveStreams.afterCommitExecutor(2);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Raising

    void reviewPosted(@Observes PostEvent.ReviewPosted posted) {
        raise(new Source.Review(posted.reviewId()));
    }

    void commentPosted(@Observes PostEvent.CommentPosted posted) {
        raise(new Source.Comment(posted.commentId()));
    }

    /**
     * Looks for subscribers to this once the current transaction has committed (nothing if it rolls back). When no
     * moderator subscribes to anything of its kind (as far as this instance knew a moment ago), nothing is done at all:
     * posting pays for alerts only when someone listens.
     */
    @Transactional(TxType.MANDATORY)
    public void raise(Source source) {
        if (kinds(source).stream().noneMatch(subscribedKinds()::contains)) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.runAsync(() -> {
                        try {
                            match(source, Instant.now());
                        } catch (RuntimeException e) {
                            LOG.warnf("Could not raise alerts for %s: %s", source, e.getMessage());
                        }
                    });
                }
            }
        });
    }

    /**
     * Creates an alert for each moderator with a subscription this source matches (in their scope, at most one per
     * moderator per thing), timed for e-mail by their settings as of {@code now}, and tells their browsers. Returns
     * how many alerts were created.
     */
    @Transactional
    public int match(Source source, Instant now) {
        // most posts interest nobody: one look at the (small) table of subscriptions before reading the post
        if (em.createNativeQuery("select 1 from alert_subscription where ended_at is null and kind in (:kinds) limit 1")
                .setParameter("kinds", kinds(source).stream().map(Kind::name).toList()).getResultList().isEmpty()) {
            return 0;
        }
        Optional<Facts> found = facts(source);
        if (found.isEmpty()) {
            return 0;
        }
        Facts f = found.get();
        List<Tuple> subscribers = Sql.tuples(em.createNativeQuery("""
                select s.id as subscription, s.account_id as account, s.kind as kind,
                    st.time_zone as zone, st.language as language, st.email as email, st.digest_times as times,
                    st.quiet_from as quiet_from, st.quiet_to as quiet_to, a.email as address
                from alert_subscription s join account a on a.id = s.account_id
                left join alert_settings st on st.account_id = s.account_id
                where s.ended_at is null and s.kind in (:kinds) and a.role in ('MODERATOR', 'ADMIN') and a.closed_at is null
                    and (s.subject_id is null or s.subject_id = :subject)
                    and (a.role = 'ADMIN' or a.scope_subject_ids is null or :subject = any(a.scope_subject_ids))
                    and (s.kind <> 'WORDS' or :text ~* ('\\m' || regexp_replace(s.words, '([.*+?^${}()|\\[\\]\\\\])',
                        '\\\\\\1', 'g') || '\\M'))
                    and (s.kind <> 'RATING' or :rating <= s.max_rating)
                order by s.account_id, s.id""", Tuple.class)
                .setParameter("kinds", f.kinds().stream().map(Kind::name).toList())
                .setParameter("subject", f.subjectId()).setParameter("text", f.text() == null ? "" : f.text())
                .setParameter("rating", f.rating() == null ? 6 : f.rating()));
        int created = 0;
        Long lastAccount = null;
        for (Tuple s : subscribers) {
            long account = Sql.number(s, "account");
            if (Long.valueOf(account).equals(lastAccount)) {
                continue; // one alert per moderator per thing: their first matching subscription raises it
            }
            lastAccount = account;
            AlertDelivery delivery = delivery(s);
            Instant due = Sql.text(s, "address") == null ? null : delivery.mailDue(now);
            int inserted = em.createNativeQuery("""
                    insert into alert (account_id, subscription_id, kind, subject_id, about, link, summary, created_at,
                        mail_due_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (account_id, about) do nothing""")
                    .setParameter(1, account).setParameter(2, Sql.number(s, "subscription"))
                    .setParameter(3, Sql.text(s, "kind")).setParameter(4, f.subjectId()).setParameter(5, f.about())
                    .setParameter(6, f.link()).setParameter(7, f.summary()).setParameter(8, now)
                    .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.INSTANT, due))
                    .executeUpdate();
            if (inserted > 0) {
                created++;
                em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                        .setParameter(2, Long.toString(account)).getSingleResult();
            }
        }
        return created;
    }

    /** The kinds of subscription in force anywhere, read at most every two seconds. */
    private java.util.Set<Kind> subscribedKinds() {
        java.util.Set<Kind> kinds = subscribed;
        if (kinds == null || System.nanoTime() - subscribedReadAt > SUBSCRIBED_FOR_NANOS) {
            @SuppressWarnings("unchecked")
            List<String> names = em.createNativeQuery(
                    "select distinct kind from alert_subscription where ended_at is null").getResultList();
            kinds = names.stream().map(Kind::valueOf).collect(java.util.stream.Collectors.toCollection(
                    () -> java.util.EnumSet.noneOf(Kind.class)));
            subscribed = kinds;
            subscribedReadAt = System.nanoTime();
        }
        return kinds;
    }

    /** This instance reads the kinds subscribed to again once the current transaction has ended. */
    private void forgetSubscribedAtCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                subscribed = null;
            }
        });
    }

    /** The kinds of subscription a source can match. */
    private static List<Kind> kinds(Source source) {
        if (source instanceof Source.Review) {
            return List.of(Kind.WORDS, Kind.RATING);
        }
        if (source instanceof Source.Comment) {
            return List.of(Kind.WORDS);
        }
        if (source instanceof Source.Item) {
            return List.of(Kind.REPORTS, Kind.NOTICES, Kind.APPEALS);
        }
        return List.of(source instanceof Source.Overdue ? Kind.OVERDUE : Kind.INCIDENTS);
    }

    private Optional<Facts> facts(Source source) {
        if (source instanceof Source.Review r) {
            return one("""
                    select r.subject_id as subject, coalesce(r.title || ' ', '') || r.body as text, r.rating as rating,
                        (select min(i.id) from queue_item i where i.review_id = r.id and i.comment_id is null
                            and i.status = 'OPEN') as item
                    from review r where r.id = ?1""", r.reviewId()).map(t -> new Facts(Sql.number(t, "subject"),
                    Sql.text(t, "text"), Sql.integer(t, "rating"), "review:" + r.reviewId(),
                    link(Sql.number(t, "item"), r.reviewId()), excerpt(Sql.text(t, "text")), kinds(source)));
        }
        if (source instanceof Source.Comment c) {
            return one("""
                    select r.subject_id as subject, c.body as text, c.review_id as review,
                        (select min(i.id) from queue_item i where i.comment_id = c.id and i.status = 'OPEN') as item
                    from comment c join review r on r.id = c.review_id where c.id = ?1""", c.commentId())
                    .map(t -> new Facts(Sql.number(t, "subject"), Sql.text(t, "text"), null, "comment:" + c.commentId(),
                            link(Sql.number(t, "item"), Sql.number(t, "review")), excerpt(Sql.text(t, "text")),
                            kinds(source)));
        }
        if (source instanceof Source.Item i) {
            return item(i.itemId()).flatMap(t -> {
                Kind kind = switch (ItemKind.valueOf(Sql.text(t, "kind"))) {
                    case REPORT -> Kind.REPORTS;
                    case NOTICE -> Kind.NOTICES;
                    case APPEAL -> Kind.APPEALS;
                    default -> null;
                };
                return kind == null ? Optional.empty() : Optional.of(new Facts(Sql.number(t, "subject"),
                        Sql.text(t, "text"), Sql.integer(t, "rating"), "item:" + i.itemId(),
                        "/moderation/items/" + i.itemId(), excerpt(Sql.text(t, "text")), List.of(kind)));
            });
        }
        if (source instanceof Source.Overdue o) {
            return item(o.itemId()).map(t -> new Facts(Sql.number(t, "subject"), Sql.text(t, "text"),
                    Sql.integer(t, "rating"), "overdue:" + o.itemId(), "/moderation/items/" + o.itemId(),
                    excerpt(Sql.text(t, "text")), kinds(source)));
        }
        Source.Incident n = (Source.Incident) source;
        return one("select subject_id as subject, signals as signals from incident where id = ?1", n.incidentId())
                .map(t -> new Facts(Sql.number(t, "subject"), null, null, "incident:" + n.incidentId(),
                        "/moderation/incidents/" + n.incidentId(), signals(Sql.text(t, "signals")),
                        kinds(source)));
    }

    private Optional<Tuple> item(long itemId) {
        return one("""
                select i.kind as kind, r.subject_id as subject, r.rating as rating,
                    coalesce(c.body, coalesce(r.title || ' ', '') || r.body) as text
                from queue_item i join review r on r.id = i.review_id left join comment c on c.id = i.comment_id
                where i.id = ?1""", itemId);
    }

    private Optional<Tuple> one(String sql, long id) {
        return Sql.tuples(em.createNativeQuery(sql, Tuple.class).setParameter(1, id)).stream().findFirst();
    }

    private static String link(Long item, long reviewId) {
        return item != null ? "/moderation/items/" + item : "/moderation/reviews/" + reviewId;
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SUMMARY ? flat : flat.substring(0, SUMMARY - 1).strip() + "…";
    }

    /** The names of the signals that fired, from an incident's numbers ("rate, duplicates"). */
    private static String signals(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"signals\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1).replace(",", ", ") : "";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Items past their response target

    @Scheduled(every = "${candor.alerts.overdue-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void overdueScheduled() {
        Instant now = Instant.now();
        overdue(overdueChecked, now);
        overdueChecked = now;
    }

    /** Raises OVERDUE alerts for the open items whose target passed in (from, to]; returns how many were found. */
    @Transactional
    public int overdue(Instant from, Instant to) {
        if (em.createNativeQuery("select 1 from alert_subscription where kind = 'OVERDUE' and ended_at is null limit 1")
                .getResultList().isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Number> items = em.createNativeQuery("""
                select id from queue_item where status = 'OPEN' and due_at > ?1 and due_at <= ?2 order by due_at limit 1000""")
                .setParameter(1, from).setParameter(2, to).getResultList();
        for (Number item : items) {
            match(new Source.Overdue(item.longValue()), to);
        }
        return items.size();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // E-mail

    @Scheduled(every = "${candor.alerts.mail-every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void mailScheduled() {
        if (mail.enabled()) {
            sendDue(Instant.now());
        }
    }

    /**
     * Queues one e-mail per moderator with the alerts due by {@code now} (one at a time, or a digest), in their
     * language, and marks them mailed. Returns how many e-mails were queued.
     */
    @Transactional
    public int sendDue(Instant now) {
        List<Tuple> due = Sql.tuples(em.createNativeQuery("""
                select al.id as id, al.account_id as account, al.kind as kind, s.name as subject, al.summary as summary,
                    al.link as link, al.created_at as created_at, a.email as address, a.display_name as name,
                    coalesce(st.language, 'en') as language, coalesce(st.email, 'OFF') as mode
                from alert al join account a on a.id = al.account_id left join subject s on s.id = al.subject_id
                left join alert_settings st on st.account_id = al.account_id
                where al.mailed_at is null and al.mail_due_at <= ?1
                order by al.account_id, al.id limit ?2 for update of al skip locked""", Tuple.class)
                .setParameter(1, now).setParameter(2, MAIL_BATCH));
        Map<Long, List<Tuple>> byAccount = new LinkedHashMap<>();
        for (Tuple t : due) {
            byAccount.computeIfAbsent(Sql.number(t, "account"), k -> new ArrayList<>()).add(t);
        }
        for (List<Tuple> rows : byAccount.values()) {
            Tuple first = rows.get(0);
            boolean digest = "DIGEST".equals(Sql.text(first, "mode"));
            List<Alert> alerts = rows.stream().map(t -> new Alert(Sql.number(t, "id"), Kind.valueOf(Sql.text(t, "kind")),
                    Sql.text(t, "subject"), Sql.text(t, "summary"), Sql.text(t, "link"), Sql.instant(t, "created_at"),
                    false, null)).toList();
            Locale locale = Locale.forLanguageTag(Sql.text(first, "language"));
            em.createNativeQuery("insert into mail_outbox (to_address, subject, body) values (?1, ?2, ?3)")
                    .setParameter(1, Sql.text(first, "address"))
                    .setParameter(2, Templates.alertsSubject(alerts.size(), digest).setLocale(locale).render().strip())
                    .setParameter(3, Templates.alerts(Sql.text(first, "name"), alerts, digest, config.publicUrl())
                            .setLocale(locale).render())
                    .executeUpdate();
            em.createNativeQuery("update alert set mailed_at = ?2 where id = any(cast(?1 as bigint[]))")
                    .setParameter(1, alerts.stream().map(a -> Long.toString(a.id()))
                            .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .setParameter(2, now).executeUpdate();
        }
        return byAccount.size();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading and settings

    /** How many alerts this moderator has not marked seen. */
    @Transactional
    public long unseen(long accountId) {
        return ((Number) em.createNativeQuery("select count(*) from alert where account_id = ?1 and seen_at is null")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /** This moderator's alerts, newest first, before the alert {@code before} (null: the newest). */
    @Transactional
    public List<Alert> recent(long accountId, Long before) {
        return Sql.tuples(em.createNativeQuery("""
                select al.id as id, al.kind as kind, s.name as subject, al.summary as summary, al.link as link,
                    al.created_at as created_at, al.seen_at is not null as seen, sub.words as words
                from alert al left join subject s on s.id = al.subject_id
                join alert_subscription sub on sub.id = al.subscription_id
                where al.account_id = ?1 and al.id < ?2 order by al.id desc limit ?3""", Tuple.class)
                .setParameter(1, accountId).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, PAGE)).stream()
                .map(t -> new Alert(Sql.number(t, "id"), Kind.valueOf(Sql.text(t, "kind")), Sql.text(t, "subject"),
                        Sql.text(t, "summary"), Sql.text(t, "link"), Sql.instant(t, "created_at"), Sql.bool(t, "seen"),
                        Sql.text(t, "words")))
                .toList();
    }

    /** Marks every alert of this moderator up to {@code upTo} seen. */
    @Transactional
    public int markSeen(long accountId, long upTo) {
        return em.createNativeQuery("update alert set seen_at = now() where account_id = ?1 and id <= ?2 and seen_at is null")
                .setParameter(1, accountId).setParameter(2, upTo).executeUpdate();
    }

    /** How this moderator's alerts are e-mailed. */
    @Transactional
    public AlertDelivery delivery(long accountId) {
        return Sql.tuples(em.createNativeQuery("""
                select time_zone as zone, language as language, email as email, digest_times as times,
                    quiet_from as quiet_from, quiet_to as quiet_to
                from alert_settings where account_id = ?1""", Tuple.class).setParameter(1, accountId)).stream()
                .findFirst().map(Alerts::delivery).orElse(AlertDelivery.DEFAULT);
    }

    private static AlertDelivery delivery(Tuple t) {
        if (Sql.text(t, "email") == null) {
            return AlertDelivery.DEFAULT;
        }
        return new AlertDelivery(ZoneId.of(Sql.text(t, "zone")), Locale.forLanguageTag(Sql.text(t, "language")),
                AlertDelivery.Mode.valueOf(Sql.text(t, "email")), AlertDelivery.parseTimes(Sql.text(t, "times")),
                time(t.get("quiet_from")), time(t.get("quiet_to")));
    }

    private static LocalTime time(Object value) {
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return value instanceof LocalTime t ? t : null;
    }

    /** Saves how this moderator's alerts are e-mailed. */
    @Transactional
    public void save(long accountId, AlertDelivery d) {
        em.createNativeQuery("""
                insert into alert_settings (account_id, time_zone, language, email, digest_times, quiet_from, quiet_to)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (account_id) do update set time_zone = excluded.time_zone, language = excluded.language,
                    email = excluded.email, digest_times = excluded.digest_times, quiet_from = excluded.quiet_from,
                    quiet_to = excluded.quiet_to, changed_at = now()""")
                .setParameter(1, accountId).setParameter(2, d.zone().getId()).setParameter(3, d.locale().getLanguage())
                .setParameter(4, d.mode().name()).setParameter(5, d.timesText())
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.LOCAL_TIME, d.quietFrom()))
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.LOCAL_TIME, d.quietTo()))
                .executeUpdate();
        // alerts waiting for an e-mail are re-timed by the new settings
        em.createNativeQuery("update alert set mail_due_at = null where account_id = ?1 and mailed_at is null "
                + "and mail_due_at is not null").setParameter(1, accountId).executeUpdate();
        if (d.mode() != AlertDelivery.Mode.OFF) {
            Instant due = d.mailDue(Instant.now());
            em.createNativeQuery("update alert set mail_due_at = ?2 where account_id = ?1 and mailed_at is null "
                    + "and seen_at is null and created_at > now() - interval '1 day'")
                    .setParameter(1, accountId).setParameter(2, due).executeUpdate();
        }
    }

    /** This moderator's subscriptions in force, oldest first. */
    @Transactional
    public List<Subscription> subscriptions(long accountId) {
        return Sql.tuples(em.createNativeQuery("""
                select s.id as id, s.kind as kind, s.words as words, s.max_rating as max_rating, j.name as subject,
                    s.created_at as created_at
                from alert_subscription s left join subject j on j.id = s.subject_id
                where s.account_id = ?1 and s.ended_at is null order by s.id""", Tuple.class)
                .setParameter(1, accountId)).stream()
                .map(t -> new Subscription(Sql.number(t, "id"), Kind.valueOf(Sql.text(t, "kind")), Sql.text(t, "words"),
                        t.get("max_rating") == null ? null : Sql.integer(t, "max_rating"), Sql.text(t, "subject"),
                        Sql.instant(t, "created_at")))
                .toList();
    }

    /** Subscribes this moderator; {@code subjectId} null for every subject they moderate. */
    @Transactional
    public long subscribe(long accountId, Kind kind, String words, Integer maxRating, Long subjectId) {
        forgetSubscribedAtCommit();
        return ((Number) em.createNativeQuery("""
                insert into alert_subscription (account_id, kind, words, max_rating, subject_id)
                values (?1, ?2, ?3, ?4, ?5) returning id""")
                .setParameter(1, accountId).setParameter(2, kind.name())
                .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.STRING, kind == Kind.WORDS ? words : null))
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.INTEGER,
                        kind == Kind.RATING ? maxRating : null))
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.LONG, subjectId))
                .getSingleResult()).longValue();
    }

    /** Ends one of this moderator's subscriptions; false when it is not theirs or already ended. */
    @Transactional
    public boolean end(long accountId, long subscriptionId) {
        forgetSubscribedAtCommit();
        return em.createNativeQuery("update alert_subscription set ended_at = now() where id = ?1 and account_id = ?2 "
                + "and ended_at is null").setParameter(1, subscriptionId).setParameter(2, accountId).executeUpdate() > 0;
    }
}
