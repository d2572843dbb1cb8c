package org.candor.invitation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/invitations}: a shop's system invites a customer, with an API key of scope {@code invitations}. The
 * body names the customer, the order and the subject, and nothing else: there is no field for a rating or a sentiment,
 * and a body that brings one is refused.
 */
@Path("/api/invitations")
public class InvitationApi {

    /** The only fields an invitation may have. */
    static final Set<String> FIELDS = Set.of("email", "name", "orderReference", "subject", "incentive");

    private final ApiKeys keys;
    private final Invitations invitations;

    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    InvitationApi(ApiKeys keys, Invitations invitations, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.mapper = mapper;
        this.keys = keys;
        this.invitations = invitations;
    }

    /** Reads the body only once the key is accepted: whoever has no key learns nothing from how a body is refused. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a customer to review a subject (API key of scope 'invitations'; a JSON object)")
    public Response invite(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String json) {
        Long key = keys.authorise(authorization, ApiKeys.Scope.INVITATIONS);
        if (key == null) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"candor\"")
                    .entity(Map.of("error", "An API key with the scope 'invitations' is required "
                            + "(Authorization: Bearer candor_…); admins create them at /admin/api-keys.")).build();
        }
        Map<String, Object> body = parse(json);
        if (body == null) {
            return Response.status(400).entity(Map.of("error", "Send a JSON object with email, name, orderReference, "
                    + "subject and, optionally, incentive (an incentive's id).")).build();
        }
        List<String> unknown = body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            return Response.status(400).entity(Map.of("error", "Unknown fields " + unknown + ". An invitation has "
                    + "email, name, orderReference, subject and incentive only: it can never depend on what the "
                    + "customer said or would say.")).build();
        }
        Long incentive;
        try {
            incentive = body.get("incentive") == null ? null : Long.valueOf(String.valueOf(body.get("incentive")));
        } catch (NumberFormatException e) {
            return Response.status(400).entity(Map.of("error", "incentive must be an incentive's id")).build();
        }
        Invitations.Outcome outcome = invitations.invite(List.of(new Invitations.Invitee(text(body, "email"),
                text(body, "name"), text(body, "orderReference"), text(body, "subject"))), 1, incentive, "API", null, key);
        if (!outcome.problems().isEmpty()) {
            return Response.status(400).entity(Map.of("error", "The invitation was not sent.", "problems",
                    outcome.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList()))
                    .build();
        }
        if (outcome.sent() == 0) {
            return Response.ok(Map.of("sent", false, "reason", outcome.skipped().get(0).message())).build();
        }
        return Response.status(201).entity(Map.of("sent", true)).build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String json) {
        try {
            Object value = json == null || json.isBlank() ? null : mapper.readValue(json, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
