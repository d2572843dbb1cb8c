package org.candor.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.Sql;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;
import org.candor.review.ModeratedPosts;
import org.candor.review.PostContent;
import org.candor.review.ReviewStatus;
import org.candor.web.RetryLater;

/**
 * Notices of illegal content (DSA Art. 16) from anyone, signed in or not: received with a reference and an e-mailed
 * receipt, queued on their own tab, decided by a moderator (action taken, or none with the reason), and the decision
 * e-mailed with how to contest it. The notifier's name and address serve that exchange only: they are never shown to
 * the public, logged or exported. The public log records that a notice arrived, about which post.
 */
@ApplicationScoped
public class LegalNotices {

    /** What the notifier keeps: the reference, and the key that opens the notice's page. */
    public record Receipt(String reference, String key) {
    }

    /** A notice as its sender (and staff) read it. */
    public record View(long id, String reference, long reviewId, Long commentId, String subjectSlug, String subjectName,
            String location, String explanation, String law, String name, String email, String status,
            String decisionReason, Instant decidedAt, Long decidedBy, Instant createdAt, Instant appealUntil,
            Appeals.View appeal) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean declined() {
            return "NO_ACTION".equals(status);
        }

        /** Whether the notifier can still contest the decision. */
        public boolean appealable() {
            return declined() && appeal == null && appealUntil != null && Instant.now().isBefore(appealUntil);
        }

