package org.candor.moderation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * For moderators on a subject's page: the incident open or confirmed on it, whose page holds the crisis kit (a
 * statement to publish and pin, one canned response to every review of the period). Templates reach it as
 * {@code {inject:incidentLinks.current(subjectId)}}, only for staff (a public page never shows it).
 */
@Named("incidentLinks")
@RequestScoped
public class IncidentLinks {

    private final Incidents incidents;

    IncidentLinks(Incidents incidents) {
        this.incidents = incidents;
    }

    /** The id of the subject's current incident, or null. */
    public Long current(long subjectId) {
        if (!io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return null;
        }
        return incidents.current(subjectId).map(Incidents.Incident::id).orElse(null);
    }
}
