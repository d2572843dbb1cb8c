package org.candor.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.security.ForbiddenException;

import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/** Finds, creates and changes accounts. Roles live here, in our database. */
@ApplicationScoped
public class AccountService {

    /** Longest display name accepted. */
    public static final int MAX_NAME = 60;

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final EntityManager em;
    private final List<String> bootstrapAdmins;
    private final PublicLog log;

    AccountService(EntityManager em, AccountConfig config, PublicLog log) {
        this.em = em;
        this.log = log;
        this.bootstrapAdmins = config.bootstrapAdmins().orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** The acting account if it is staff (moderator or admin); anyone else is refused. */
    public Account staff(long accountId) {
        Account actor = em.find(Account.class, accountId);
        if (actor == null || actor.role == Role.CUSTOMER) {
            throw new ForbiddenException("moderators and admins only");
        }
        return actor;
    }

    /** The acting account if it is an admin; anyone else is refused. */
    public Account admin(long accountId) {
        Account actor = em.find(Account.class, accountId);
        if (actor == null || actor.role != Role.ADMIN) {
            throw new ForbiddenException("admins only");
        }
        return actor;
    }

    /**
     * Whether this staff member moderates the subject ({@code null}: the whole board). Admins and moderators without
     * a scope moderate everything; a moderator limited to some subjects only those, and never the whole board.
     */
    public boolean moderates(Account actor, Long subjectId) {
        if (actor.role != Role.MODERATOR) {
            return true;
        }
        return ((Number) em.createNativeQuery(
                "select count(*) from account where id = ?1 and (scope_subject_ids is null or ?2 = any(scope_subject_ids))")
                .setParameter(1, actor.id).setParameter(2, subjectId == null ? -1L : subjectId)
                .getSingleResult()).longValue() == 1;
    }

    /**
     * The subjects this staff member moderates, or null when they moderate the whole board (admins, and moderators
     * without a scope).
     */
    public java.util.Set<Long> scope(Account actor) {
        if (actor.role != Role.MODERATOR) {
            return null;
        }
        // one row per subject in scope; one row with a null id when the moderator's scope is every subject
        java.util.Set<Long> scope = new java.util.HashSet<>();
        for (jakarta.persistence.Tuple row : org.candor.Sql.tuples(em.createNativeQuery("""
                select s.id as id from account a left join lateral unnest(a.scope_subject_ids) s(id) on true
                where a.id = ?1""", jakarta.persistence.Tuple.class).setParameter(1, actor.id))) {
            Long id = org.candor.Sql.number(row, "id");
            if (id == null) {
                return null;
            }
            scope.add(id);
        }
        return java.util.Collections.unmodifiableSet(scope);
    }

    /**
     * The account of the person who just signed in: the existing one for (provider, subject), or a new customer
     * account. Safe when the same person signs in twice at once: the database keeps (provider, subject) unique.
     */
    @Transactional
    public Account signIn(SignIn who) {
        Account account = find(who.provider(), who.subject()).orElse(null);
        if (account == null) {
            em.createNativeQuery("""
                    insert into account (provider, provider_subject, display_name, email, email_verified)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (provider, provider_subject) do nothing""")
                    .setParameter(1, who.provider())
                    .setParameter(2, who.subject())
                    .setParameter(3, cleanName(who.displayName()))
                    .setParameter(4, who.email())
                    .setParameter(5, who.email() != null)
                    .executeUpdate();
            account = find(who.provider(), who.subject()).orElseThrow();
            LOG.infof("New account %d signed in with %s", account.id, who.provider());
        } else if (who.email() != null && !who.email().equals(account.email)) {
            account.email = who.email();
            account.emailVerified = true;
        }
        if (account.bootstrapPromotedAt == null && isBootstrapAdmin(who)) {
            promote(account);
        }
        return account;
    }

    /**
     * Makes a bootstrap admin admin, once (an admin may take the role away later, and it stays away), and says so on the
     * public log like every role grant. The configuration acts, not a person; the log names no one.
     */
    private void promote(Account account) {
        account.bootstrapPromotedAt = java.time.Instant.now();
        if (account.role == Role.ADMIN) {
            return;
        }
        account.role = Role.ADMIN;
        em.flush();
        log.append(new PublicLog.Draft(LogKind.ROLE_GRANTED, null, null, null, null, "system", null, null, null,
                "admin role granted to an account named in the board's configuration (candor.bootstrap-admins)", null, null));
        LOG.infof("Account %d is a bootstrap admin (candor.bootstrap-admins)", account.id);
    }

    /**
     * Whether signing in as {@code who} would leave an account with this e-mail address and role as it is, so what an
     * instance remembers of it ({@link KnownAccounts}) is still what {@link #signIn} would return.
     */
    boolean unchangedBy(SignIn who, String email, Role role) {
        return (who.email() == null || who.email().equals(email)) && !isBootstrapAdmin(who);
    }

    public Optional<Account> find(String provider, String subject) {
        return em.createQuery("from Account a where a.provider = :p and a.providerSubject = :s", Account.class)
                .setParameter("p", provider)
                .setParameter("s", subject)
                .getResultStream().findFirst();
    }

    /** The account as it is now, read in a transaction of its own (for signing in a request). */
    @Transactional
    Optional<Account> current(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Account byId(long id) {
        return em.find(Account.class, id);
    }

    /** Changes the name shown on the account's reviews and comments. */
    @Transactional
    public Account rename(long accountId, String displayName) {
        Account account = em.find(Account.class, accountId);
        account.displayName = cleanName(displayName);
        return account;
    }

    private boolean isBootstrapAdmin(SignIn who) {
        String key = (who.provider() + ":" + who.subject()).toLowerCase(Locale.ROOT);
        return bootstrapAdmins.contains(key)
                || (who.email() != null && bootstrapAdmins.contains(who.email().toLowerCase(Locale.ROOT)));
    }

    static String cleanName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (clean.isEmpty()) {
            clean = "Customer";
        }
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
    }
}