        public String statusKey() {
            return "notice_status_" + status;
        }
    }

    static final class TooManyNotices extends RetryLater {
        TooManyNotices() {
            super("too many notices from this address", 3600);
        }
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance noticeReceipt(String name, String reference, String location, String link);

        static native TemplateInstance noticeDecision(String name, String reference, String location, String decision,
                String reason, String link, String outOfCourt, java.time.Instant appealUntil);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REFERENCE_CHARS = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private final EntityManager em;
    private final ModeratedPosts posts;
    private final ModerationQueue queue;
    private final PublicLog log;
    private final MailOutbox outbox;
    private final ModerationConfig config;
    private final Reasons reasons;

    LegalNotices(EntityManager em, ModeratedPosts posts, ModerationQueue queue, PublicLog log, MailOutbox outbox,
            ModerationConfig config, Reasons reasons) {
        this.em = em;
        this.posts = posts;
        this.queue = queue;
        this.log = log;
        this.outbox = outbox;
        this.config = config;
        this.reasons = reasons;
    }

    /** The post a notice may be about: one the public can see (published or hidden). 404 for anything else. */
    public PostContent noticeable(long reviewId, Long commentId) {
        PostContent content = posts.content(reviewId, commentId).orElseThrow(NotFoundException::new);
        if (content.status() == ReviewStatus.PENDING) {
            throw new NotFoundException();
        }
        return content;
    }

    /**
     * Receives a notice: refuses a sender over the hourly limit, queues it, records its arrival on the public log, and
     * e-mails the receipt.
     */
    @Transactional
    public Receipt submit(long reviewId, Long commentId, String location, String explanation, String law, String name,
            String email, String clientAddress, java.util.Locale language) {
        PostContent content = noticeable(reviewId, commentId);
        byte[] client = clientHash(clientAddress);
        long recent = ((Number) em.createNativeQuery("""
                select count(*) from legal_notice where client_hash = ?1 and created_at > now() - interval '1 hour'""")
                .setParameter(1, client).getSingleResult()).longValue();
        if (recent >= config.noticesPerHour()) {
            throw new TooManyNotices();
        }
        String reference = reference();
        String key = key();
        long id = ((Number) em.createNativeQuery("""
                insert into legal_notice (reference, follow_key, review_id, comment_id, location, explanation, law,
                    notifier_name, notifier_email, client_hash, language)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) returning id""")
                .setParameter(1, reference).setParameter(2, key).setParameter(3, reviewId)
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.LONG, commentId))
                .setParameter(5, location).setParameter(6, explanation).setParameter(7, law)
                .setParameter(8, name).setParameter(9, email).setParameter(10, client)
                .setParameter(11, language.getLanguage()).getSingleResult()).longValue();
        queue.noticed(id, reviewId, commentId, content.rating());
        log.append(new PublicLog.Draft(LogKind.NOTICE_RECEIVED, content.subjectId(), content.subjectSlug(), reviewId,
                commentId, "public", null, null, null, null, null, null));
        if (outbox.enabled()) {
            outbox.queueToNotifier(id, email, words(language).notice_mail_received(reference),
                    Templates.noticeReceipt(name, reference, location, link(reference, key)).setLocale(language).render());
        }
        return new Receipt(reference, key);
    }

    /** Decides the open notices about the acting moderator's post, and e-mails each notifier the decision. */
    @Transactional(TxType.MANDATORY)
    int decided(ActionSteps.Acting a, String decision, String reason) {
        List<Tuple> decided = Sql.tuples(em.createNativeQuery("""
                update legal_notice set status = ?1, decision_reason = ?2, decided_by = ?3, decided_at = now()
                where review_id = ?4 and comment_id is not distinct from ?5 and status = 'OPEN'
                returning id as id, reference as reference, follow_key as follow_key, notifier_name as name,
                    notifier_email as email, location as location, decided_at as decided_at, language as language""",
                Tuple.class)
                .setParameter(1, decision).setParameter(2, reason).setParameter(3, a.actor().id)
                .setParameter(4, a.content().reviewId())
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.LONG, a.content().commentId())));
        if (!outbox.enabled()) {
            return decided.size();
        }
        for (Tuple t : decided) {
            String reference = Sql.text(t, "reference");
            boolean declined = Settlements.NO_ACTION.equals(decision);
            java.util.Locale language = language(t);
            outbox.queueToNotifier(Sql.number(t, "id"), Sql.text(t, "email"),
                    declined ? words(language).notice_mail_no_action(reference) : words(language).notice_mail_action(reference),
                    Templates.noticeDecision(Sql.text(t, "name"), reference, Sql.text(t, "location"),
                            "notice_mail_decision_" + decision, reason,
                            link(reference, Sql.text(t, "follow_key")), reasons.outOfCourt(),
                            declined ? reasons.appealUntil(Sql.instant(t, "decided_at")) : null).setLocale(language)
                            .render());
        }
        return decided.size();
    }

    /** Tells a notifier how their appeal was decided. */
    @Transactional(TxType.MANDATORY)
    void appealDecided(long noticeId, String outcome, String reason) {
        Tuple t = (Tuple) em.createNativeQuery("""
                select reference as reference, follow_key as follow_key, notifier_name as name, notifier_email as email,
                    location as location, language as language
                from legal_notice where id = ?1""", Tuple.class).setParameter(1, noticeId).getSingleResult();
        String reference = Sql.text(t, "reference");
        java.util.Locale language = language(t);
        outbox.queueToNotifier(noticeId, Sql.text(t, "email"), "UPHELD".equals(outcome)
                ? words(language).notice_mail_appeal_upheld(reference) : words(language).notice_mail_appeal_rejected(reference),
                Templates.noticeDecision(Sql.text(t, "name"), reference, Sql.text(t, "location"),
                        "notice_mail_decision_APPEAL_" + outcome, reason, link(reference, Sql.text(t, "follow_key")),
                        reasons.outOfCourt(), null).setLocale(language).render());
    }

    /** The language the notice was sent in (English for notices from before it was kept). */
    private static java.util.Locale language(Tuple t) {
        return java.util.Locale.forLanguageTag(Sql.text(t, "language") == null ? "en" : Sql.text(t, "language"));
    }

    /** The e-mails' subjects in that language. */
    private static AlertMsg words(java.util.Locale language) {
        return io.quarkus.qute.i18n.MessageBundles.get(AlertMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(language.getLanguage()));
    }

    /** A notice as its sender reads it, when the key is the notice's. */
    public Optional<View> forNotifier(String reference, String key) {
        return byReference(reference).filter(v -> key != null && MessageDigest.isEqual(
                key.getBytes(StandardCharsets.UTF_8), followKey(v.id()).getBytes(StandardCharsets.UTF_8)));
    }

    Optional<View> byReference(String reference) {
        return one("n.reference = ?1", reference);
    }

    Optional<View> byId(long id) {
        return one("n.id = ?1", id);
    }

    private Optional<View> one(String where, Object key) {
        List<Tuple> rows = Sql.tuples(em.createNativeQuery("""
                select n.id as id, n.reference as reference, n.review_id as review_id, n.comment_id as comment_id,
                    s.slug as slug, s.name as subject_name, n.location as location, n.explanation as explanation,
                    n.law as law, n.notifier_name as name, n.notifier_email as email, n.status as status,
                    n.decision_reason as decision_reason, n.decided_at as decided_at, n.decided_by as decided_by,
                    n.created_at as created_at
                from legal_notice n join review r on r.id = n.review_id join subject s on s.id = r.subject_id
                where\s""" + where, Tuple.class).setParameter(1, key));
        return rows.stream().findFirst().map(t -> {
            Instant decidedAt = Sql.instant(t, "decided_at");
            long id = Sql.number(t, "id");
            return new View(id, Sql.text(t, "reference"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"),
                    Sql.text(t, "slug"), Sql.text(t, "subject_name"), Sql.text(t, "location"),
                    Sql.text(t, "explanation"), Sql.text(t, "law"), Sql.text(t, "name"), Sql.text(t, "email"),
                    Sql.text(t, "status"), Sql.text(t, "decision_reason"), decidedAt, Sql.number(t, "decided_by"),
                    Sql.instant(t, "created_at"), decidedAt == null ? null : reasons.appealUntil(decidedAt),
                    Appeals.viewWhere(em, "a.legal_notice_id = ?1", id).orElse(null));
        });
    }

    private String followKey(long id) {
        return (String) em.createNativeQuery("select follow_key from legal_notice where id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    private String link(String reference, String key) {
        return config.publicUrl() + "/notices/" + reference + "?key=" + key;
    }

    private static String reference() {
        StringBuilder b = new StringBuilder("N-");
        for (int i = 0; i < 8; i++) {
            b.append(REFERENCE_CHARS[RANDOM.nextInt(REFERENCE_CHARS.length)]);
        }
        return b.toString();
    }

    private static String key() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The sender's address as a hash that changes every day: enough for an hourly limit, never the address. */
    static byte[] clientHash(String address) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("candor-notice|" + LocalDate.now(ZoneOffset.UTC) + "|"
                    + address).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
