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
        if (moderatesAll(actor)) {
            return true;
        }
        return subjectId != null && java.util.Arrays.asList(actor.scopeSubjectIds).contains(subjectId);
    }

    /** Whether this staff member moderates every subject (admins, and moderators without a scope). */
    public boolean moderatesAll(Account actor) {
        return actor.role != Role.MODERATOR || actor.scopeSubjectIds == null;
    }

    /**
     * The subjects this staff member moderates, or null when they moderate the whole board (admins, and moderators
     * without a scope).
     */
    public java.util.Set<Long> scope(Account actor) {
        if (actor.role != Role.MODERATOR) {
            return null;
        }
        // one row per subject in scope; one row with a null id when the scope is unset (every subject) or empty (none,
        // as moderates() and the queue's own reads take it: an empty list never widens to the whole board)
        java.util.Set<Long> scope = new java.util.HashSet<>();
        for (jakarta.persistence.Tuple row : org.candor.Sql.tuples(em.createNativeQuery("""
                select a.scope_subject_ids is null as whole, s.id as id
                from account a left join lateral unnest(a.scope_subject_ids) s(id) on true
                where a.id = ?1""", jakarta.persistence.Tuple.class).setParameter(1, actor.id))) {
            if (org.candor.Sql.bool(row, "whole")) {
                return null;
            }
            Long id = org.candor.Sql.number(row, "id");
            if (id != null) {
                scope.add(id);
            }
        }
        return java.util.Collections.unmodifiableSet(scope);
    }

    /**
     * The account this identity signs in to, if it has one (and it is not closed). A verified e-mail address the
     * provider now gives is remembered on the identity and, when the account has none, on the account.
     */
    @Transactional
    public Optional<Account> existing(SignIn who) {
        Account account = find(who.provider(), who.subject()).orElse(null);
        if (account == null) {
            return Optional.empty();
        }
        if (who.email() != null) {
            em.createNativeQuery("update account_identity set email = ?3 where provider = ?1 and subject = ?2 "
                    + "and email is distinct from ?3").setParameter(1, who.provider()).setParameter(2, who.subject())
                    .setParameter(3, who.email()).executeUpdate();
            if (!who.email().equals(account.email)) {
                account.email = who.email();
                account.emailVerified = true;
            }
        }
        if (account.bootstrapPromotedAt == null && isBootstrapAdmin(who)) {
            promote(account);
        }
        return Optional.of(account);
    }

    /**
     * A new customer account for this identity, or the account it already has: safe when the same person signs in
     * twice at once (the database keeps each identity unique).
     */
    @Transactional
    public Account create(SignIn who) {
        Optional<Account> already = existing(who);
        if (already.isPresent()) {
            return already.get();
        }
        // the account row brings its identity along (trigger account_first_identity, V16); an account made by an
        // import without one (replica-mode COPY) gets it here
        Number id = (Number) em.createNativeQuery("""
                with a as (
                    insert into account (provider, provider_subject, display_name, email, email_verified)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (provider, provider_subject) do nothing returning id)
                select id from a
                union all select id from account where provider = ?1 and provider_subject = ?2 and closed_at is null
                limit 1""")
                .setParameter(1, who.provider())
                .setParameter(2, who.subject())
                .setParameter(3, cleanName(who.displayName()))
                .setParameter(4, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, who.email()))
                .setParameter(5, who.email() != null)
                .getResultStream().findFirst().orElse(null);
        if (id == null) {
            // the same person signed in twice at once: the other sign-in made it (this statement's snapshot predates it)
            return existing(who).orElseThrow(() -> new IllegalStateException("no account for a sign-in with "
                    + who.provider()));
        }
        em.createNativeQuery("""
                insert into account_identity (provider, subject, account_id, email) values (?1, ?2, ?3, ?4)
                on conflict do nothing""").setParameter(1, who.provider()).setParameter(2, who.subject())
                .setParameter(3, id.longValue()).setParameter(4, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, who.email()))
                .executeUpdate();
        Account account = em.find(Account.class, id.longValue());
        LOG.infof("New account %d signed in with %s", account.id, who.provider());
        if (isBootstrapAdmin(who)) {
            promote(account);
        }
        return account;
    }

    /** What linking an identity to an account came to. */
    public enum Linked {
        LINKED,
        ALREADY_THIS_ACCOUNT,
        BELONGS_TO_ANOTHER_ACCOUNT
    }

    /**
     * Links an identity to an account, once the person has proved both (signed in to the account, then with the
     * identity). An identity that already signs in to another account stays there: accounts are never merged.
     */
    @Transactional
    public Linked link(long accountId, SignIn who) {
        Account owner = find(who.provider(), who.subject()).orElse(null);
        if (owner != null) {
            return owner.id == accountId ? Linked.ALREADY_THIS_ACCOUNT : Linked.BELONGS_TO_ANOTHER_ACCOUNT;
        }
        int inserted = em.createNativeQuery("""
                insert into account_identity (provider, subject, account_id, email)
                select ?1, ?2, id, ?4 from account where id = ?3 and closed_at is null on conflict do nothing""")
                .setParameter(1, who.provider()).setParameter(2, who.subject()).setParameter(3, accountId)
                .setParameter(4, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, who.email()))
                .executeUpdate();
        if (inserted == 0) {
            return Linked.BELONGS_TO_ANOTHER_ACCOUNT;
        }
        // the account row changes (an address it lacked; its version), so every instance forgets what it remembered
        em.createNativeQuery("""
                update account set version = version + 1, email = coalesce(email, ?2),
                    email_verified = email_verified or (email is null and ?2 is not null) where id = ?1""")
                .setParameter(1, accountId).setParameter(2, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.STRING, who.email()))
                .executeUpdate();
        LOG.infof("Account %d linked a %s sign-in", accountId, who.provider());
        return Linked.LINKED;
    }

    /**
     * Another open account that has verified this sign-in's e-mail address, if any: the person is offered to link the
     * two rather than have a second account made silently. Identities keep the address their provider verified.
     */
    @Transactional
    public Optional<Account> sameVerifiedEmail(SignIn who) {
        if (who.email() == null) {
            return Optional.empty();
        }
        return em.createNativeQuery("""
                select a.* from account a where a.closed_at is null and a.id in (
                    select i.account_id from account_identity i where lower(i.email) = lower(?1))
                order by a.id limit 1""", Account.class).setParameter(1, who.email()).getResultStream().findFirst();
    }

    /** The identities an account signs in with: provider and, for e-mail, the address. */
    public record Identity(String provider, String subject, String email, java.time.Instant linkedAt) {
    }

    @Transactional
    public List<Identity> identities(long accountId) {
        return org.candor.Sql.tuples(em.createNativeQuery("""
                select provider as provider, subject as subject, email as email, linked_at as linked_at
                from account_identity where account_id = ?1 order by linked_at, provider""", jakarta.persistence.Tuple.class)
                .setParameter(1, accountId)).stream()
                .map(t -> new Identity(org.candor.Sql.text(t, "provider"), org.candor.Sql.text(t, "subject"),
                        org.candor.Sql.text(t, "email"), org.candor.Sql.instant(t, "linked_at")))
                .toList();
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

    /** The open account this identity signs in to. */
    public Optional<Account> find(String provider, String subject) {
        return em.createNativeQuery("""
                select a.* from account_identity i join account a on a.id = i.account_id
                where i.provider = ?1 and i.subject = ?2 and a.closed_at is null""", Account.class)
                .setParameter(1, provider)
                .setParameter(2, subject)
                .getResultStream().findFirst();
    }

    /** The account as it is now, read in a transaction of its own (for signing in a request). */
    @Transactional
    Optional<Account> current(long id) {
        return Optional.ofNullable(em.find(Account.class, id)).filter(a -> a.closedAt == null);
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
