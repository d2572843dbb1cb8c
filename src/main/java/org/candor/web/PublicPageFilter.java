package org.candor.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serves {@link PublicPage}s (HTML pages, and JSON answers of the public log API) to anonymous visitors from
 * {@link PublicPages} when a fresh copy is there, keeps the ones
 * it renders, and answers a repeat visit whose {@code If-None-Match} names the current page with 304. Signed-in
 * visitors (a session cookie) and pages carrying a one-time message are always rendered afresh.
 */
@Provider
@PublicPage
public class PublicPageFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String KEY = PublicPageFilter.class.getName() + ".key";
    private static final String STARTED = PublicPageFilter.class.getName() + ".started";
    /** Candor's session cookie ({@code account/CandorSession}). */
    private static final String SESSION_COOKIE = "candor_session";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final Map<String, String> HEADERS = Map.of(
            // Browsers keep the page but ask each time; the answer differs per language and for signed-in visitors.
            HttpHeaders.CACHE_CONTROL, "no-cache",
            HttpHeaders.VARY, "Cookie, Accept-Language");

    private final PublicPages pages;
    private final PageScope scope;
    private final Ui ui;
    private final ObjectMapper json;

    @Context
    ResourceInfo resource;

    PublicPageFilter(PublicPages pages, PageScope scope, Ui ui, ObjectMapper json) {
        this.json = json;
        this.pages = pages;
        this.scope = scope;
        this.ui = ui;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !anonymous(request)) {
            return;
        }
        long now = pages.now();
        if (now < 0) {
            return;
        }
        String key = key(request);
        if (key == null) {
            return;
        }
        PublicPages.Page page = pages.fresh(key);
        if (page == null) {
            request.setProperty(KEY, key);
            request.setProperty(STARTED, now);
            return;
        }
        Response.ResponseBuilder answer = notModified(request, page.etag())
                ? Response.notModified()
                : Response.ok(page.body(), page.type());
        answer.header(HttpHeaders.ETAG, page.etag());
        HEADERS.forEach(answer::header);
        request.abortWith(answer.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object key = request.getProperty(KEY);
        PageScope.Scope shows = scope.get();
        if (key == null || response.getStatus() != 200 || shows == null) {
            return;
        }
        MediaType type = response.getMediaType();
        boolean isJson = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        byte[] body = isJson ? json(response.getEntity()) : HtmlBytes.utf8(response.getEntity());
        if (body == null) {
            return;
        }
        MediaType sent = isJson ? MediaType.APPLICATION_JSON_TYPE : HTML;
        PublicPages.Page page = pages.keep((String) key, body, sent.toString(), shows,
                (Long) request.getProperty(STARTED));
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.ETAG, page.etag());
        HEADERS.forEach(headers::putSingle);
        if (notModified(request, page.etag())) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(page.body(), null, sent);
        }
    }

    /**
     * The page's cache key: language, path, and the parameters the page declares it reads, in declared order; null when
     * the request carries anything else (then it is rendered afresh and not kept).
     */
    private String key(ContainerRequestContext request) {
        PublicPage declared = resource.getResourceMethod().getAnnotation(PublicPage.class);
        List<String> reads = declared == null ? List.of() : Arrays.asList(declared.params());
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        StringBuilder key = new StringBuilder(ui.lang()).append(' ').append(request.getUriInfo().getPath());
        char sep = '?';
        for (String name : query.keySet()) {
            if (!reads.contains(name) || query.get(name).size() != 1) {
                return null;
            }
        }
        for (String name : reads) {
            String value = query.getFirst(name);
            if (value != null) {
                key.append(sep).append(name).append('=').append(value);
                sep = '&';
            }
        }
        return key.toString();
    }

    /** An API answer written as JSON, or null (then it is written the usual way, uncached). */
    private byte[] json(Object entity) {
        try {
            return entity == null ? null : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * No session, no one-time message, no credentials. Looks at the raw Cookie header rather than parsing it (the
     * session cookie is large): a cookie value that merely contains one of the names only means a page rendered afresh.
     */
    private static boolean anonymous(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String cookies = request.getHeaderString(HttpHeaders.COOKIE);
        return cookies == null || !(cookies.contains(SESSION_COOKIE) || cookies.contains(Flash.COOKIE));
    }

    private static boolean notModified(ContainerRequestContext request, String etag) {
        String asked = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return asked != null && Arrays.stream(asked.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
    }
}
