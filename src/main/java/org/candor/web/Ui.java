package org.candor.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;


/**
 * What the shared layout needs about the current request: its language and where the language switcher comes back to.
 * Templates reach it as {@code {inject:ui}}.
 */
@Named("ui")
@RequestScoped
public class Ui {

    /** The cookie that keeps a visitor's chosen language. */
    public static final String LANGUAGE_COOKIE = "candor_lang";
    /** The languages Candor speaks; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private final HttpServerRequest request;
    private final Visitor user;
    private final CsrfTokenParameterProvider csrf;
    private Locale locale;

    private final String business;

    Ui(HttpServerRequest request, Visitor user, CsrfTokenParameterProvider csrf, Business business) {
        this.request = request;
        this.user = user;
        this.csrf = csrf;
        this.business = business.name();
    }

    /**
     * The business's name, read from the configuration once: injected into this request-scoped bean directly, it was
     * looked up through every configuration source on each request (2.5 % of a queue view's CPU).
     */
    @jakarta.inject.Singleton
    static class Business {
        private final String name;

        Business(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.business-name") String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    /** The form field that carries the CSRF token. */
    public String csrfName() {
        return csrf.getParameterName();
    }

    /**
     * This request's CSRF token for forms, or an empty string when there is none (a page rendered for a request the
     * CSRF check refused: its forms will be refused again, and say so).
     */
    public String csrfToken() {
        String standIn = Stencils.standIn(Stencils.CSRF);
        if (standIn != null) {
            return standIn;
        }
        try {
            String token = csrf.getToken();
            return token == null ? "" : token;
        } catch (IllegalStateException noToken) {
            return "";
        }
    }

    public boolean signedIn() {
        return user.signedIn();
    }

    /** The signed-in person's display name, or null. */
    public String userName() {
        String standIn = Stencils.standIn(Stencils.NAME);
        return standIn != null ? standIn : user.displayName();
    }

    /** The signed-in account's id, or null. */
    public Long accountId() {
        return user.signedIn() ? user.accountId() : null;
    }

    /** Who official replies come from. */
    public String business() {
        return business;
    }

    public boolean moderator() {
        return user.signedIn() && user.isModerator();
    }

    public boolean admin() {
        return user.signedIn() && user.isAdmin();
    }

    /** The one-time message key to show on this page (see {@link Flash}), or null. */
    public String flash() {
        Cookie cookie = request.getCookie(Flash.COOKIE);
        return cookie == null ? null : Flash.key(cookie.getValue());
    }

    /** The chosen language cookie, else the best match of Accept-Language, else English. */
    public Locale locale() {
        if (locale == null) {
            locale = resolve(request);
        }
        return locale;
    }

    public String lang() {
        return locale().getLanguage();
    }

    /** The current path and query, for links that bring the visitor back here. */
    public String here() {
        String uri = request.uri();
        return uri == null || uri.isEmpty() ? "/" : uri;
    }

    /** {@link #here()} encoded for a {@code back=} query parameter. */
    public String back() {
        return java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Locale resolve(HttpServerRequest request) {
        Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
        if (chosen != null) {
            Locale supported = supported(chosen.getValue());
            if (supported != null) {
                return supported;
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return SUPPORTED.get(0);
        }
        Locale known = ACCEPTED.get(header);
        if (known == null) {
            known = accepted(header);
            if (header.length() <= 200) {
                if (ACCEPTED.size() >= 1000) {
                    ACCEPTED.clear();
                }
                ACCEPTED.put(header, known);
            }
        }
        return known;
    }

    /**
     * The languages {@code Accept-Language} headers resolved to, by header: browsers send a handful of distinct ones,
     * and parsing one (a regular expression per range) was a cost of every page answered from memory (#19).
     */
    private static final Map<String, Locale> ACCEPTED = new ConcurrentHashMap<>();

    private static Locale accepted(String header) {
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null ? match : SUPPORTED.get(0);
        } catch (IllegalArgumentException malformed) {
            // a malformed header is no reason to fail the page: fall back to the default
            return SUPPORTED.get(0);
        }
    }

    /** The supported locale for a language tag such as {@code es}, or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equalsIgnoreCase(tag.strip())).findFirst().orElse(null);
    }
}
