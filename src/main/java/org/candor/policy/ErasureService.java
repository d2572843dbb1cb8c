package org.candor.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.publiclog.LogEntry;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * Erasure of a log entry's texts for a named legal reason (a GDPR Art. 17 request, a court order): one admin action,
 * one transaction. The entry's texts and salts are destroyed (its commitments stay, so the tree and every checkpoint
 * stay valid), a tombstone entry on the log names the entry and the legal ground, and the same texts are removed from
 * every record that copied them (replies, annotations, reasons, statements, author notices, queued e-mails), so the
 * erased text is nowhere any more. Nothing is deleted: rows stay, their text reads {@value #MARKER}.
 */
@ApplicationScoped
public class ErasureService {

    /** What stands where an erased text was. */
    public static final String MARKER = "[erased]";

    /** The legal grounds an erasure names (the tombstone's reason code). */
    public enum Ground {
        GDPR_ART_17,
        COURT_ORDER,
        UNLAWFUL_CONTENT_ORDER,
        OTHER_LEGAL_OBLIGATION;

        public String messageKey() {
            return "erasure_ground_" + name();
        }

        /** The ground a form names, or null. */
        public static Ground parse(String name) {
            return org.candor.Enums.named(Ground.class, name);
        }
    }

    /** An erasure as the admin page lists it. */
    public record Erasure(long entry, long tombstone, String ground, java.time.Instant at) {

        public String groundKey() {
            return "erasure_ground_" + ground;
        }
    }

    /** The records that may hold a copy of a log text: table, text column, and whether it belongs to a review. */
    private static final List<String[]> COPIES = List.of(
            new String[] { "official_reply", "body", "review_id" },
            new String[] { "annotation", "body", "review_id" },
            new String[] { "visibility_change", "reason_text", "review_id" },
            new String[] { "redaction", "reason_text", "review_id" },
            new String[] { "author_notice", "message", "review_id" },
            new String[] { "queue_event", "note", null },
            new String[] { "reasons_statement", "facts", "review_id" },
            new String[] { "report", "decision_reason", "review_id" },
            new String[] { "legal_notice", "decision_reason", "review_id" },
            new String[] { "appeal", "decision_reason", null },
            new String[] { "mail_outbox", "body", null },
            new String[] { "statement", "title", null },
            new String[] { "statement", "body", null },
            new String[] { "statement_version", "title", null },
            new String[] { "statement_version", "body", null },
            new String[] { "policy_version", "summary", null });

    private final EntityManager em;
    private final PublicLog log;
    private final PolicyChanges changes;

    ErasureService(EntityManager em, PublicLog log, PolicyChanges changes) {
        this.em = em;
        this.log = log;
        this.changes = changes;
    }

    /** Erases entry {@code seq}'s texts; returns the tombstone's sequence number. */
    @Transactional
    public long erase(long adminId, long seq, Ground ground, String note) {
        Account admin = changes.admin(adminId);
        LogEntry entry = log.entry(seq).orElseThrow(
                () -> new PolicyChanges.InvalidException("entry", "{candor.erasure.unknown}", "#" + seq));
        if (entry.kind() == LogKind.TEXTS_ERASED) {
            throw new PolicyChanges.InvalidException("entry", "{candor.erasure.tombstone}", "#" + seq);
        }
        if (entry.erased() || (entry.body() == null && entry.reasonText() == null)) {
            throw new PolicyChanges.InvalidException("entry", "{candor.erasure.nothing}", "#" + seq);
        }
        // the erasure's own transaction may change a text in rows that are otherwise never changed (V12)
        em.createNativeQuery("select set_config('candor.erasure', 'on', true)").getSingleResult();
        if (entry.body() != null) {
            scrub(entry.body(), entry.reviewId());
        }
        if (entry.reasonText() != null) {
            scrub(entry.reasonText(), entry.reviewId());
        }
        PublicLog.Draft tombstone = changes.draft(admin, LogKind.TEXTS_ERASED,
                "The texts of entry #" + seq + " were erased (" + ground.name() + ").", null);
        tombstone = new PublicLog.Draft(tombstone.kind(), null, null, null, null, tombstone.actorRole(),
                tombstone.actorHandle(), ground.name(), note == null || note.isBlank() ? null : note.strip(),
                tombstone.body(), seq, null);
        long stone = log.erase(seq, tombstone).seq();
        // a statement of reasons carries the public facts of its action in its own text: erased with it, each with its
        // tombstone, so the text is nowhere on the log
        if (entry.reviewId() != null) {
            @SuppressWarnings("unchecked")
            List<Number> statements = em.createNativeQuery("""
                    select e.seq from log_entry e join log_text t on t.seq = e.seq and t.field = 'body'
                    where e.review_id = ?1 and e.kind = 'STATEMENT_OF_REASONS' and t.text is not null
                      and ((?2 <> '' and strpos(t.text, ?2) > 0) or (?3 <> '' and strpos(t.text, ?3) > 0))""")
                    .setParameter(1, entry.reviewId())
                    .setParameter(2, jsonEscaped(entry.body())).setParameter(3, jsonEscaped(entry.reasonText()))
                    .getResultList();
            for (Number statement : statements) {
                log.erase(statement.longValue(), new PublicLog.Draft(tombstone.kind(), null, null, null, null,
                        tombstone.actorRole(), tombstone.actorHandle(), ground.name(), tombstone.reasonText(),
                        "The texts of entry #" + statement + " were erased (" + ground.name() + ").", statement.longValue(),
                        null));
            }
        }
        // every instance drops every cached page at commit: the text may have been shown anywhere
        em.createNativeQuery("select notify_public('*')").getSingleResult();
        return stone;
    }

    /** What a customer closing their account chooses for what they wrote. */
    public enum PostsOnClosing {
        /** Their posts stay, signed "a former customer". */
        KEEP,
        /** Their posts' texts are erased everywhere (ratings stay, so the averages and the log's numbers still add up). */
        ERASE
    }

    /** The name a closed account's posts are signed with. */
    public static final String FORMER_CUSTOMER = "A former customer";

    /**
     * Closes a customer's account (GDPR Art. 17): it can no longer be signed in to, its name, addresses and sign-ins
     * are gone, and its posts stay signed {@value #FORMER_CUSTOMER} or, at the customer's choice, have their texts
     * erased: every version, every copy, and the salts that open the log's commitments to them, so the log stays
     * verifiable and the text is nowhere. Staff close their account once an admin has taken their role away.
     */
    @Transactional
    public void closeAccount(long accountId, PostsOnClosing posts) {
        Account account = em.find(Account.class, accountId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.closedAt != null) {
            return;
        }
        if (account.role != org.candor.account.Role.CUSTOMER) {
            throw new PolicyChanges.InvalidException("posts", "{candor.close.staff}", account.role.name());
        }
        if (posts == PostsOnClosing.ERASE) {
            em.createNativeQuery("select set_config('candor.erasure', 'on', true)").getSingleResult();
            @SuppressWarnings("unchecked")
            List<String> texts = em.createNativeQuery("""
                    select body from review_version where author_id = ?1
                    union select title from review_version where author_id = ?1 and title is not null
                    union select body from comment where author_id = ?1""").setParameter(1, accountId).getResultList();
            for (String text : texts) {
                if (text != null && text.strip().length() >= 4) {
                    scrub(text, null);
                }
            }
            em.createNativeQuery("update review_version set body = ?2, title = null where author_id = ?1")
                    .setParameter(1, accountId).setParameter(2, MARKER).executeUpdate();
            em.createNativeQuery("update review set body = ?2, title = null where author_id = ?1")
                    .setParameter(1, accountId).setParameter(2, MARKER).executeUpdate();
            em.createNativeQuery("update comment set body = ?2 where author_id = ?1")
                    .setParameter(1, accountId).setParameter(2, MARKER).executeUpdate();
            // the commitments stay on the log; without their salts nobody can test a guess of the text against them
            String mine = """
                    ((comment_id is null and review_id in (select id from review where author_id = ?1))
                     or comment_id in (select id from comment where author_id = ?1))""";
            em.createNativeQuery("update log_staged set content_salt = null where content_salt is not null and " + mine)
                    .setParameter(1, accountId).executeUpdate();
            em.createNativeQuery("update log_content_salt set salt = null, erased_at = now() where salt is not null "
                    + "and seq in (select seq from log_entry where " + mine + ")").setParameter(1, accountId).executeUpdate();
        }
        em.createNativeQuery("""
                update email_sign_in set address = ?2 where address in (
                    select lower(email) from account where id = ?1 and email is not null
                    union select subject from account_identity where account_id = ?1 and provider = 'email')""")
                .setParameter(1, accountId).setParameter(2, MARKER).executeUpdate();
        // its sign-ins sign in to nothing any more, and say nothing about whose they were
        em.createNativeQuery("""
                update account_identity set provider = 'closed', subject = gen_random_uuid()::text, email = null
                where account_id = ?1""").setParameter(1, accountId).executeUpdate();
        em.createNativeQuery("""
                update account set closed_at = now(), display_name = ?2, staff_handle = null, email = null,
                    email_verified = false, provider = 'closed', provider_subject = id::text, version = version + 1
                where id = ?1""").setParameter(1, accountId).setParameter(2, FORMER_CUSTOMER).executeUpdate();
        em.createNativeQuery("select notify_public('*')").getSingleResult();
    }

    /** A text as it appears inside canonical JSON (a statement's public part); empty for none. */
    private static String jsonEscaped(String text) {
        if (text == null) {
            return "";
        }
        String json = org.candor.publiclog.CanonicalJson.write(java.util.Map.of("t", text));
        return json.substring(6, json.length() - 2);
    }

    /** Replaces the text wherever it was copied (within the entry's review when it has one). */
    private void scrub(String text, Long reviewId) {
        for (String[] copy : COPIES) {
            boolean scoped = copy[2] != null && reviewId != null;
            var update = em.createNativeQuery("update " + copy[0] + " set " + copy[1] + " = replace(" + copy[1]
                    + ", ?1, ?2) where strpos(" + copy[1] + ", ?1) > 0" + (scoped ? " and " + copy[2] + " = ?3" : ""))
                    .setParameter(1, text).setParameter(2, MARKER);
            if (scoped) {
                update.setParameter(3, reviewId);
            }
            update.executeUpdate();
        }
    }

    /** Erasures made so far, newest first. */
    public List<Erasure> all() {
        return Sql.tuples(em.createNativeQuery("""
                select erases as entry, seq as tombstone, reason_code as ground, created_at as at from log_entry
                where kind = 'TEXTS_ERASED' order by seq desc limit 200""", Tuple.class)).stream()
                .map(t -> new Erasure(Sql.number(t, "entry"), Sql.number(t, "tombstone"), Sql.text(t, "ground"),
                        Sql.instant(t, "at")))
                .toList();
    }
}
