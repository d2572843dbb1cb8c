package org.candor.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * What a visitor typed into a form when they turned out not to be signed in (their session ended while they wrote):
 * kept on the server, bound to their browser by a random id in a cookie, and given back once to the page the form is
 * on when they return signed in. So the round trip to the identity provider never costs anyone their text.
 */
@ApplicationScoped
public class Drafts {

    static final String COOKIE = "candor_draft";
    private static final int KEPT_SECONDS = 24 * 3600;

    private final EntityManager em;
    private final ObjectMapper json;
    private final CurrentVertxRequest request;
    private final boolean secure;

    Drafts(EntityManager em, ObjectMapper json, CurrentVertxRequest request,
            @ConfigProperty(name = "candor.session.cookie-secure", defaultValue = "false") boolean secure) {
        this.em = em;
        this.json = json;
        this.request = request;
        this.secure = secure;
    }

    /**
     * Keeps what was typed into the form shown at {@code page} and sends the visitor to sign in, then back to that page.
     * {@code fields} alternates names and values; absent values are left out.
     */
    @Transactional
    public Response keepAndSignIn(String page, String... fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                typed.put(fields[i], fields[i + 1]);
            }
        }
        // a draft is not content (PRODUCT.md invariant 1): it was never accepted nor shown to anyone, only kept for
        // the browser that typed it; so a day-old one goes, and one given back goes
        em.createNativeQuery("delete from form_draft where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, KEPT_SECONDS).executeUpdate();
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into form_draft (id, page, fields) values (?1, ?2, cast(?3 as jsonb))")
                    .setParameter(1, id).setParameter(2, page).setParameter(3, json.writeValueAsString(typed))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Response.seeOther(URI.create("/login?back=" + URLEncoder.encode(LocalPath.orHome(page),
                StandardCharsets.UTF_8))).cookie(cookie(id.toString(), KEPT_SECONDS)).build();
    }

    /** What this browser typed into the form at {@code page} before signing in, once; the draft is then gone. */
    @Transactional
    public Optional<Map<String, String>> take(String page) {
        var current = request.getCurrent();
        Cookie cookie = current == null ? null : current.request().getCookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(cookie.getValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                delete from form_draft where id = ?1 and page = ?2 and created_at > now() - make_interval(secs => ?3)
                returning cast(fields as text)""")
                .setParameter(1, id).setParameter(2, page).setParameter(3, KEPT_SECONDS).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        current.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSecure(secure).setSameSite(CookieSameSite.LAX));
        try {
            return Optional.of(json.readValue(found.get(0), new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether this browser has a draft waiting for it to sign in (the sign-in page says so). */
    public boolean waiting() {
        var current = request.getCurrent();
        return current != null && current.request().getCookie(COOKIE) != null;
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
