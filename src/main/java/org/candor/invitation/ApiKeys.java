package org.candor.invitation;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.candor.Sql;
import org.candor.account.AccountService;
import org.candor.account.EmailLinks;

/**
 * Keys for a shop's own systems: created and revoked by admins, shown once, kept as a SHA-256 hash, each limited to
 * the scopes it was made for. A key is {@code candor_<prefix>_<secret>}: the prefix finds the row, the hash of the
 * whole key must match. A key signs in nobody; it only lets its holder call the API of its scopes.
 */
@ApplicationScoped
public class ApiKeys {

    /** What a key may be used for. */
    public enum Scope {
        /** {@code POST /api/invitations}. */
        INVITATIONS;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A key as admins see it: never its secret. */
    public record Key(long id, String name, String prefix, List<String> scopes, Instant createdAt, Instant revokedAt,
            Instant lastUsedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just made: {@code secret} is shown once and never again. */
    public record Created(long id, String secret) {
    }

    private final EntityManager em;
    private final AccountService accounts;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(EntityManager em, AccountService accounts) {
        this.em = em;
        this.accounts = accounts;
    }

    @Transactional
    public Created create(long adminId, String name, Set<Scope> scopes) {
        accounts.admin(adminId);
        byte[] prefixBytes = new byte[6];
        byte[] secretBytes = new byte[24];
        random.nextBytes(prefixBytes);
        random.nextBytes(secretBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String key = "candor_" + prefix + "_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Number id = (Number) em.createNativeQuery("""
                insert into api_key (name, prefix, secret_hash, scopes, created_by) values (?1, ?2, ?3, cast(?4 as text[]), ?5)
                returning id""").setParameter(1, name.strip()).setParameter(2, prefix)
                .setParameter(3, EmailLinks.sha256(key))
                .setParameter(4, "{" + String.join(",", scopes.stream().map(Scope::value).sorted().toList()) + "}")
                .setParameter(5, adminId).getSingleResult();
        return new Created(id.longValue(), key);
    }

    @Transactional
    public void revoke(long adminId, long keyId) {
        accounts.admin(adminId);
        em.createNativeQuery("update api_key set revoked_at = now(), revoked_by = ?2 where id = ?1 and revoked_at is null")
                .setParameter(1, keyId).setParameter(2, adminId).executeUpdate();
    }

    /**
     * The id of the active key this {@code Authorization} header carries, when it has this scope; null otherwise
     * (no key, a wrong or revoked one, or one made for something else).
     */
    @Transactional
    public Long authorise(String authorization, Scope scope) {
        if (authorization == null || !authorization.startsWith("Bearer candor_")) {
            return null;
        }
        String key = authorization.substring("Bearer ".length()).strip();
        String[] parts = key.split("_", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{12}")) {
            return null;
        }
        Tuple row = Sql.tuples(em.createNativeQuery("""
                select id as id, secret_hash as secret_hash, ?2 = any(scopes) as scoped from api_key
                where prefix = ?1 and revoked_at is null""", Tuple.class).setParameter(1, parts[1])
                .setParameter(2, scope.value())).stream().findFirst().orElse(null);
        if (row == null || !MessageDigest.isEqual((byte[]) row.get("secret_hash"), EmailLinks.sha256(key))
                || !Boolean.TRUE.equals(row.get("scoped"))) {
            return null;
        }
        long id = Sql.number(row, "id");
        em.createNativeQuery("update api_key set last_used_at = now() where id = ?1 and "
                + "(last_used_at is null or last_used_at < now() - interval '1 minute')").setParameter(1, id).executeUpdate();
        return id;
    }

    @Transactional
    public List<Key> all() {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, name as name, prefix as prefix, array_to_string(scopes, ',') as scopes,
                    created_at as created_at, revoked_at as revoked_at, last_used_at as last_used_at
                from api_key order by revoked_at is not null, id desc""", Tuple.class)).stream()
                .map(t -> new Key(Sql.number(t, "id"), Sql.text(t, "name"), Sql.text(t, "prefix"),
                        List.of(Sql.text(t, "scopes").split(",")), Sql.instant(t, "created_at"),
                        Sql.instant(t, "revoked_at"), Sql.instant(t, "last_used_at")))
                .toList();
    }
}
