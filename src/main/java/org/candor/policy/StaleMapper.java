package org.candor.policy;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Someone saved the same policy item (settings, canned response, offer, statement) first: a 409 page, not a lost update. */
class StaleMapper {

    @ServerExceptionMapper
    Response stale(PolicyChanges.StaleException e) {
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(PolicyAdminResource.Templates.stale()).build();
    }
}
