package org.candor.policy;

import java.net.URI;
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

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.policy.PolicyForms.CannedForm;
import org.candor.policy.PolicyForms.OfferForm;
import org.candor.web.Flash;
import org.candor.web.FormErrors;

/** Admin pages for canned responses ("the script") and offers, with the offer-consistency view. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class CannedAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance canned(List<Scripts.Canned> canned, Long editing, CannedForm form,
                Map<String, String> errors);

        static native TemplateInstance offers(List<Scripts.Offer> offers, Long editing, OfferForm form,
                Map<String, String> errors);

        static native TemplateInstance consistency(List<Scripts.ConsistencyRow> rows);
    }

    private final Scripts service;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    CannedAdminResource(Scripts service, CurrentUser user, FormErrors formErrors, Flash flash) {
        this.service = service;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    @Path("canned")
    public TemplateInstance canned() {
        return Templates.canned(service.canned(), null, CannedForm.empty(), Map.of());
    }

    @GET
    @Path("canned/{id}")
    public TemplateInstance editCanned(@PathParam("id") long id) {
        Scripts.Canned c = service.canned(id).orElseThrow(NotFoundException::new);
        return Templates.canned(service.canned(), id,
                new CannedForm(c.version(), c.title(), c.body(), c.category(), c.allowedRole()), Map.of());
    }

    @POST
    @Path("canned")
    public Response createCanned(@BeanParam CannedForm form) {
        return saveCanned(null, form);
    }

    @POST
    @Path("canned/{id}")
    public Response updateCanned(@PathParam("id") long id, @BeanParam CannedForm form) {
        service.canned(id).orElseThrow(NotFoundException::new);
        return saveCanned(id, form);
    }

    @POST
    @Path("canned/{id}/retire")
    public Response retireCanned(@PathParam("id") long id) {
        service.retire(Scripts.Kind.CANNED, user.accountId(), id);
        return flash.redirect(URI.create("/admin/canned"), "flash_canned_retired");
    }

    private Response saveCanned(Long id, CannedForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (errors.isEmpty() && Scripts.unknownPlaceholder(form.body())) {
            errors = Map.of("body", formErrors.message("{candor.moderation.reply.placeholder}"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.canned(service.canned(), id, form, errors)).build();
        }
        service.saveCanned(user.accountId(), id, form.version(), form.title(), form.body(), form.category(),
                Role.valueOf(form.allowedRole()));
        return flash.redirect(URI.create("/admin/canned"), "flash_canned_saved");
    }

    @GET
    @Path("offers")
    public TemplateInstance offers() {
        return Templates.offers(service.offers(), null, OfferForm.empty(), Map.of());
    }

    @GET
    @Path("offers/{id}")
    public TemplateInstance editOffer(@PathParam("id") long id) {
        Scripts.Offer o = service.offer(id)
                .orElseThrow(NotFoundException::new);
        return Templates.offers(service.offers(), id, new OfferForm(o.version(), o.name(), o.description(),
                o.allowedRole()), Map.of());
    }

    @POST
    @Path("offers")
    public Response createOffer(@BeanParam OfferForm form) {
        return saveOffer(null, form);
    }

    @POST
    @Path("offers/{id}")
    public Response updateOffer(@PathParam("id") long id, @BeanParam OfferForm form) {
        service.offer(id).orElseThrow(NotFoundException::new);
        return saveOffer(id, form);
    }

    @POST
    @Path("offers/{id}/retire")
    public Response retireOffer(@PathParam("id") long id) {
        service.retire(Scripts.Kind.OFFER, user.accountId(), id);
        return flash.redirect(URI.create("/admin/offers"), "flash_offer_retired");
    }

    /** Which offers similar complaints got, and which got none. */
    @GET
    @Path("offers/consistency")
    public TemplateInstance consistency() {
        return Templates.consistency(service.consistency());
    }

    private Response saveOffer(Long id, OfferForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.offers(service.offers(), id, form, errors)).build();
        }
        service.saveOffer(user.accountId(), id, form.version(), form.name(), form.description(),
                Role.valueOf(form.allowedRole()));
        return flash.redirect(URI.create("/admin/offers"), "flash_offer_saved");
    }
}
