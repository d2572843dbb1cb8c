package org.candor.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.policy.PolicyChanges.InvalidException;
import org.candor.publiclog.LogKind;

/** Who is staff: finding accounts, and granting or revoking roles (on the public log) with a moderator's scope. */
@ApplicationScoped
public class RoleService {

    public record AccountRow(long id, String provider, String displayName, String email, Role role, String staffHandle,
            String scope, boolean insider, List<String> scopeSlugs) {

        /** Whether this account moderates only some subjects, this one among them. */
        public boolean scoped(String slug) {
            return scopeSlugs.contains(slug);
        }

        /** Whether this is the account with that id (the one whose form is shown again with messages). */
        public boolean isId(Long other) {
            return other != null && other == id;
        }
    }

    private final EntityManager em;
    private final PolicyChanges changes;
    private final PublicActor publicActor;

    RoleService(EntityManager em, PolicyChanges changes, PublicActor publicActor) {
        this.em = em;
        this.changes = changes;
        this.publicActor = publicActor;
    }

    /** Accounts whose name, provider or e-mail contains the query (staff first when the query is empty). */
    public List<AccountRow> findAccounts(String q) {
        String like = "%" + (q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_")) + "%";
        return accounts("""
                a.closed_at is null and (lower(a.display_name) like ?1 or lower(a.provider) like ?1 or lower(coalesce(a.email, '')) like ?1)
                order by case a.role when 'ADMIN' then 0 when 'MODERATOR' then 1 else 2 end, a.display_name, a.id
                limit 50""", like);
    }

    /** One account, for its edit page. */
    public java.util.Optional<AccountRow> account(long id) {
        return accounts("a.id = ?1 and a.closed_at is null", id).stream().findFirst();
    }

    private List<AccountRow> accounts(String where, Object param) {
        return Sql.tuples(em.createNativeQuery("""
                select a.id as id, a.provider as provider, a.display_name as name, a.email as email, a.role as role,
                    a.staff_handle as handle,
                    (select string_agg(s.name, ', ' order by s.name) from subject s where s.id = any(a.scope_subject_ids))
                        as scope,
                    (select string_agg(s.slug, ' ') from subject s where s.id = any(a.scope_subject_ids)) as slugs,
                    a.insider as insider
                from account a where\s""" + where, Tuple.class).setParameter(1, param)).stream()
                .map(t -> new AccountRow(Sql.number(t, "id"), Sql.text(t, "provider"), Sql.text(t, "name"),
                        Sql.text(t, "email"), Role.valueOf(Sql.text(t, "role")), Sql.text(t, "handle"), Sql.text(t, "scope"),
                        Sql.bool(t, "insider"), Sql.text(t, "slugs") == null ? List.of()
                                : List.of(Sql.text(t, "slugs").split(" "))))
                .toList();
    }

    /** A subject a moderator's scope can name. */
    public record ScopeChoice(String slug, String name) {
    }

    /** Every subject, by name: the choices of a moderator's scope (at most 2,000). */
    public List<ScopeChoice> scopeChoices() {
        return Sql.tuples(em.createNativeQuery("select slug as slug, name as name from subject order by name, slug limit 2000",
                Tuple.class)).stream().map(t -> new ScopeChoice(Sql.text(t, "slug"), Sql.text(t, "name"))).toList();
    }

    /** Marks an account as an insider (or not): its reviews are labelled Staff while it is one. */
    @Transactional
    public void setInsider(long adminId, long accountId, boolean insider) {
        changes.admin(adminId);
        em.createNativeQuery("update account set insider = ?2 where id = ?1 and insider <> ?2")
                .setParameter(1, accountId).setParameter(2, insider).executeUpdate();
        em.createNativeQuery("select notify_public('*')").getSingleResult();
    }

    /**
     * Sets an account's role, public staff handle and (for moderators) the subjects they moderate, given as
     * comma-separated slugs (blank: all). Granting or revoking a role is on the public log.
     */
    @Transactional
    public void setRole(long adminId, long accountId, Role role, String handle, String scopeSlugs) {
        Account admin = changes.admin(adminId);
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException();
        }
        if (account.id == admin.id && role != Role.ADMIN) {
            throw new InvalidException("role", "{candor.policy.self}", null);
        }
        List<String> slugs = scopeSlugs == null ? List.of() : Arrays.stream(scopeSlugs.split("[,\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs) {
            List<?> found = em.createNativeQuery("select id from subject where slug = ?1").setParameter(1, slug)
                    .getResultList();
            if (found.isEmpty()) {
                throw new InvalidException("scope", "{candor.policy.scope}", slug);
            }
            ids.add(((Number) found.get(0)).longValue());
        }
        Role before = account.role;
        String newHandle = handle == null || handle.isBlank() ? null : handle.strip();
        account.role = role;
        account.staffHandle = newHandle;
        em.flush();
        em.createNativeQuery("update account set scope_subject_ids = cast(?1 as bigint[]) where id = ?2")
                .setParameter(1, ids.isEmpty() || role != Role.MODERATOR ? null
                        : Sql.bigints(ids))
                .setParameter(2, accountId).executeUpdate();
        if (before != role) {
            boolean granted = role.ordinal() > before.ordinal();
            String shown = publicActor.handle(account);
            String who = shown == null ? "an account" : shown;
            String what = granted ? PublicActor.role(role) + " role granted to " + who
                    : PublicActor.role(before) + " role revoked from " + who
                            + (role == Role.CUSTOMER ? "" : " (now " + PublicActor.role(role) + ")");
            changes.append(changes.draft(admin, granted ? LogKind.ROLE_GRANTED : LogKind.ROLE_REVOKED, what, null));
        }
    }
}
