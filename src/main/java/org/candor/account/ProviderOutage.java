package org.candor.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;

/**
 * A provider that does not answer (its discovery document or token endpoint unreachable) fails the sign-in before any
 * page of Candor's runs; without this the visitor got the framework's bare 500. They are sent to a page that names the
 * provider, says to try again or use another one, and answers 503.
 */
@ApplicationScoped
class ProviderOutage {

    private static final Logger LOG = Logger.getLogger(ProviderOutage.class);
    static final String PAGE = "/login/unavailable";

    void register(@Observes Router router, LoginProviders providers) {
        router.route("/login/*").order(-100).failureHandler(context -> {
            String path = context.normalizedPath();
            String id = path.substring("/login/".length());
            int slash = id.indexOf('/');
            id = slash < 0 ? id : id.substring(0, slash);
            if (context.response().headWritten() || !providers.isEnabled(id) || !unreachable(context.failure())) {
                context.next();
                return;
            }
            LOG.warnf("Sign-in with %s failed before reaching Candor: %s", id,
                    context.failure() == null ? context.statusCode() : context.failure().toString());
            context.response().setStatusCode(303)
                    .putHeader("Content-Length", "0")
                    .putHeader("Location", PAGE + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                    .putHeader("Cache-Control", "no-store")
                    .end();
        });
    }

    /** Whether a failure means the provider could not be reached (not a refused or redirected sign-in). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || name.endsWith("ConnectTimeoutException")
                    || name.equals("io.quarkus.oidc.OIDCException") || message.contains("Connection refused")
                    || message.contains("OIDC server is not available")) {
                return true;
            }
        }
        return false;
    }
}
