package org.candor.subject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.Role;
import org.candor.web.Flash;
import org.candor.web.FormErrors;

/** Admins create and edit subjects. */
@Path("/admin/subjects")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class SubjectAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<SubjectSummary> subjects);

        static native TemplateInstance form(String editing, SubjectForm form, Map<String, String> errors);
    }

    private final SubjectService subjects;
    private final FormErrors formErrors;
    private final Flash flash;

    SubjectAdminResource(SubjectService subjects, FormErrors formErrors, Flash flash) {
        this.subjects = subjects;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(subjects.list());
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.form(null, SubjectForm.empty(), Map.of());
    }

    @POST
    public Response create(@BeanParam SubjectForm form) {
        Map<String, String> errors = check(form, null);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.form(null, form, errors)).build();
        }
        Subject created = subjects.create(form);
        return flash.redirect(URI.create("/subjects/" + created.slug), "flash_subject_saved");
    }

    @GET
    @Path("{slug}/edit")
    public TemplateInstance editForm(@PathParam("slug") String slug) {
        Subject subject = subjects.bySlug(slug).orElseThrow(NotFoundException::new);
        return Templates.form(slug, SubjectForm.of(subject), Map.of());
    }

    @POST
    @Path("{slug}/edit")
    public Response update(@PathParam("slug") String slug, @BeanParam SubjectForm form) {
        Subject subject = subjects.bySlug(slug).orElseThrow(NotFoundException::new);
        Map<String, String> errors = check(form, subject.id);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.form(slug, form, errors)).build();
        }
        Subject updated = subjects.update(slug, form);
        return flash.redirect(URI.create("/subjects/" + updated.slug), "flash_subject_saved");
    }

    private Map<String, String> check(SubjectForm form, Long subjectId) {
        Map<String, String> errors = new LinkedHashMap<>(formErrors.of(form));
        if (!errors.containsKey("slug") && subjects.slugTaken(form.slug().strip(), subjectId)) {
            errors.put("slug", formErrors.message("{candor.slug.taken}"));
        }
        return errors;
    }
}
