package org.candor.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * Pinned statements (seed 004: pre-empt a known problem): what happened, an apology, what is being done. Published on
 * a subject or board-wide by a moderator or admin, updated, retired; every step is versioned and on the public log.
 */
@ApplicationScoped
public class StatementService {

    /** Longest note saying why a statement was retired. */
    public static final int MAX_NOTE = 200;

    /** A statement; {@code subjectSlug} is null for a board-wide one. */
    public record Statement(long id, String subjectSlug, String subjectName, String title, String body, boolean current,
            String author, Instant createdAt, Instant updatedAt, int version, String kind) {

        /** The CSS class and the message key ({@code pol:statement_kind_*}) of the statement's kind. */
        public String kindKey() {
            return "statement_kind_" + kind.toLowerCase(java.util.Locale.ROOT);
        }

        public boolean edited() {
            return updatedAt.isAfter(createdAt.plusSeconds(1));
        }
    }

    private final EntityManager em;
    private final PublicLog log;
    private final AccountService accounts;
    private final PublicActor publicActor;

    StatementService(EntityManager em, PublicLog log, AccountService accounts, PublicActor publicActor) {
        this.accounts = accounts;
        this.publicActor = publicActor;
        this.em = em;
        this.log = log;
    }

    /** Current statements shown on a subject's page: its own, then board-wide ones. */
    public List<Statement> forSubject(long subjectId) {
        return query(" where s.status = 'PUBLISHED' and (s.subject_id = ?1 or s.subject_id is null)"
                + " order by s.subject_id nulls last, s.id desc", subjectId);
    }

    /** Current board-wide statements, for the home page. */
    public List<Statement> boardWide() {
        return query(" where s.status = 'PUBLISHED' and s.subject_id is null order by s.id desc", null);
    }

    /** Every statement, current first, for the people who manage them. */
    public List<Statement> all() {
        return query(" order by s.status desc, s.id desc limit 200", null);
    }

    public Optional<Statement> one(long id) {
        return query(" where s.id = ?1", id).stream().findFirst();
    }

    @Transactional
    public long publish(long actorId, String subjectSlug, String title, String body) {
        return publish(actorId, subjectSlug, "INFORMATION", title, body);
    }

    /** The kinds of statement: information, an apology, an incident (readers see which). */
    public static final List<String> KINDS = List.of("INFORMATION", "APOLOGY", "INCIDENT");

    @Transactional
    public long publish(long actorId, String subjectSlug, String kind, String title, String body) {
        Account actor = accounts.staff(actorId);
        Long subjectId = subjectId(subjectSlug);
        checkScope(actor, subjectId);
        long id = ((Number) em.createNativeQuery("""
                insert into statement (subject_id, title, body, created_by, kind) values (?1, ?2, ?3, ?4, ?5) returning id""")
                .setParameter(1, subjectId).setParameter(2, title.strip()).setParameter(3, body.strip())
                .setParameter(4, actorId).setParameter(5, kind != null && KINDS.contains(kind) ? kind : "INFORMATION").getSingleResult())
                .longValue();
        keepVersion(id, title, body, "PUBLISHED", actorId);
        append(actor, LogKind.STATEMENT_PUBLISHED, subjectId, subjectSlug, null, title.strip() + "\n\n" + body.strip());
        return id;
    }

    @Transactional
    public void update(long actorId, long id, int seenVersion, String title, String body) {
        Account actor = accounts.staff(actorId);
        Statement current = one(id).orElseThrow(NotFoundException::new);
        Long subjectId = subjectId(current.subjectSlug());
        checkScope(actor, subjectId);
        int n = em.createNativeQuery("""
                update statement set title = ?1, body = ?2, updated_at = now(), version = version + 1
                where id = ?3 and version = ?4 and status = 'PUBLISHED'""")
                .setParameter(1, title.strip()).setParameter(2, body.strip()).setParameter(3, id)
                .setParameter(4, seenVersion).executeUpdate();
        if (n == 0) {
            throw new PolicyChanges.StaleException();
        }
        keepVersion(id, title, body, "PUBLISHED", actorId);
        append(actor, LogKind.STATEMENT_PUBLISHED, subjectId, current.subjectSlug(), "updated",
                title.strip() + "\n\n" + body.strip());
    }

    @Transactional
    public void retire(long actorId, long id, int seenVersion, String note) {
        Account actor = accounts.staff(actorId);
        Statement current = one(id).orElseThrow(NotFoundException::new);
        Long subjectId = subjectId(current.subjectSlug());
        checkScope(actor, subjectId);
        int n = em.createNativeQuery("""
                update statement set status = 'RETIRED', updated_at = now(), version = version + 1
                where id = ?1 and version = ?2 and status = 'PUBLISHED'""")
                .setParameter(1, id).setParameter(2, seenVersion).executeUpdate();
        if (n == 0) {
            throw new PolicyChanges.StaleException();
        }
        keepVersion(id, current.title(), current.body(), "RETIRED", actorId);
        append(actor, LogKind.STATEMENT_RETIRED, subjectId, current.subjectSlug(),
                note == null || note.isBlank() ? null : note.strip(), current.title());
    }

    private void keepVersion(long id, String title, String body, String status, long actorId) {
        em.createNativeQuery("""
                insert into statement_version (statement_id, title, body, status, changed_by) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, id).setParameter(2, title.strip()).setParameter(3, body.strip())
                .setParameter(4, status).setParameter(5, actorId).executeUpdate();
    }

    private void append(Account actor, LogKind kind, Long subjectId, String slug, String reasonText, String body) {
        log.append(new PublicLog.Draft(kind, subjectId, slug, null, null, PublicActor.role(actor.role),
                publicActor.handle(actor), null, reasonText, body, null, null));
    }

    private Long subjectId(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        List<?> found = em.createNativeQuery("select id from subject where slug = ?1").setParameter(1, slug)
                .getResultList();
        if (found.isEmpty()) {
            throw new PolicyChanges.InvalidException("subject", "{candor.policy.scope}", slug);
        }
        return ((Number) found.get(0)).longValue();
    }

    /** A moderator limited to some subjects speaks for those, not for others or the whole board. */
    private void checkScope(Account actor, Long subjectId) {
        if (!accounts.moderates(actor, subjectId)) {
            throw new ForbiddenException("outside this moderator's subjects");
        }
    }

    private List<Statement> query(String where, Object param) {
        var q = em.createNativeQuery("""
                select s.id as id, subj.slug as slug, subj.name as name, s.title as title, s.body as body,
                    s.status = 'PUBLISHED' as current, a.display_name as author, s.created_at as created_at,
                    s.updated_at as updated_at, s.version as version, s.kind as kind
                from statement s left join subject subj on subj.id = s.subject_id join account a on a.id = s.created_by"""
                + where, Tuple.class);
        if (param != null) {
            q.setParameter(1, param);
        }
        return Sql.tuples(q).stream().map(t -> new Statement(Sql.number(t, "id"), Sql.text(t, "slug"),
                Sql.text(t, "name"), Sql.text(t, "title"), Sql.text(t, "body"), Sql.bool(t, "current"),
                Sql.text(t, "author"), Sql.instant(t, "created_at"), Sql.instant(t, "updated_at"),
                Sql.integer(t, "version"), Sql.text(t, "kind"))).toList();
    }

}
