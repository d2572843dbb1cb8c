package org.candor.invitation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.candor.Sql;
import org.candor.account.AccountService;

/**
 * Incentives an admin offers to invited customers ("a 10 % voucher"): defined once, attached to invitations, copied to
 * the review as the label "Incentive received: …". An incentive has no rating, sentiment or condition: the same for
 * every review by construction.
 */
@ApplicationScoped
public class Incentives {

    public static final int MAX = 200;

    public record Incentive(long id, String description, Instant createdAt, Instant retiredAt) {
    }

    private final EntityManager em;
    private final AccountService accounts;

    Incentives(EntityManager em, AccountService accounts) {
        this.em = em;
        this.accounts = accounts;
    }

    @Transactional
    public long create(long adminId, String description) {
        accounts.admin(adminId);
        return ((Number) em.createNativeQuery(
                "insert into incentive (description, created_by) values (?1, ?2) returning id")
                .setParameter(1, description.strip()).setParameter(2, adminId).getSingleResult()).longValue();
    }

    @Transactional
    public void retire(long adminId, long id) {
        accounts.admin(adminId);
        em.createNativeQuery("update incentive set retired_at = now() where id = ?1 and retired_at is null")
                .setParameter(1, id).executeUpdate();
    }

    @Transactional
    public List<Incentive> all() {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, description as description, created_at as created_at, retired_at as retired_at
                from incentive order by retired_at is not null, id desc""", Tuple.class)).stream()
                .map(t -> new Incentive(Sql.number(t, "id"), Sql.text(t, "description"), Sql.instant(t, "created_at"),
                        Sql.instant(t, "retired_at"))).toList();
    }
}
