package org.candor.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Outside {@code /api/}, a request that changes something is a form (URL-encoded or multipart), so the CSRF check of
 * {@code quarkus-rest-csrf} always applies to it; anything else is refused as a form without its token would be (400,
 * explained by {@link ErrorMappers}). Under {@code /api/}, JSON is accepted: those calls are authorised by a bearer key,
 * never by the browser's cookies ({@code quarkus.rest-csrf.require-form-url-encoded=false} lets them through).
 */
public class FormsOnly {

    @ServerRequestFilter
    public Response onlyForms(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? null : Response.status(400).build();
    }
}
