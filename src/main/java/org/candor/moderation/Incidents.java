package org.candor.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.policy.PublicActor;
import org.candor.publiclog.CanonicalJson;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;
import org.candor.review.PostEvent;

/**
 * Incidents: when {@link UnusualActivity} fires on a subject, the subject moves to pre-moderation (a policy change on
 * the public log, naming the signal), and an incident is opened for moderators to confirm or dismiss. A confirmed
 * incident puts a banner on the subject and shows its average with and without the unusual period; no review is hidden
 * by it. Dismissing or closing it restores the subject's previous mode. Every step is on the public log, so the
 * transparency numbers count them.
 */
@ApplicationScoped
public class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class);

    /** An incident as moderators see it. */
    public record Incident(long id, long subjectId, String subjectSlug, String subjectName, String status,
            Instant windowFrom, Instant windowTo, String signals, String modeBefore, Instant openedAt, String note) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        public String statusKey() {
            return "incident_status_" + status;
        }
    }

    private final EntityManager em;
    private final UnusualActivity detector;
    private final PublicLog log;
    private final AccountService accounts;
    private final PublicActor publicActor;
    private final ManagedExecutor executor;
    private final jakarta.enterprise.inject.Instance<ModerationService> moderation;
    private final Alerts alerts;

    Incidents(EntityManager em, UnusualActivity detector, PublicLog log, AccountService accounts,
            PublicActor publicActor, jakarta.enterprise.inject.Instance<ModerationService> moderation, Alerts alerts) {
        this.alerts = alerts;
        this.moderation = moderation;
        this.em = em;
        this.detector = detector;
        this.log = log;
        this.accounts = accounts;
        this.publicActor = publicActor;
        // the look runs after the posting transaction has committed: it must not carry that transaction along
        this.executor = org.candor.LiveStreams.afterCommitExecutor(4);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** After a review is committed, the subject is looked at (off the posting request: it waits for nothing). */
    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostEvent.ReviewPosted posted) {
        long subjectId = posted.subjectId();
        executor.runAsync(() -> {
            try {
                watch(subjectId, Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf("Could not look at subject %d for unusual activity: %s", subjectId, e.getMessage());
            }
        });
    }

    /**
     * Looks at a subject's window ending at {@code at}; opens an incident when it is unusual and none is open. Returns
     * the incident opened, if one was.
     */
    @Transactional
    public Optional<Long> watch(long subjectId, Instant at) {
        UnusualActivity.Thresholds th = detector.thresholds();
        if (!th.enabled() || current(subjectId).isPresent() || detector.arrivals(subjectId, at, th) < th.minReviews()) {
            return Optional.empty();
        }
        UnusualActivity.Signals signals = detector.check(subjectId, at, th);
        return signals.fired() ? Optional.of(open(signals)) : Optional.empty();
    }

    private long open(UnusualActivity.Signals s) {
        // the head before the subject, as the sequencer takes them (its entries reference the subject); and the subject
        // "for no key update", which does not wait for a post being written there (its review row holds a key-share
        // lock on the subject until it commits; with "for update", and held posts appending under the head as they
        // did, bench/run saw deadlocks)
        log.holdHead();
        Tuple subject = Sql.tuples(em.createNativeQuery(
                "select slug as slug, moderation_mode as mode from subject where id = ?1 for no key update", Tuple.class)
                .setParameter(1, s.subjectId())).get(0);
        if (current(s.subjectId()).isPresent()) {
            return current(s.subjectId()).get().id();
        }
        String slug = Sql.text(subject, "slug");
        String before = Sql.text(subject, "mode");
        String numbers = CanonicalJson.write(s.numbers());
        long id = ((Number) em.createNativeQuery("""
                insert into incident (subject_id, window_from, signals, mode_before) values (?1, ?2, ?3, ?4) returning id""")
                .setParameter(1, s.subjectId()).setParameter(2, s.windowFrom()).setParameter(3, numbers)
                .setParameter(4, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.STRING,
                        before))
                .getSingleResult()).longValue();
        em.createNativeQuery("update subject set moderation_mode = 'PRE' where id = ?1").setParameter(1, s.subjectId())
                .executeUpdate();
        log.append(system(LogKind.POLICY_CHANGE, s.subjectId(), slug, "Moderation mode of " + slug + ": "
                + (before == null ? "board default" : before) + " → PRE (unusual activity, incident #" + id + ": "
                + s.numbers().get("signals") + ")"));
        log.append(system(LogKind.INCIDENT_OPENED, s.subjectId(), slug, "Incident #" + id + " opened: " + numbers));
        em.createNativeQuery("select notify_public('*')").getSingleResult();
        alerts.raise(new Alerts.Source.Incident(id));
        LOG.infof("Unusual activity on %s: incident %d opened (%s)", slug, id, numbers);
        return id;
    }

    /** A moderator confirms the incident: the subject shows a banner and its average with and without the period. */
    @Transactional
    public void confirm(long actorId, long incidentId, String note) {
        Account actor = accounts.staff(actorId);
        Incident incident = locked(incidentId, actor);
        if (!incident.open()) {
            throw new ConflictException(incidentId, "incident " + incidentId + " is " + incident.status());
        }
        em.createNativeQuery("update incident set status = 'CONFIRMED', decided_by = ?2, decided_at = now(), note = ?3 "
                + "where id = ?1").setParameter(1, incidentId).setParameter(2, actorId).setParameter(3, note(note))
                .executeUpdate();
        log.append(staff(actor, LogKind.INCIDENT_CONFIRMED, incident, "Incident #" + incidentId
                + " confirmed: unusual activity since " + incident.windowFrom() + "; new reviews are checked first."
                + (note(note) == null ? "" : " " + note.strip())));
        em.createNativeQuery("select notify_public('*')").getSingleResult();
    }

    /** A moderator dismisses it (ordinary activity after all): the subject's previous mode comes back. */
    @Transactional
    public void dismiss(long actorId, long incidentId, String note) {
        end(actorId, incidentId, note, "DISMISSED", LogKind.INCIDENT_DISMISSED, "dismissed");
    }

    /** A moderator closes a confirmed incident: the window ends and the subject's previous mode comes back. */
    @Transactional
    public void close(long actorId, long incidentId, String note) {
        end(actorId, incidentId, note, "CLOSED", LogKind.INCIDENT_CLOSED, "closed");
    }

    private void end(long actorId, long incidentId, String note, String status, LogKind kind, String verb) {
        Account actor = accounts.staff(actorId);
        Incident incident = locked(incidentId, actor);
        if (!(incident.open() || incident.confirmed()) || (status.equals("CLOSED") && !incident.confirmed())
                || (status.equals("DISMISSED") && !incident.open())) {
            throw new ConflictException(incidentId, "incident " + incidentId + " is " + incident.status());
        }
        em.createNativeQuery("""
                update incident set status = ?2, window_to = now(), closed_by = ?3, closed_at = now(),
                    decided_by = coalesce(decided_by, ?3), decided_at = coalesce(decided_at, now()),
                    note = coalesce(?4, note) where id = ?1""")
                .setParameter(1, incidentId).setParameter(2, status).setParameter(3, actorId)
                .setParameter(4, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.STRING,
                        note(note)))
                .executeUpdate();
        em.createNativeQuery("update subject set moderation_mode = ?2 where id = ?1").setParameter(1, incident.subjectId())
                .setParameter(2, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.STRING,
                        incident.modeBefore()))
                .executeUpdate();
        log.append(staff(actor, LogKind.POLICY_CHANGE, incident, "Moderation mode of " + incident.subjectSlug()
                + ": PRE → " + (incident.modeBefore() == null ? "board default" : incident.modeBefore())
                + " (incident #" + incidentId + " " + verb + ")"));
        log.append(staff(actor, kind, incident, "Incident #" + incidentId + " " + verb + "."
                + (note(note) == null ? "" : " " + note.strip())));
        em.createNativeQuery("select notify_public('*')").getSingleResult();
    }

    /** What answering a window came to. */
    public record Answered(long answered, long skipped) {
    }

    /** A canned response a moderator may send. */
    public record Canned(long id, String title) {
    }

    public List<Canned> canned(boolean admin) {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, title as title from canned_response
                where active and (allowed_role = 'MODERATOR' or ?1) order by category, title, id""", Tuple.class)
                .setParameter(1, admin)).stream().map(t -> new Canned(Sql.number(t, "id"), Sql.text(t, "title"))).toList();
    }

    /**
     * Answers every review of the incident's window that still waits for a reply with a canned response: one official
     * reply per review, each its own action (permission, reply, log entry, the author told) in its own transaction.
     */
    public Answered answerAll(long actorId, long incidentId, long cannedId) {
        Incident incident = one(incidentId).orElseThrow(NotFoundException::new);
        if (!accounts.moderates(accounts.staff(actorId), incident.subjectId())) {
            throw new ForbiddenException("not a subject this moderator moderates");
        }
        List<Tuple> items = Sql.tuples(em.createNativeQuery("""
                select q.id as id, q.version as version from queue_item q join review r on r.id = q.review_id
                where r.subject_id = ?1 and q.kind = 'REPLY' and q.status = 'OPEN' and q.comment_id is null
                  and r.created_at >= ?2 and r.created_at <= coalesce(?3, now())
                order by q.id""", Tuple.class).setParameter(1, incident.subjectId()).setParameter(2, incident.windowFrom())
                .setParameter(3, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.INSTANT,
                        incident.windowTo())));
        long answered = 0;
        long skipped = 0;
        for (Tuple item : items) {
            try {
                moderation.get().reply(actorId, Sql.number(item, "id"), Sql.integer(item, "version"), null, cannedId,
                        null, null);
                answered++;
            } catch (ConflictException | InvalidActionException e) {
                // a colleague answered it meanwhile, or it changed: left as it is
                skipped++;
            }
        }
        return new Answered(answered, skipped);
    }

    /** The subject's open or confirmed incident, if any. */
    public Optional<Incident> current(long subjectId) {
        return list("i.subject_id = ?1 and i.status in ('OPEN', 'CONFIRMED')", subjectId).stream().findFirst();
    }

    public Optional<Incident> one(long id) {
        return list("i.id = ?1", id).stream().findFirst();
    }

    /** The open and confirmed incidents on subjects this staff member moderates, for the top of the queue. */
    public List<Incident> ongoing(long actorId) {
        List<Incident> open = list("i.status in ('OPEN', 'CONFIRMED')", null);
        if (open.isEmpty()) {
            return open; // most queue views: no account read for the scope
        }
        Account actor = accounts.staff(actorId);
        return open.stream().filter(i -> accounts.moderates(actor, i.subjectId())).toList();
    }

    /** Incidents, open ones first, then the latest. */
    public List<Incident> recent() {
        return list("true", null);
    }

    private Incident locked(long id, Account actor) {
        em.createNativeQuery("select id from incident where id = ?1 for update").setParameter(1, id).getResultList();
        Incident incident = one(id).orElseThrow(NotFoundException::new);
        if (!accounts.moderates(actor, incident.subjectId())) {
            throw new ForbiddenException("not a subject this moderator moderates");
        }
        return incident;
    }

    private List<Incident> list(String where, Object param) {
        var query = em.createNativeQuery("""
                select i.id as id, i.subject_id as subject_id, s.slug as slug, s.name as name, i.status as status,
                    i.window_from as window_from, i.window_to as window_to, i.signals as signals,
                    i.mode_before as mode_before, i.opened_at as opened_at, i.note as note
                from incident i join subject s on s.id = i.subject_id where %s
                order by i.status in ('OPEN', 'CONFIRMED') desc, i.id desc limit 100""".formatted(where), Tuple.class);
        if (param != null) {
            query.setParameter(1, param);
        }
        return Sql.tuples(query).stream().map(t -> new Incident(Sql.number(t, "id"), Sql.number(t, "subject_id"),
                Sql.text(t, "slug"), Sql.text(t, "name"), Sql.text(t, "status"), Sql.instant(t, "window_from"),
                Sql.instant(t, "window_to"), Sql.text(t, "signals"), Sql.text(t, "mode_before"),
                Sql.instant(t, "opened_at"), Sql.text(t, "note"))).toList();
    }

    private static PublicLog.Draft system(LogKind kind, long subjectId, String slug, String body) {
        return new PublicLog.Draft(kind, subjectId, slug, null, null, "system", null, null, null, body, null, null);
    }

    private PublicLog.Draft staff(Account actor, LogKind kind, Incident incident, String body) {
        return new PublicLog.Draft(kind, incident.subjectId(), incident.subjectSlug(), null, null,
                actor.role.name().toLowerCase(java.util.Locale.ROOT), publicActor.handle(actor), null, null, body, null,
                null);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
