package org.candor.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;

import org.candor.Sql;
import org.candor.account.EmailLinks;
import org.candor.moderation.AlertInbox.Alert;

/**
 * Alerts by e-mail: every instance looks for the alerts whose e-mail is due ({@code mail_due_at}, set from the
 * moderator's {@link AlertDelivery} when the alert was raised), takes those no other instance holds, and queues one
 * e-mail per moderator — one alert at a time, or a digest — in their language, for the mail outbox to send.
 */
@ApplicationScoped
public class AlertMail {

    private static final int MAIL_BATCH = 500;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance alerts(String name, List<Alert> alerts, boolean digest, String publicUrl);

        static native TemplateInstance alertsSubject(int count, boolean digest);
    }

    private final EntityManager em;
    private final ModerationConfig config;
    private final MailConfig mail;
    private final EmailLinks outbox;

    AlertMail(EntityManager em, ModerationConfig config, MailConfig mail, EmailLinks outbox) {
        this.em = em;
        this.config = config;
        this.mail = mail;
        this.outbox = outbox;
    }

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
            List<Alert> alerts = rows.stream().map(t -> new Alert(Sql.number(t, "id"), Alerts.Kind.valueOf(Sql.text(t, "kind")),
                    Sql.text(t, "subject"), Sql.text(t, "summary"), Sql.text(t, "link"), Sql.instant(t, "created_at"),
                    false, null)).toList();
            Locale locale = Locale.forLanguageTag(Sql.text(first, "language"));
            outbox.queueMail(Sql.text(first, "address"),
                    Templates.alertsSubject(alerts.size(), digest).setLocale(locale).render().strip(),
                    Templates.alerts(Sql.text(first, "name"), alerts, digest, config.publicUrl()).setLocale(locale)
                            .render());
            em.createNativeQuery("update alert set mailed_at = ?2 where id = any(cast(?1 as bigint[]))")
                    .setParameter(1, Sql.bigints(alerts.stream().map(a -> a.id()).toList()))
                    .setParameter(2, now).executeUpdate();
        }
        return byAccount.size();
    }
}
