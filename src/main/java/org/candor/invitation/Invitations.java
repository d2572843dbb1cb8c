package org.candor.invitation;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

import org.candor.Sql;
import org.candor.account.EmailLinks;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * Invitations to review: one e-mail per invitee with a link that signs them in (by the address it was sent to) and
 * opens the subject's review form; at most one reminder; unsubscribing is honoured for every later invitation.
 * <p>
 * No review gating, by construction: an invitation is made from an address, a name, an order reference, a subject and
 * (optionally) an incentive, before the customer has said anything, and nothing about a review can change whom it
 * reaches or what it gives. Every invitation sent is on the public log ({@code INVITATION_SENT}, the subject only), so
 * the transparency numbers count them per subject.
 */
@ApplicationScoped
public class Invitations {

    public static final int MAX_NAME = 100;
    public static final int MAX_ORDER = 100;

    /** One invitation to make. {@code subject} is the subject's address or its exact name. */
    public record Invitee(String email, String name, String orderRef, String subject) {
    }

    /** A row that could not become an invitation: its line (1 = the first line of the file) and why. */
    public record Problem(int line, String field, String message) {
    }

    /** What a batch came to: invitations sent, rows skipped (already invited, unsubscribed), or problems (none sent). */
    public record Outcome(int sent, List<Problem> skipped, List<Problem> problems) {
    }

    /** A row that passed every check, ready to be sent. */
    private record Valid(int line, String address, String name, String order, long subjectId, String subjectSlug,
            String subjectName) {
    }

    /** An invitation opened from its e-mail. */
    public record Opened(long id, String address, String subjectSlug) {
    }

    /** An invitation as admins list it. */
    public record Listed(long id, String subjectName, String email, String orderRef, String incentive, String source,
            Instant sentAt, Instant remindedAt, Instant openedAt, Long reviewId) {
    }

    private final EntityManager em;
    private final EmailLinks mail;
    private final PublicLog log;
    private final InvitationMsg msg;
    private final String publicUrl;
    private final String business;
    private final Duration lifetime;
    private final Duration remindAfter;
    private final SecureRandom random = new SecureRandom();

    Invitations(EntityManager em, EmailLinks mail, PublicLog log, InvitationMsg msg,
            @ConfigProperty(name = "candor.moderation.public-url") String publicUrl,
            @ConfigProperty(name = "candor.moderation.business-name") String business,
            @ConfigProperty(name = "candor.invitations.lifetime", defaultValue = "P60D") Duration lifetime,
            @ConfigProperty(name = "candor.invitations.remind-after", defaultValue = "P7D") Duration remindAfter) {
        this.em = em;
        this.mail = mail;
        this.log = log;
        this.msg = msg;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.business = business;
        this.lifetime = lifetime;
        this.remindAfter = remindAfter;
    }

