package org.candor.web;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Turns errors into Candor's branded pages, or into problem details under {@code /api}. Never shows a stack trace or
 * a class name: unexpected failures are logged with an id the visitor can quote.
 */
class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate(basePath = "Errors")
    static class Templates {
        static native TemplateInstance page(int status, String reference, String detail, List<TypedForm.Field> typed,
                String resend);
    }

    private final Ui ui;

    ErrorMappers(Ui ui) {
        this.ui = ui;
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return respond(404, "Not found", "There is nothing at this address.", null, uri, headers);
    }

    /** Not signed in: pages send the visitor to sign in and back; the API answers 401. */
    @ServerExceptionMapper
    Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri, HttpHeaders headers,
            jakarta.ws.rs.core.Request request) {
        if (wantsJson(uri, headers)) {
            return respond(401, "Sign-in required", "Sign in to do this.", null, uri, headers);
        }
        String back = request.getMethod().equals("GET") ? uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery())
                : refererPath(headers);
        return Response.seeOther(java.net.URI.create("/login?back="
                + java.net.URLEncoder.encode(LocalPath.orHome(back), java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    @ServerExceptionMapper
    Response rateLimited(RetryLater e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(429, "Too many requests",
                "Try again in " + e.retryAfterSeconds() + " seconds.", null, uri, headers))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    /**
     * A form refused before it reached its resource (the CSRF check: expired, missing or forged token) answers 400
     * with no body; give it a page that says what to do.
     */
    @org.jboss.resteasy.reactive.server.ServerResponseFilter(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public void explainRefusedForms(jakarta.ws.rs.container.ContainerRequestContext request,
            jakarta.ws.rs.container.ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            if (wantsJson(request.getUriInfo().getPath(), request.getAcceptableMediaTypes())) {
                response.setEntity(Problem.of(400, "Form refused",
                        "The form's security token is missing or expired. Reload the page and send it again."),
                        null, MediaType.valueOf(Problem.MEDIA_TYPE));
            } else {
                List<TypedForm.Field> typed = TypedForm.current(ui.csrfName()).stream()
                        .filter(f -> f.written() && !f.value().isBlank()).toList();
                response.setEntity(Templates.page(400, "csrf", null, typed, null), null,
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            }
        }
    }

    @ServerExceptionMapper
    Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(403, "Forbidden", "Your account does not have the role this needs.", null, uri, headers);
    }

    /**
     * A sign-in that could not complete (reused or forged callback, expired state); or, when the database is not
     * answering, the session could not be looked up: that is a 503, never a reason to sign anyone out.
     */
    @ServerExceptionMapper
    Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri, HttpHeaders headers,
            jakarta.ws.rs.core.Request request) {
        if (DatabaseDown.is(e)) {
            return unavailable(e, uri, headers, request);
        }
        LOG.debugf("Sign-in failed on %s: %s", uri.getPath(), e.getMessage());
        return respond(401, "Sign-in did not complete", "Please sign in again.", null, uri, headers);
    }

    private static String refererPath(HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI ref = java.net.URI.create(referer);
            return ref.getRawPath() == null ? "/" : ref.getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            return unexpected(e, uri, headers, null);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Request not accepted" : info.getReasonPhrase();
        // our own BadRequestExceptions say what is wrong; others (e.g. a malformed parameter) get a general message
        boolean ours = e instanceof jakarta.ws.rs.BadRequestException && e.getMessage() != null
                && !e.getMessage().startsWith("HTTP ");
        String detail = ours ? e.getMessage() : "The request could not be accepted.";
        return respond(status, title, detail, ours ? null : "generic", uri, headers);
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e, UriInfo uri, HttpHeaders headers, jakarta.ws.rs.core.Request request) {
        if (DatabaseDown.is(e)) {
            return unavailable(e, uri, headers, request);
        }
        String reference = Long.toHexString(System.nanoTime() ^ e.hashCode());
        LOG.errorf(e, "Unexpected failure on %s (reference %s)", uri.getPath(), reference);
        return respond(500, "Something went wrong", "Please try again. If it keeps happening, quote reference " + reference
                + ".", reference, uri, headers);
    }

    /**
     * The database is not answering (restarting, say): 503 and "try again in a moment". A form comes back as it was
     * sent, ready to send again, so nothing typed is lost.
     */
    private Response unavailable(Throwable e, UriInfo uri, HttpHeaders headers, jakarta.ws.rs.core.Request request) {
        LOG.warnf("Database not answering on %s: %s", uri.getPath(), e.toString());
        boolean post = request != null && "POST".equals(request.getMethod());
        if (wantsJson(uri, headers)) {
            return Response.status(503).header("Retry-After", 5).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(503, "Unavailable", "The board cannot reach its database. Try again in a moment."))
                    .build();
        }
        List<TypedForm.Field> typed = post ? TypedForm.current(ui.csrfName()) : List.of();
        return Response.status(503).header("Retry-After", 5).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(503, null, null, typed, post ? uri.getRequestUri().getRawPath() : null)).build();
    }

    static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        return wantsJson(uri.getPath(), headers.getAcceptableMediaTypes());
    }

    /** API paths, and clients that ask for JSON but not HTML, get problem details. */
    static boolean wantsJson(String path, java.util.List<MediaType> acceptable) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return true;
        }
        return acceptable.stream().anyMatch(t -> !t.isWildcardType() && (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || t.getSubtype().endsWith("+json")))
                && acceptable.stream().noneMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }

    private Response respond(int status, String title, String detail, String reference, UriInfo uri,
            HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
        }
        // our own 400s say what is wrong (a control character in the address, say); other messages are generic
        String shown = status == 400 && reference == null ? detail : null;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(status, reference, shown, List.of(), null)).build();
    }
}
