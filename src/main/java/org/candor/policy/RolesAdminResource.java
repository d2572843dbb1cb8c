package org.candor.policy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.policy.PolicyForms.RoleForm;
import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.web.LocalPath;

/** Admins find accounts and grant or revoke staff roles, with a public handle and an optional subject scope. */
@Path("/admin/roles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class RolesAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance roles(String q, List<RoleService.AccountRow> accounts);

        static native TemplateInstance person(String q, RoleService.AccountRow account, RoleForm form,
                Map<String, String> errors, List<Role> roles, List<RoleService.ScopeChoice> subjects);
    }

    private final RoleService service;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    RolesAdminResource(RoleService service, CurrentUser user, FormErrors formErrors, Flash flash) {
        this.service = service;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance roles(@QueryParam("q") String q) {
        return Templates.roles(q == null ? "" : q, service.findAccounts(q));
    }

    /** One person's role, public handle and scope. */
    @GET
    @Path("{id}")
    public TemplateInstance person(@PathParam("id") long id, @QueryParam("q") String q) {
        return Templates.person(q == null ? "" : q, service.account(id).orElseThrow(jakarta.ws.rs.NotFoundException::new),
                null, Map.of(), List.of(Role.values()), service.scopeChoices());
    }

    /** Marks an account as an insider, or not (its reviews are labelled Staff while it is one). */
    @POST
    @Path("{id}/insider")
    public Response setInsider(@PathParam("id") long id, @org.jboss.resteasy.reactive.RestForm String insider,
            @QueryParam("q") String q) {
        service.setInsider(user.accountId(), id, "true".equals(insider));
        return flash.redirect(URI.create("/admin/roles/" + id + "?q=" + java.net.URLEncoder.encode(q == null ? "" : q,
                java.nio.charset.StandardCharsets.UTF_8)), "flash_insider_saved");
    }

    @POST
    @Path("{id}")
    public Response setRole(@PathParam("id") long id, @BeanParam RoleForm form, @QueryParam("q") String q) {
        Map<String, String> errors = formErrors.of(form);
        if (errors.isEmpty()) {
            try {
                service.setRole(user.accountId(), id, Role.valueOf(form.role()), form.handle(), form.scopeText());
                String back = "/admin/roles" + (q == null || q.isBlank() ? ""
                        : "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
                return flash.redirect(URI.create(LocalPath.orHome(back)), "flash_role_saved");
            } catch (PolicyChanges.InvalidException e) {
                errors = Map.of(e.field(), formErrors.message(e.getMessage()) + (e.detail() == null ? "" : " " + e.detail()));
            }
        }
        return Response.status(400).entity(Templates.person(q == null ? "" : q,
                service.account(id).orElseThrow(jakarta.ws.rs.NotFoundException::new), form, errors,
                List.of(Role.values()), service.scopeChoices())).build();
    }
}
