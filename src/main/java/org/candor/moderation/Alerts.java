package org.candor.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.candor.LiveStreams;
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
    private static final int SUMMARY = 160;

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

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final AlertSubscriptions subscriptions;
    private final ManagedExecutor executor;
    private volatile Instant overdueChecked = Instant.now();

    Alerts(EntityManager em, TransactionSynchronizationRegistry transactions, AlertSubscriptions subscriptions) {
        this.em = em;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        // matching runs after the transaction that raised it has committed: it must not carry that transaction along
        this.executor = LiveStreams.afterCommitExecutor(2);
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
        if (kinds(source).stream().noneMatch(subscriptions.subscribedKinds()::contains)) {
            return;
        }
        LiveStreams.afterCommit(transactions, () -> executor.runAsync(() -> {
            try {
                match(source, Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("Could not raise alerts for %s: %s", source, e.getMessage());
            }
        }));
    }

    /**
     * Creates an alert for each moderator with a subscription this source matches (in their scope, at most one per
     * moderator per thing), timed for e-mail by their settings as of {@code now}, and tells their browsers. Returns
     * how many alerts were created.
     */
    @Transactional
    public int match(Source source, Instant now) {
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
            AlertDelivery delivery = AlertSubscriptions.delivery(s);
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
        if (!subscriptions.subscribedKinds().contains(Kind.OVERDUE)) {
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
}
