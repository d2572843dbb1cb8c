package org.candor.moderation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.Flash;

/** Incidents for moderators: what fired, and confirm, dismiss or close; a statement is one link away. */
@Path("/moderation/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Role.MODERATOR_NAME, Role.ADMIN_NAME })
public class IncidentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(List<Incidents.Incident> incidents);

        static native TemplateInstance incident(Incidents.Incident incident, Map<String, Object> signals,
                List<Incidents.Canned> canned, Long answered, Long skipped);
    }

    private final Incidents incidents;
    private final CurrentUser user;
    private final Flash flash;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    /** The signals as written on the log (a flat JSON object of numbers and texts). */
    private Map<String, Object> signals(Incidents.Incident incident) {
        try {
            return json.readValue(incident.signals(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    IncidentResource(Incidents incidents, CurrentUser user, Flash flash, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.incidents = incidents;
        this.user = user;
        this.flash = flash;
    }

    @GET
    public TemplateInstance list() {
        return Templates.incidents(incidents.recent());
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("answered") Long answered,
            @jakarta.ws.rs.QueryParam("skipped") Long skipped) {
        Incidents.Incident incident = incidents.one(id).orElseThrow(NotFoundException::new);
        return Templates.incident(incident, signals(incident), incidents.canned(user.isAdmin()),
                answered, skipped);
    }

    /**
     * The crisis kit: answers every review of the incident's window still waiting for a reply with one canned
     * response, each a separate official reply by this moderator, logged and told to its author like any other.
     */
    @POST
    @Path("{id}/answer")
    public Response answerAll(@PathParam("id") long id, @RestForm String canned) {
        incidents.one(id).orElseThrow(NotFoundException::new);
        Long cannedId;
        try {
            cannedId = Long.valueOf(canned == null ? "" : canned.strip());
        } catch (NumberFormatException e) {
            return flash.redirect(URI.create("/moderation/incidents/" + id), "flash_incident_choose_canned");
        }
        Incidents.Answered answered = incidents.answerAll(user.accountId(), id, cannedId);
        return flash.redirect(URI.create("/moderation/incidents/" + id + "?answered=" + answered.answered()
                + "&skipped=" + answered.skipped()), "flash_incident_answered");
    }

    @POST
    @Path("{id}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("action") String action, @RestForm String note) {
        if (!org.candor.web.CleanText.Validator.clean(note, false)) {
            Incidents.Incident incident = incidents.one(id).orElseThrow(NotFoundException::new);
            return Response.status(400).entity(Templates.incident(incident, signals(incident),
                    incidents.canned(user.isAdmin()), null, null)).build();
        }
        String done;
        try {
            switch (action) {
                case "confirm" -> incidents.confirm(user.accountId(), id, note);
                case "dismiss" -> incidents.dismiss(user.accountId(), id, note);
                case "close" -> incidents.close(user.accountId(), id, note);
                default -> throw new NotFoundException();
            }
            done = "flash_incident_" + action;
        } catch (ConflictException e) {
            done = "flash_incident_conflict";
        }
        return flash.redirect(URI.create("/moderation/incidents/" + id), done);
    }
}
