package org.candor.account;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
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
import io.quarkus.security.Authenticated;

import org.candor.web.Flash;
import org.candor.web.FormErrors;
import org.candor.web.CleanText;

/** A signed-in person's profile: the name shown on their reviews and comments. */
@Path("/me/profile")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProfileResource {

    /** The profile form as submitted. */
    public record ProfileForm(
            @RestForm @NotBlank(message = "{candor.name.required}") @Size(max = AccountService.MAX_NAME, message = "{candor.name.size}") @CleanText(singleLine = true) String displayName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(String displayName, String provider, Map<String, String> errors);
    }

    private final AccountService accounts;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    ProfileResource(AccountService accounts, CurrentUser user, FormErrors formErrors, Flash flash) {
        this.accounts = accounts;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance show() {
        Account account = accounts.byId(user.accountId());
        return Templates.profile(account.displayName, account.provider, Map.of());
    }

    @POST
    public Response save(@BeanParam ProfileForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            Account account = accounts.byId(user.accountId());
            return Response.status(400).entity(Templates.profile(form.displayName(), account.provider, errors)).build();
        }
        accounts.rename(user.accountId(), form.displayName());
        return flash.redirect(URI.create("/me/profile"), "flash_profile_saved");
    }
}
