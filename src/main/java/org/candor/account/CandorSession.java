package org.candor.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Candor's own session: who signed in, with which provider, when, and when they were last seen, in one cookie encrypted
 * and authenticated with AES-GCM under {@code candor.session.secret}. Once a provider has signed someone in, their
 * session is this cookie alone: it lasts {@code candor.session.max-age} and ends after {@code candor.session.idle-timeout}
 * without a request, whatever the lifetime of the provider's tokens. Last-seen lives inside the encrypted value, so the
 * idle timeout cannot be skipped by dropping or editing a cookie. The provider's ID token, which only signing out at the
 * provider needs, travels in a cookie of its own ({@link #SIGN_OUT}) that browsers send to the sign-out route alone: the
 * session cookie every request carries stays a tenth of the size.
 */
@ApplicationScoped
public class CandorSession {

    public static final String COOKIE = org.candor.web.SignedInReaders.SESSION_COOKIE;
    /** The cookie holding the provider's ID token for signing out there, sent by browsers to {@link #SIGN_OUT_PATH} only. */
    public static final String SIGN_OUT = "candor_signout";
    static final String SIGN_OUT_PATH = "/logout";
    /** How often last-seen is written again: at most once a minute per session. */
    static final long SLIDE_SECONDS = 60;
    /** Longest cookie value: a longer ID token is not kept (it only serves provider sign-out). */
    private static final int MAX_VALUE = 3600;
    private static final int IV_BYTES = 12;
    private static final byte VERSION = 1;
    /** The first byte of a sealed text ({@link #seal}), so neither can pass for the other. */
    private static final byte SEALED = 2;

    /**
     * A session. {@code idToken} and {@code endSession} are what signing out at the provider needs, when it supports it;
     * the ID token is known when the session starts (and in values written before it had a cookie of its own), not on
     * every read: see {@link #idToken}.
     */
    public record Session(long accountId, String provider, long issuedAt, long lastSeen, String idToken,
            String endSession) {

        Session seenAt(long now) {
            return new Session(accountId, provider, issuedAt, now, idToken, endSession);
        }
    }

    /**
     * Sessions as decoded, by cookie value: a browser sends the same value for up to a minute ({@link #SLIDE_SECONDS}),
     * and decrypting it (a cipher looked up, its key expanded, the value authenticated) was a fifth of a signed-in
     * page's CPU once the page itself was kept (#19). A value is only ever decoded to the one session it holds, so
     * keeping it changes nothing of what {@link #read} accepts: its age and idle time are checked on every read. Found
     * by the value's last characters (its authentication tag; hashing all of a long value cost a third of decrypting
     * it), and taken only when the whole value is the same.
     */
    private record Decoded(String value, Session session) {
    }

    private static final int TAG_CHARS = 22;
    private final Cache<String, Decoded> decoded = Caffeine.newBuilder()
            // a value is Latin-1 text, a byte a character (~0.2 KB without the ID token); 12,000 sessions ~6 MB
            .maximumWeight(16L << 20)
            .weigher((String tag, Decoded d) -> d.value().length() + length(d.session().idToken())
                    + length(d.session().endSession()) + 256)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Duration maxAge;
    private final Duration idle;
    private final boolean secure;

    CandorSession(AccountConfig config) {
        this.key = new SecretKeySpec(sha256(config.session().secret().filter(v -> !v.isBlank())
                .orElseGet(CandorSession::inventedSecret)), "AES");
        this.maxAge = config.session().maxAge();
        this.idle = config.session().idleTimeout();
        this.secure = config.session().cookieSecure();
    }

    /** The session this cookie value holds, if it is ours, unaltered, and neither past its age nor idle too long. */
    public Optional<Session> read(String value, long now) {
        String tag = tag(value);
        Decoded kept = tag == null ? null : decoded.getIfPresent(tag);
        Optional<Session> session = kept != null && kept.value().equals(value) ? Optional.of(kept.session())
                : decode(value);
        if (tag != null && kept == null && session.isPresent()) {
            decoded.put(tag, new Decoded(value, session.get()));
        }
        return session.filter(s -> now - s.issuedAt() <= maxAge.toSeconds() && now - s.lastSeen() <= idle.toSeconds()
                && s.lastSeen() <= now + SLIDE_SECONDS);
    }

    /**
     * The cookie that carries this session. Its value is kept as decoded at once: the browser sends it back on its
     * next request, which would otherwise decrypt it (a benchmark window's first view of each of 12,000 customers did).
     */
    public Cookie cookie(Session session) {
        Session sent = new Session(session.accountId(), session.provider(), session.issuedAt(), session.lastSeen(),
                null, session.endSession());
        String value = encode(sent);
        decoded.put(tag(value), new Decoded(value, sent));
        return base(value).setMaxAge(maxAge.toSeconds());
    }

    /**
     * The cookies that start {@code session}: the session's, and, when the provider gave an ID token and can be signed
     * out of, the token sealed to this session in a cookie the browser sends to the sign-out route only.
     */
    public List<Cookie> started(Session session) {
        Cookie cookie = cookie(session);
        if (session.idToken() == null || session.endSession() == null) {
            return List.of(cookie);
        }
        String hint = seal(SIGN_OUT, session.accountId() + "\n" + session.issuedAt() + "\n" + session.idToken(),
                session.issuedAt() + maxAge.toSeconds());
        return hint.length() > MAX_VALUE ? List.of(cookie)
                : List.of(cookie, sideCookie(SIGN_OUT, hint, maxAge.toSeconds()).setPath(SIGN_OUT_PATH));
    }

    /**
     * The ID token to sign {@code session} out at its provider with: from the sign-out cookie when it was sealed for
     * this very session (same account, same start), or from a value written when the session cookie held it.
     */
    public Optional<String> idToken(Session session, String signOutCookie, long now) {
        if (session.idToken() != null) {
            return Optional.of(session.idToken());
        }
        return unseal(SIGN_OUT, signOutCookie, now).map(text -> text.split("\n", 3))
                .filter(f -> f.length == 3 && f[0].equals(Long.toString(session.accountId()))
                        && f[1].equals(Long.toString(session.issuedAt())))
                .map(f -> f[2]);
    }

    /** The cookie that drops the sign-out cookie. */
    public Cookie signOutCleared() {
        return sideCookie(SIGN_OUT, "", 0).setPath(SIGN_OUT_PATH);
    }

    /**
     * The cookies that carry {@code session} in place of the value {@code sent}, which is no longer kept: a value read
     * for minutes would otherwise outweigh its successor in the cache and keep it out (the kept values of a benchmark's
     * 12,000 customers, renewed every minute, were decrypted again on a tenth of their views). A value written when the
     * session cookie still held the ID token hands it to a sign-out cookie, as {@link #started} does.
     */
    public List<Cookie> renewed(String sent, Session session) {
        String tag = tag(sent);
        if (tag != null) {
            decoded.invalidate(tag);
        }
        return started(session);
    }

    /** What a value is kept by: its last characters, its authentication tag; null when it is too short to have one. */
    private static String tag(String value) {
        return value == null || value.length() < TAG_CHARS ? null : value.substring(value.length() - TAG_CHARS);
    }

    /** The cookie that ends a session in the browser. */
    public Cookie cleared() {
        return base("").setMaxAge(0);
    }

    /** Whether last-seen is old enough to be written again. */
    static boolean due(Session session, long now) {
        return now - session.lastSeen() >= SLIDE_SECONDS;
    }

    private Cookie base(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }

    String encode(Session s) {
        byte[] plain = String.join("\n", Long.toString(s.accountId()), s.provider(), Long.toString(s.issuedAt()),
                Long.toString(s.lastSeen()), s.idToken() == null ? "" : s.idToken(),
                s.endSession() == null ? "" : s.endSession()).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(new byte[] { VERSION });
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Session> decode(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE * 2) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length < 1 + IV_BYTES + 16 || all[0] != VERSION) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 1, IV_BYTES));
            cipher.updateAAD(new byte[] { VERSION });
            byte[] plain = cipher.doFinal(all, 1 + IV_BYTES, all.length - 1 - IV_BYTES);
            String[] f = new String(plain, StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 6) {
                return Optional.empty();
            }
            return Optional.of(new Session(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                    f[4].isEmpty() ? null : f[4], f[5].isEmpty() ? null : f[5]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A short text sealed for a cookie of its own under the session key (a sign-in waiting to be linked, say), valid
     * until {@code expiresAt}; {@link #unseal} gives it back only unaltered, for the same purpose and in time.
     */
    String seal(String purpose, String text, long expiresAt) {
        return seal(purpose + "\n" + expiresAt + "\n" + text);
    }

    Optional<String> unseal(String purpose, String value, long now) {
        return open(value).map(plain -> plain.split("\n", 3)).filter(f -> f.length == 3 && f[0].equals(purpose))
                .filter(f -> now <= Long.parseLong(f[1])).map(f -> f[2]);
    }

    private String seal(String text) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(new byte[] { SEALED });
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(SEALED).put(iv).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> open(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length < 1 + IV_BYTES + 16 || all[0] != SEALED) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 1, IV_BYTES));
            cipher.updateAAD(new byte[] { SEALED });
            return Optional.of(new String(cipher.doFinal(all, 1 + IV_BYTES, all.length - 1 - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A keyed digest (HMAC-SHA-256 under the session key) of a value that must not be stored as it is, such as a
     * network address: the same on every instance, useless without the key.
     */
    byte[] digest(String purpose, String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal((purpose + "\n" + value).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cookie of Candor's own beside the session (HttpOnly, same-site Lax, secure in production). */
    Cookie sideCookie(String name, String value, long maxAgeSeconds) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String inventedSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("candor-session\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