    /**
     * Makes and e-mails the invitations of a batch (a CSV file, or one API call), all or none: when any row has a
     * problem, none is sent and every problem is reported by line. {@code lineOffset} is the line of the first row.
     */
    @Transactional
    public Outcome invite(List<Invitee> rows, int lineOffset, Long incentiveId, String source, Long adminId, Long apiKeyId) {
        List<Problem> problems = new ArrayList<>();
        if (incentiveId != null && ((Number) em.createNativeQuery(
                "select count(*) from incentive where id = ?1 and retired_at is null").setParameter(1, incentiveId)
                .getSingleResult()).longValue() == 0) {
            problems.add(new Problem(0, "incentive", msg.invitation_unknown_incentive()));
        }
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Invitee row = rows.get(i);
            int line = lineOffset + i;
            String address = EmailLinks.normalise(row.email());
            if (address == null) {
                problems.add(new Problem(line, "email", msg.invitation_bad_email(row.email() == null ? "" : row.email())));
            }
            for (String[] field : new String[][] { { "name", row.name() }, { "orderRef", row.orderRef() },
                { "subject", row.subject() } }) {
                if (!org.candor.web.CleanText.Validator.clean(field[1], true)) {
                    problems.add(new Problem(line, field[0], msg.invitation_control()));
                }
            }
            String name = row.name() == null ? "" : row.name().strip();
            if (name.length() > MAX_NAME) {
                problems.add(new Problem(line, "name", msg.invitation_long_name(MAX_NAME)));
            }
            String order = row.orderRef() == null || row.orderRef().isBlank() ? null : row.orderRef().strip();
            if (order != null && order.length() > MAX_ORDER) {
                problems.add(new Problem(line, "orderRef", msg.invitation_long_order(MAX_ORDER)));
            }
            Tuple subject = org.candor.web.CleanText.Validator.clean(row.subject(), true) ? subject(row.subject()) : null;
            if (subject == null) {
                problems.add(new Problem(line, "subject", msg.invitation_unknown_subject(row.subject() == null ? "" : row.subject())));
            }
            if (address != null && subject != null && problems.isEmpty()) {
                valid.add(new Valid(line, address, name, order, Sql.number(subject, "id"), Sql.text(subject, "slug"),
                        Sql.text(subject, "name")));
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(0, "csv", msg.invitation_empty()));
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, List.of(), problems);
        }
        String incentive = incentiveId == null ? null : (String) em.createNativeQuery(
                "select description from incentive where id = ?1").setParameter(1, incentiveId).getSingleResult();
        List<Problem> skipped = new ArrayList<>();
        int sent = 0;
        for (Valid v : valid) {
            int line = v.line();
            String address = v.address();
            if (unsubscribed(address)) {
                skipped.add(new Problem(line, "email", msg.invitation_skipped_unsubscribed(address)));
                continue;
            }
            String token = token();
            Number id = (Number) em.createNativeQuery("""
                    insert into invitation (subject_id, email, name, order_ref, incentive_id, source, api_key_id, created_by,
                        token_hash, expires_at, sent_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now() + make_interval(secs => ?10), now())
                    on conflict do nothing returning id""")
                    .setParameter(1, v.subjectId()).setParameter(2, address).setParameter(3, v.name())
                    .setParameter(4, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.STRING, v.order()))
                    .setParameter(5, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.LONG, incentiveId))
                    .setParameter(6, source)
                    .setParameter(7, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.LONG, apiKeyId))
                    .setParameter(8, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.LONG, adminId))
                    .setParameter(9, EmailLinks.sha256(token)).setParameter(10, (double) lifetime.toSeconds())
                    .getResultStream().findFirst().orElse(null);
            if (id == null) {
                skipped.add(new Problem(line, "email", msg.invitation_skipped_twice(address)));
                continue;
            }
            mail.queueMail(address, msg.invitation_subject(v.subjectName(), business),
                    body(v.name(), v.subjectName(), incentive, token, false));
            log.append(new PublicLog.Draft(LogKind.INVITATION_SENT, v.subjectId(), v.subjectSlug(), null, null, "system",
                    null, null, null, null, null, null));
            sent++;
        }
        return new Outcome(sent, skipped, List.of());
    }

    /** Opens an invitation from its link: valid until it expires or a review was posted through it. */
    @Transactional
    public Opened open(String token) {
        Tuple row = Sql.tuples(em.createNativeQuery("""
                select i.id as id, i.email as email, s.slug as slug from invitation i join subject s on s.id = i.subject_id
                where (i.token_hash = ?1 or i.reminder_token_hash = ?1) and i.expires_at > now() and i.review_id is null""", Tuple.class)
                .setParameter(1, EmailLinks.sha256(token == null ? "" : token))).stream().findFirst().orElse(null);
        if (row == null) {
            return null;
        }
        em.createNativeQuery("update invitation set opened_at = coalesce(opened_at, now()) where id = ?1")
                .setParameter(1, Sql.number(row, "id")).executeUpdate();
        return new Opened(Sql.number(row, "id"), Sql.text(row, "email"), Sql.text(row, "slug"));
    }

    /** The account the invitee signed in to: their review of the subject will carry the invitation's labels. */
    @Transactional
    public void bind(long invitationId, long accountId) {
        em.createNativeQuery("update invitation set account_id = ?2 where id = ?1 and review_id is null")
                .setParameter(1, invitationId).setParameter(2, accountId).executeUpdate();
    }

    /** No more invitations to the address of this invitation. */
    @Transactional
    public String unsubscribe(String token) {
        String address = (String) em.createNativeQuery("select email from invitation where token_hash = ?1 or reminder_token_hash = ?1")
                .setParameter(1, EmailLinks.sha256(token == null ? "" : token)).getResultStream().findFirst().orElse(null);
        if (address != null) {
            em.createNativeQuery("insert into mail_unsubscribed (address_hash) values (?1) on conflict do nothing")
                    .setParameter(1, addressHash(address)).executeUpdate();
        }
        return address;
    }

    @Scheduled(every = "${candor.invitations.remind-poll:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledReminders() {
        remindDue();
    }

    /** Sends the one reminder of each invitation unanswered after {@code candor.invitations.remind-after}. */
    @Transactional
    public int remindDue() {
        List<Tuple> due = Sql.tuples(em.createNativeQuery("""
                select i.id as id, i.email as email, i.name as name, s.name as subject, c.description as incentive
                from invitation i join subject s on s.id = i.subject_id left join incentive c on c.id = i.incentive_id
                where i.reminded_at is null and i.review_id is null and i.expires_at > now()
                  and i.created_at < now() - make_interval(secs => ?1)
                order by i.created_at limit 200 for update of i skip locked""", Tuple.class)
                .setParameter(1, (double) remindAfter.toSeconds()));
        int sent = 0;
        for (Tuple t : due) {
            long id = Sql.number(t, "id");
            // a link of its own: the first one is kept only as a hash
            String token = token();
            em.createNativeQuery("update invitation set reminded_at = now(), reminder_token_hash = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, EmailLinks.sha256(token)).executeUpdate();
            if (!unsubscribed(Sql.text(t, "email"))) {
                mail.queueMail(Sql.text(t, "email"), msg.invitation_reminder_subject(Sql.text(t, "subject"), business),
                        body(Sql.text(t, "name"), Sql.text(t, "subject"), Sql.text(t, "incentive"), token, true));
                sent++;
            }
        }
        return sent;
    }

    @Transactional
    public List<Listed> recent(int limit) {
        return Sql.tuples(em.createNativeQuery("""
                select i.id as id, s.name as subject, i.email as email, i.order_ref as order_ref, c.description as incentive,
                    i.source as source, i.sent_at as sent_at, i.reminded_at as reminded_at, i.opened_at as opened_at,
                    i.review_id as review_id
                from invitation i join subject s on s.id = i.subject_id left join incentive c on c.id = i.incentive_id
                order by i.id desc limit ?1""", Tuple.class).setParameter(1, limit)).stream()
                .map(t -> new Listed(Sql.number(t, "id"), Sql.text(t, "subject"), Sql.text(t, "email"),
                        Sql.text(t, "order_ref"), Sql.text(t, "incentive"), Sql.text(t, "source"),
                        Sql.instant(t, "sent_at"), Sql.instant(t, "reminded_at"), Sql.instant(t, "opened_at"),
                        Sql.number(t, "review_id")))
                .toList();
    }

    private String body(String name, String subject, String incentive, String token, boolean reminder) {
        String link = publicUrl + "/invitations/" + token;
        StringBuilder b = new StringBuilder();
        b.append(name == null || name.isBlank() ? msg.invitation_hello() : msg.invitation_hello_name(name)).append("\n\n");
        if (reminder) {
            b.append(msg.invitation_reminder_intro()).append("\n\n");
        }
        b.append(msg.invitation_intro(business, subject)).append("\n\n").append(link).append("\n\n");
        if (incentive != null) {
            b.append(msg.invitation_incentive(incentive)).append("\n\n");
        }
        b.append(msg.invitation_honest(business)).append("\n\n");
        b.append(msg.invitation_unsubscribe(link + "/unsubscribe")).append('\n');
        return b.toString();
    }

    private Tuple subject(String nameOrSlug) {
        if (nameOrSlug == null || nameOrSlug.isBlank()) {
            return null;
        }
        return Sql.tuples(em.createNativeQuery("""
                select id as id, slug as slug, name as name from subject where slug = ?1 or lower(name) = lower(?1)
                order by slug = ?1 desc, id limit 1""", Tuple.class).setParameter(1, nameOrSlug.strip())).stream()
                .findFirst().orElse(null);
    }

    private boolean unsubscribed(String address) {
        return !em.createNativeQuery("select 1 from mail_unsubscribed where address_hash = ?1")
                .setParameter(1, addressHash(address)).getResultList().isEmpty();
    }

    private static byte[] addressHash(String address) {
        return EmailLinks.sha256(address.strip().toLowerCase(Locale.ROOT));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
