package org.candor.moderation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.candor.Sql;

/** A moderator's alerts as they read them: the badge's count, the list, and marking them seen. */
@ApplicationScoped
public class AlertInbox {

    static final int PAGE = 50;

    /** One alert as its moderator reads it. */
    public record Alert(long id, Alerts.Kind kind, String subjectName, String summary, String link, Instant createdAt,
            boolean seen, String words) {
    }

    private final EntityManager em;

    AlertInbox(EntityManager em) {
        this.em = em;
    }

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
                .map(t -> new Alert(Sql.number(t, "id"), Alerts.Kind.valueOf(Sql.text(t, "kind")), Sql.text(t, "subject"),
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
}
