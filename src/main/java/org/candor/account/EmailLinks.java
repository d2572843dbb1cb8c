package org.candor.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.candor.Sql;

/**
 * One-time sign-in links sent by e-mail. A link is kept only as a hash, works once, for
 * {@code candor.login.email.link-lifetime} (15 minutes), and only in the browser that asked for it (the hash of a random
 * value in a cookie of that browser is stored with it). Asking is limited per address and per network, and the answer
 * never depends on whether the address has an account: nothing about accounts is read until the link is used.
 */
@ApplicationScoped
public class EmailLinks {

    /** A plausible e-mail address: something, one @, a domain with a dot; no spaces or angle brackets. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]{1,64}@[^@\\s<>\",;]+\\.[^@\\s<>\",;]{2,}");
    public static final int MAX_ADDRESS = 254;

    /** Links were asked for this address, or from this network, too often this hour. */
    public static final class TooOften extends org.candor.web.RetryLater {
        TooOften(long retryAfterSeconds) {
            super("too many sign-in links asked for", retryAfterSeconds);
        }
    }

    /** Why a link did not sign anyone in. */
    public enum Refusal {
        UNKNOWN,
        USED,
        EXPIRED,
        OTHER_BROWSER;

        public String messageKey() {
            return "email_refused_" + name();
        }
    }

    /** What using a link came to: the address it proves, or why not. */
    public record Use(String address, String back, Refusal refusal) {
    }

    private final EntityManager em;
    private final AccountConfig config;
    private final CandorSession sessions;
    private final AccMsg msg;
    private final String publicUrl;
    private final String business;
    private final SecureRandom random = new SecureRandom();

    EmailLinks(EntityManager em, AccountConfig config, CandorSession sessions, AccMsg msg,
            @ConfigProperty(name = "candor.moderation.public-url") String publicUrl,
            @ConfigProperty(name = "candor.moderation.business-name") String business) {
        this.em = em;
        this.config = config;
        this.sessions = sessions;
        this.msg = msg;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.business = business;
    }

    /** The address as it is kept and compared: trimmed, lower case; null when it is not an address. */
    public static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.length() <= MAX_ADDRESS && org.candor.web.CleanText.Validator.clean(a, true) && ADDRESS.matcher(a).matches()
                ? a : null;
    }

    /** A new random value for the asking browser's cookie. */
    public String browserSecret() {
        return token();
    }

    /**
     * Sends a sign-in link to {@code address} (already {@link #normalise normalised}) for the browser holding
     * {@code browserSecret}, asked from {@code network}. Refused with the seconds to wait when the address or the
     * network has asked too often this hour.
     */
    @Transactional
    public void send(String address, String back, String browserSecret, String network) {
        byte[] networkHash = sessions.digest("email-sign-in-network", network);
        Tuple counts = Sql.tuples(em.createNativeQuery("""
                select (select count(*) from email_sign_in where address = ?1 and created_at > now() - interval '1 hour') as by_address,
                       (select min(created_at) from email_sign_in where address = ?1 and created_at > now() - interval '1 hour') as first_by_address,
                       (select count(*) from email_sign_in where ip_hash = ?2 and created_at > now() - interval '1 hour') as by_network,
                       (select min(created_at) from email_sign_in where ip_hash = ?2 and created_at > now() - interval '1 hour') as first_by_network""",
                Tuple.class).setParameter(1, address).setParameter(2, networkHash)).get(0);
        if (Sql.number(counts, "by_address") >= config.login().email().perAddressPerHour()) {
            throw new TooOften(waitFrom(Sql.instant(counts, "first_by_address")));
        }
        if (Sql.number(counts, "by_network") >= config.login().email().perNetworkPerHour()) {
            throw new TooOften(waitFrom(Sql.instant(counts, "first_by_network")));
        }
        String token = token();
        long minutes = config.login().email().linkLifetime().toMinutes();
        em.createNativeQuery("""
                insert into email_sign_in (token_hash, address, browser_hash, ip_hash, back, expires_at)
                values (?1, ?2, ?3, ?4, ?5, now() + make_interval(secs => ?6))""")
                .setParameter(1, sha256(token)).setParameter(2, address).setParameter(3, sha256(browserSecret))
                .setParameter(4, networkHash).setParameter(5, org.candor.web.LocalPath.orHome(back))
                .setParameter(6, (double) config.login().email().linkLifetime().toSeconds())
                .executeUpdate();
        queueMail(address, msg.email_link_subject(business),
                msg.email_link_body(business, publicUrl + "/login/email/" + token, minutes));
    }

    /**
     * Uses a link in the browser holding {@code browserSecret}: the address it proves, once; a link opened in another
     * browser stays usable in the right one.
     */
    @Transactional
    public Use use(String token, String browserSecret) {
        Tuple row = Sql.tuples(em.createNativeQuery("""
                select id as id, address as address, back as back, browser_hash as browser_hash,
                    used_at is not null as used, expires_at < now() as expired
                from email_sign_in where token_hash = ?1 for update""", Tuple.class)
                .setParameter(1, sha256(token == null ? "" : token))).stream().findFirst().orElse(null);
        if (row == null) {
            return new Use(null, null, Refusal.UNKNOWN);
        }
        if (Boolean.TRUE.equals(row.get("used"))) {
            return new Use(null, null, Refusal.USED);
        }
        if (Boolean.TRUE.equals(row.get("expired"))) {
            return new Use(null, null, Refusal.EXPIRED);
        }
        if (browserSecret == null || !MessageDigest.isEqual(sha256(browserSecret), (byte[]) row.get("browser_hash"))) {
            return new Use(null, null, Refusal.OTHER_BROWSER);
        }
        em.createNativeQuery("update email_sign_in set used_at = now() where id = ?1")
                .setParameter(1, Sql.number(row, "id")).executeUpdate();
        return new Use(Sql.text(row, "address"), Sql.text(row, "back"), null);
    }

    /** Queues an e-mail that is about no moderation notice (sent by the mail outbox with every other). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueMail(String to, String subject, String body) {
        em.createNativeQuery("insert into mail_outbox (to_address, subject, body) values (?1, ?2, ?3)")
                .setParameter(1, to).setParameter(2, subject).setParameter(3, body).executeUpdate();
    }

    private static long waitFrom(Instant first) {
        return first == null ? 60 : Math.max(1, first.plusSeconds(3600).getEpochSecond() - Instant.now().getEpochSecond());
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
