package org.candor.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The content security policy of every HTML page: scripts, styles and images from Candor itself only, no inline
 * script, never framed, forms sent to Candor only — and, for a signed-in visitor whose provider supports sign-out, to
 * exactly that provider's origin, where signing out ends. Headers that apply to every response (nosniff, referrer
 * policy, HSTS) are configured in {@code application.properties}.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    /** A routing-context entry: the origin the sign-out form may end at (set by the session's authentication). */
    public static final String FORM_ACTION_ORIGIN = "candor.form-action-origin";

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            + "connect-src 'self'; form-action 'self'%s; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * The policies written so far, by sign-out origin: the origins are the configured providers' (a handful, at most
     * {@code MOST} kept), and formatting the policy on every page was a few per cent of what a signed-in page
     * allocated (#19). Kept as bytes too: Vert.x copies those instead of encoding each character on every answer
     * ({@link KeptSignedInPages}); the text is Netty's, made once.
     */
    private static final Map<String, AsciiString> POLICIES = new ConcurrentHashMap<>();
    private static final int MOST = 64;
    private static final AsciiString NO_ORIGIN = policy(null);

    private final CurrentVertxRequest current;

    SecurityHeaders(CurrentVertxRequest current) {
        this.current = current;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        // a page with a policy of its own (the widget, which may be framed by listed origins) keeps it
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !response.getHeaders().containsKey("Content-Security-Policy")) {
            RoutingContext context = current.getCurrent();
            Object origin = context == null ? null : context.get(FORM_ACTION_ORIGIN);
            response.getHeaders().putSingle("Content-Security-Policy",
                    pagePolicy(origin instanceof String o ? o : null).toString());
        }
    }

    /** The policy of an HTML page whose sign-out form ends at {@code origin} (null: at Candor only). */
    static AsciiString pagePolicy(String origin) {
        return origin == null ? NO_ORIGIN : policyFor(origin);
    }

    private static AsciiString policyFor(String origin) {
        AsciiString kept = POLICIES.get(origin);
        if (kept == null) {
            kept = policy(origin);
            if (POLICIES.size() < MOST) {
                POLICIES.put(origin, kept);
            }
        }
        return kept;
    }

    private static AsciiString policy(String origin) {
        boolean safe = origin != null && origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+");
        return AsciiString.of(String.format(Locale.ROOT, POLICY, safe ? " " + origin : ""));
    }
}
