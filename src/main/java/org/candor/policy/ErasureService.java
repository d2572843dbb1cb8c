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
