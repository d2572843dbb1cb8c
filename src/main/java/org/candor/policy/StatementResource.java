package org.candor.policy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.candor.policy.PolicyForms.StatementForm;
import org.candor.web.CleanText;
import org.candor.web.Flash;
import org.candor.web.FormErrors;

/** Moderators and admins publish, update and retire pinned statements. */
@Path("/moderation/statements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MODERATOR_NAME)
public class StatementResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statements(List<StatementService.Statement> statements, Long editing,
                StatementForm form, Map<String, String> errors, Long retiring);
    }

    private final StatementService statements;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    private final org.candor.subject.SubjectService subjects;

    StatementResource(StatementService statements, CurrentUser user, FormErrors formErrors, Flash flash,
            org.candor.subject.SubjectService subjects) {
        this.subjects = subjects;
        this.statements = statements;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance list() {
        return Templates.statements(statements.all(), null, StatementForm.empty(), Map.of(), null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        StatementService.Statement s = statements.one(id).orElseThrow(NotFoundException::new);
        return Templates.statements(statements.all(), id,
                new StatementForm(s.version(), s.subjectSlug(), s.kind(), s.title(), s.body()), Map.of(), null);
    }

    /** Publishes a statement; {@code back}: the page it was published from (an incident's), else the list. */
    @POST
    public Response publish(@BeanParam StatementForm form, @RestForm String back) {
        return save(null, form, back);
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam StatementForm form) {
        statements.one(id).orElseThrow(NotFoundException::new);
        return save(id, form, null);
    }

    @POST
    @Path("{id}/retire")
    public Response retire(@PathParam("id") long id, @BeanParam RetireForm form) {
        statements.one(id).orElseThrow(NotFoundException::new);
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.statements(statements.all(), null, StatementForm.empty(),
                    Map.of("retire", errors.values().iterator().next(), "retire-note", form.note()), id)).build();
        }
        statements.retire(user.accountId(), id, form.version() == null ? -1 : form.version(), form.note());
        return flash.redirect(URI.create("/moderation/statements"), "flash_statement_retired");
    }

    /** Why a statement is retired: one line, on the public log, so validated like every text that reaches it. */
    public record RetireForm(@RestForm Integer version,
            @RestForm @Size(max = StatementService.MAX_NOTE, message = "{candor.note.size}") @CleanText(singleLine = true) String note) {
    }

    private Response save(Long id, StatementForm form, String back) {
        Map<String, String> errors = formErrors.of(form);
        if (errors.isEmpty()) {
            try {
                if (id == null) {
                    // the subject as the admin named it: its name, or its address
                    String slug = form.subject() == null || form.subject().isBlank() ? form.subject()
                            : subjects.slugOf(form.subject()).orElse(form.subject());
                    statements.publish(user.accountId(), slug, form.kind(), form.title(), form.body());
                } else {
                    statements.update(user.accountId(), id, form.version() == null ? -1 : form.version(), form.title(),
                            form.body());
                }
                String to = back != null && back.matches("/moderation/incidents/\\d{1,19}") ? back : "/moderation/statements";
                return flash.redirect(URI.create(to), "flash_statement_published");
            } catch (PolicyChanges.InvalidException e) {
                errors = Map.of(e.field(), formErrors.message(e.getMessage()) + " " + e.detail());
            }
        }
        return Response.status(400).entity(Templates.statements(statements.all(), id, form, errors, null)).build();
    }
}
