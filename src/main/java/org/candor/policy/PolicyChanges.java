package org.candor.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * How admins change moderation policy: each change checks that an admin makes it, is versioned (a row in
 * {@code policy_version} with the values before and after) and written to the public log as a policy change, saying
 * what changed but not secrets (a word rule's pattern is not published: that would teach evasion), in the caller's
 * transaction. The services of the admin pages ({@link SettingsService}, {@link WordRuleService},
 * {@link Scripts}, {@link RoleService}, {@link StatementService}) all record their changes here.
 */
@ApplicationScoped
public class PolicyChanges {

    /** Someone changed the same thing since the admin opened the form. */
    public static class StaleException extends RuntimeException {
        public StaleException() {
            super("changed since the form was shown");
        }
    }

    /** An invalid value, with the field it belongs to and a validation message template. */
    public static class InvalidException extends RuntimeException {
        private final String field;
        private final String detail;

        public InvalidException(String field, String template, String detail) {
            super(template);
            this.field = field;
            this.detail = detail;
        }

        public String field() {
            return field;
        }

        public String detail() {
            return detail;
        }
    }

    private final EntityManager em;
    private final PublicLog log;
    private final ObjectMapper json;
    private final AccountService accounts;
    private final PublicActor publicActor;

    PolicyChanges(EntityManager em, PublicLog log, ObjectMapper json, AccountService accounts, PublicActor publicActor) {
        this.em = em;
        this.log = log;
        this.json = json;
        this.accounts = accounts;
        this.publicActor = publicActor;
    }

    /** The admin making a change; refused for anyone else. */
    Account admin(long adminId) {
        return accounts.admin(adminId);
    }

    /** Records a change: a policy version, and a policy-change entry on the public log. */
    void changed(Account admin, ChangeSummary summary, Long subjectId, String detail) {
        String english = summary.in(java.util.Locale.ENGLISH);
        try {
            em.createNativeQuery("insert into policy_version (changed_by, summary, detail, summary_parts) "
                    + "values (?1, ?2, ?3, cast(?4 as jsonb))")
                    .setParameter(1, admin.id).setParameter(2, english).setParameter(3, detail)
                    .setParameter(4, json.writeValueAsString(summary.parts())).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        log.append(draft(admin, LogKind.POLICY_CHANGE, english, subjectId));
    }

    /** A public-log entry by this admin (as the public sees staff: {@link PublicActor}). */
    PublicLog.Draft draft(Account admin, LogKind kind, String body, Long subjectId) {
        String slug = subjectId == null ? null : (String) em.createNativeQuery("select slug from subject where id = ?1")
                .setParameter(1, subjectId).getSingleResult();
        return new PublicLog.Draft(kind, subjectId, slug, null, null, PublicActor.role(admin.role),
                publicActor.handle(admin), null, null, body, null, null);
    }

    /** Appends an entry of another kind than a policy change (roles granted and revoked). */
    void append(PublicLog.Draft draft) {
        log.append(draft);
    }

    /** The values before and after a change, as JSON, for {@code policy_version.detail}. */
    String detail(Object before, Object after) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("before", before);
        d.put("after", after);
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
