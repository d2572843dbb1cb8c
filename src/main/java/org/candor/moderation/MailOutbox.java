package org.candor.moderation;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.candor.Sql;

/**
 * The e-mails authors are owed. {@link #queue} writes one in the transaction of the action it tells about; every
 * instance runs {@link #sendDue} on a schedule, takes the due rows no other instance holds ({@code FOR UPDATE SKIP
 * LOCKED}), sends each, and marks it sent — or schedules a retry, doubling the wait, until it gives up and shows the
 * failure to admins. A crash between the action's commit and the send loses nothing: the row waits. (A crash after the
 * server took a mail and before its row was marked sends it again: at least once, never silently never.)
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    /** Stands for a log entry's number in a body written before the entry had one. */
    static final String SEQ = "{seq}";
    private static final String SEQ_PATH = receiptUrl("", SEQ);

    /** What admins see of the outbox. */
    public record State(long waiting, long failed, String lastError) {
    }

    private final EntityManager em;
    private final org.candor.publiclog.TiledLog log;
    private final MailTransport transport;
    private final MailConfig config;

    MailOutbox(EntityManager em, MailTransport transport, MailConfig config, org.candor.publiclog.TiledLog log) {
        this.log = log;
        this.em = em;
        this.transport = transport;
        this.config = config;
    }

    /**
     * Queues an e-mail about this notice; it is sent after the surrounding transaction commits, and, when it names a
     * staged log entry ({@code stagedEntry}), once that entry has its number.
     */
    @Transactional(TxType.MANDATORY)
    void queue(long noticeId, String to, String subject, String body, Long logSeq, Long stagedEntry) {
        em.createNativeQuery("""
                insert into mail_outbox (notice_id, to_address, subject, body, log_seq, log_staged_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, noticeId).setParameter(2, to).setParameter(3, subject).setParameter(4, body)
                .setParameter(5, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.LONG, logSeq))
                .setParameter(6, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.LONG, stagedEntry))
                .executeUpdate();
    }

    /** Queues an e-mail to the sender of a notice of illegal content, who may have no account. */
    @Transactional(TxType.MANDATORY)
    void queueToNotifier(long legalNoticeId, String to, String subject, String body) {
        em.createNativeQuery("insert into mail_outbox (legal_notice_id, to_address, subject, body) values (?1, ?2, ?3, ?4)")
                .setParameter(1, legalNoticeId).setParameter(2, to).setParameter(3, subject).setParameter(4, body)
                .executeUpdate();
    }

    @Scheduled(every = "${candor.mail.poll:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            while (sendDue() == BATCH) {
                // a full batch: there may be more
            }
        }
    }

    /** Sends the due e-mails this instance could take; returns how many it took. */
    @Transactional
    public int sendDue() {
        List<Tuple> due = Sql.tuples(em.createNativeQuery("""
                select m.id as id, m.to_address as to_address, m.subject as subject, m.body as body,
                    m.attempts as attempts, coalesce(m.log_seq, e.seq, s.log_seq, g.seq) as log_seq
                from mail_outbox m left join author_notice n on n.id = m.notice_id
                left join reasons_statement s on s.id = n.statement_id
                left join log_staged g on g.statement_id = s.id
                left join log_staged e on e.id = m.log_staged_id
                where m.status = 'PENDING' and m.next_attempt_at <= now()
                  -- a reply, a hold's statement: on the log within a second (staged); the receipt waits for it
                  and (g.id is null or g.seq is not null) and (e.id is null or e.seq is not null)
                order by m.next_attempt_at, m.id limit ?1 for update of m skip locked""", Tuple.class).setParameter(1, BATCH));
        for (Tuple mail : due) {
            long id = Sql.number(mail, "id");
            int attempts = Sql.integer(mail, "attempts") + 1;
            try {
                Long seq = Sql.number(mail, "log_seq");
                // the receipt is made now, after the action committed: its checkpoint includes the entry
                MailTransport.Attachment receipt = seq == null ? null : log.receipt(seq)
                        .map(r -> new MailTransport.Attachment("candor-entry-" + seq + ".tlog-proof",
                                r.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .orElse(null);
                transport.send(Sql.text(mail, "to_address"), Sql.text(mail, "subject"),
                        numbered(Sql.text(mail, "body"), seq), receipt);
                em.createNativeQuery("update mail_outbox set status = 'SENT', attempts = ?2, sent_at = now(), "
                        + "last_error = null where id = ?1").setParameter(1, id).setParameter(2, attempts).executeUpdate();
            } catch (RuntimeException e) {
                boolean giveUp = attempts >= config.maxAttempts();
                Duration wait = backoff(attempts);
                LOG.warnf("E-mail %d not sent (attempt %d%s): %s", id, attempts,
                        giveUp ? ", giving up" : ", next in " + wait.toSeconds() + " s", e.getMessage());
                em.createNativeQuery("""
                        update mail_outbox set attempts = ?2, last_error = ?3, status = ?4,
                            next_attempt_at = now() + make_interval(secs => ?5) where id = ?1""")
                        .setParameter(1, id).setParameter(2, attempts)
                        .setParameter(3, String.valueOf(e.getMessage()).replaceAll("\\p{Cc}", " "))
                        .setParameter(4, giveUp ? "FAILED" : "PENDING").setParameter(5, (double) wait.toSeconds())
                        .executeUpdate();
            }
        }
        return due.size();
    }

    /** The address of a log entry's receipt; {@code seq} may be {@link #SEQ}, for {@link #numbered} to fill in. */
    static String receiptUrl(String publicUrl, String seq) {
        return publicUrl + "/log/entries/" + seq + "/proof";
    }

    /**
     * A body written before its entry had a number (a reply, a hold's statement: staged), with the number in its
     * receipt's address; the line left out when the entry has none.
     */
    static String numbered(String body, Long seq) {
        if (!body.contains(SEQ_PATH)) {
            return body;
        }
        return seq != null ? body.replace(SEQ_PATH, receiptUrl("", seq.toString()))
                : body.lines().filter(line -> !line.contains(SEQ_PATH)).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The wait after {@code attempts} failed attempts: the retry delay, doubled each time, at most six hours. */
    Duration backoff(int attempts) {
        Duration wait = config.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** How many e-mails wait and how many failed for good, with the last reason. */
    public State state() {
        Tuple row = (Tuple) em.createNativeQuery("""
                select count(*) filter (where status = 'PENDING') as waiting, count(*) filter (where status = 'FAILED') as failed,
                    (select last_error from mail_outbox where last_error is not null order by id desc limit 1) as last_error
                from mail_outbox where status <> 'SENT'""", Tuple.class).getSingleResult();
        return new State(Sql.number(row, "waiting"), Sql.number(row, "failed"), Sql.text(row, "last_error"));
    }

    public boolean enabled() {
        return config.enabled();
    }
}
