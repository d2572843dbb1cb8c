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

/** A signed-in person's profile: the name shown on their reviews and comments, and the sign-ins of their account. */
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
        static native TemplateInstance profile(String displayName, String provider, Map<String, String> errors,
                java.util.List<Linked> identities, java.util.List<LoginProviders.Provider> linkable);
    }

    /** A sign-in of the account, as the profile lists it. */
    public record Linked(String label, String email, java.time.Instant linkedAt) {
    }

    private final AccountService accounts;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    private final LoginProviders providers;
    private final SignInFlow flow;

    ProfileResource(AccountService accounts, CurrentUser user, FormErrors formErrors, Flash flash,
            LoginProviders providers, SignInFlow flow) {
        this.providers = providers;
        this.flow = flow;
        this.accounts = accounts;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    public TemplateInstance show() {
        Account account = accounts.byId(user.accountId());
        return render(account.displayName, account, Map.of());
    }

    private TemplateInstance render(String displayName, Account account, Map<String, String> errors) {
        java.util.List<AccountService.Identity> identities = accounts.identities(account.id);
        java.util.Set<String> have = new java.util.HashSet<>();
        identities.forEach(i -> have.add(i.provider()));
        java.util.List<LoginProviders.Provider> linkable = new java.util.ArrayList<>(providers.enabled().stream()
                .filter(p -> !have.contains(p.id())).toList());
        if (!have.contains(EmailSignInResource.PROVIDER)) {
            linkable.add(new LoginProviders.Provider(EmailSignInResource.PROVIDER, "e-mail"));
        }
        return Templates.profile(displayName, label(account.provider), errors, identities.stream()
                .map(i -> new Linked(label(i.provider()), i.email(), i.linkedAt())).toList(), linkable);
    }

    private String label(String provider) {
        return providers.all().stream().filter(p -> p.id().equals(provider)).map(LoginProviders.Provider::label)
                .findFirst().orElse(provider.equals(EmailSignInResource.PROVIDER) ? "e-mail" : provider);
    }

    /**
     * "Link another sign-in": the next sign-in in this browser (with a provider, or an e-mailed link) joins this
     * account, unless it already belongs to another one.
     */
    @POST
    @Path("link")
    public Response link(@RestForm String provider) {
        if (provider == null || !(providers.isEnabled(provider) || provider.equals(EmailSignInResource.PROVIDER))) {
            return Response.seeOther(URI.create("/me/profile")).build();
        }
        String start = provider.equals(EmailSignInResource.PROVIDER) ? "/login?back=%2Fme%2Fprofile#email"
                : "/login/" + provider + "?back=%2Fme%2Fprofile";
        return Response.seeOther(URI.create(start))
                .header(jakarta.ws.rs.core.HttpHeaders.SET_COOKIE, flow.linkNext(user.accountId()).encode()).build();
    }

    @POST
    public Response save(@BeanParam ProfileForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            Account account = accounts.byId(user.accountId());
            return Response.status(400).entity(render(form.displayName(), account, errors)).build();
        }
        accounts.rename(user.accountId(), form.displayName());
        return flash.redirect(URI.create("/me/profile"), "flash_profile_saved");
    }
}
