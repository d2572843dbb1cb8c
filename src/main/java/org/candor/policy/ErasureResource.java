package org.candor.policy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.CleanText;
import org.candor.web.Flash;
import org.candor.web.FormErrors;

/** Admins erase a log entry's texts for a named legal reason (a GDPR request, a court order): {@link ErasureService}. */
@Path("/admin/erasure")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class ErasureResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erasure(List<ErasureService.Erasure> erasures, ErasureForm form,
                Map<String, String> errors, List<ErasureService.Ground> grounds);
    }

    /** Which entry, on which legal ground, and a note (on the log: no personal data in it). */
    public record ErasureForm(
            @RestForm @NotBlank(message = "{candor.erasure.entry}") @Pattern(regexp = "\\s*#?[0-9]{1,18}\\s*",
                    message = "{candor.erasure.entry}") String entry,
            @RestForm String ground,
            @RestForm @Size(max = 200, message = "{candor.text.size}") @CleanText(singleLine = true) String note) {

        static ErasureForm empty() {
            return new ErasureForm("", ErasureService.Ground.GDPR_ART_17.name(), "");
        }
    }

    private final ErasureService erasures;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    ErasureResource(ErasureService erasures, CurrentUser user, FormErrors formErrors, Flash flash) {
        this.erasures = erasures;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance page() {
        return Templates.erasure(erasures.all(), ErasureForm.empty(), Map.of(), List.of(ErasureService.Ground.values()));
    }

    @POST
    public Response erase(@BeanParam ErasureForm form) {
        Map<String, String> errors = new java.util.LinkedHashMap<>(formErrors.of(form));
        ErasureService.Ground ground = ErasureService.Ground.parse(form.ground());
        if (ground == null) {
            errors.put("ground", formErrors.message("{candor.erasure.ground}"));
        }
        if (errors.isEmpty()) {
            try {
                erasures.erase(user.accountId(), Long.parseLong(form.entry().strip().replace("#", "")), ground, form.note());
                return flash.redirect(URI.create("/admin/erasure"), "flash_erased");
            } catch (PolicyChanges.InvalidException e) {
                errors.put(e.field(), formErrors.message(e.getMessage()) + " " + e.detail());
            }
        }
        return Response.status(400).entity(Templates.erasure(erasures.all(), form, errors,
                List.of(ErasureService.Ground.values()))).build();
    }
}
