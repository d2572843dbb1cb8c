package org.candor.moderation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.LiveStreams;
import org.candor.Sql;
import org.candor.moderation.Alerts.Kind;

/**
 * What each moderator subscribes to, and how their alerts are e-mailed ({@link AlertDelivery}); and, for posting, which
 * kinds anyone subscribes to at all (read at most every two seconds: a subscription made on another instance counts
 * within that time, one made on this instance at once).
 */
@ApplicationScoped
public class AlertSubscriptions {

    private static final long SUBSCRIBED_FOR_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** One subscription as its moderator reads it. */
    public record Subscription(long id, Kind kind, String words, Integer maxRating, String subjectName,
            Instant createdAt) {
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** The kinds some moderator subscribes to, and when that was read. */
    private volatile Set<Kind> subscribed;
    private volatile long subscribedReadAt;

    AlertSubscriptions(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** The kinds of subscription in force anywhere, read at most every two seconds. */
    Set<Kind> subscribedKinds() {
        Set<Kind> kinds = subscribed;
        if (kinds == null || System.nanoTime() - subscribedReadAt > SUBSCRIBED_FOR_NANOS) {
            @SuppressWarnings("unchecked")
            List<String> names = em.createNativeQuery(
                    "select distinct kind from alert_subscription where ended_at is null").getResultList();
            kinds = names.stream().map(Kind::valueOf).collect(Collectors.toCollection(
                    () -> EnumSet.noneOf(Kind.class)));
            subscribed = kinds;
            subscribedReadAt = System.nanoTime();
        }
        return kinds;
    }

    /** This instance reads the kinds subscribed to again once the current transaction has committed. */
    private void forgetSubscribedAtCommit() {
        LiveStreams.afterCommit(transactions, () -> subscribed = null);
    }

    /** How this moderator's alerts are e-mailed. */
    @Transactional
    public AlertDelivery delivery(long accountId) {
        return Sql.tuples(em.createNativeQuery("""
                select time_zone as zone, language as language, email as email, digest_times as times,
                    quiet_from as quiet_from, quiet_to as quiet_to
                from alert_settings where account_id = ?1""", Tuple.class).setParameter(1, accountId)).stream()
                .findFirst().map(AlertSubscriptions::delivery).orElse(AlertDelivery.DEFAULT);
    }

    /** The delivery of a row with the columns zone, language, email, times, quiet_from and quiet_to. */
    static AlertDelivery delivery(Tuple t) {
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
