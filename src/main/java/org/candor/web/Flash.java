package org.candor.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One-time messages after post/redirect/get: the redirect carries a message key in a short-lived cookie, the next
 * page shows it ({@link Ui#flash()}) and the cookie is cleared.
 */
@ApplicationScoped
public class Flash {

    private final boolean secure;

    Flash(@ConfigProperty(name = "candor.session.cookie-secure", defaultValue = "false") boolean secure) {
        this.secure = secure;
    }

    static final String COOKIE = "candor_flash";
    private static final Pattern KEY = Pattern.compile("flash_[a-z_]{1,60}");

    /** A 303 to {@code location} that shows the message {@code key} (a {@code Msg} key starting with flash_) there. */
    public Response redirect(URI location, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a flash message key: " + key);
        }
        return Response.seeOther(location).cookie(cookie(key, 60)).build();
    }

    /** The message key the request carries, if it is one. */
    static String key(String cookieValue) {
        return cookieValue != null && KEY.matcher(cookieValue).matches() ? cookieValue : null;
    }

    /** Clears the flash cookie once a page has been rendered with it. */
    @ServerResponseFilter
    public void clearAfterShowing(ContainerRequestContext request, ContainerResponseContext response) {
        // parsing every cookie (JAX-RS splits the header afresh) for one almost never sent was a tenth of what a
        // signed-in page allocated (#19): look for its name first
        String header = request.getHeaderString(HttpHeaders.COOKIE);
        if (header == null || !header.contains(COOKIE) || response.getStatus() != 200) {
            return;
        }
        Cookie sent = request.getCookies().get(COOKIE);
        if (sent != null) {
            response.getHeaders().add("Set-Cookie", cookie("", 0));
        }
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
