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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.LoginProviders;
import org.candor.account.Role;
import org.candor.policy.PolicyForms.RuleForm;
import org.candor.policy.PolicyForms.SettingsForm;
import org.candor.web.Flash;
import org.candor.web.FormErrors;

/** Admin pages for the moderation settings, per-subject modes, word rules (with test box and dry run), providers. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class PolicyAdminResource {

    /** The result of trying a text against the rules in force. */
    public record Trial(String text, ModerationPolicy.Verdict verdict) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(SettingsForm form, Map<String, String> errors, List<SettingsService.SubjectMode> subjectModes);

        static native TemplateInstance rules(List<WordRuleService.RuleRow> rules, RuleForm form, Map<String, String> errors,
                WordRuleService.DryRun dryRun, Trial trial);

        static native TemplateInstance providers(List<LoginProviders.Provider> all, List<LoginProviders.Provider> enabled);

        static native TemplateInstance stale();
    }

    private final SettingsService settings;
    private final WordRuleService rules;
    private final ModerationPolicy policy;
    private final LoginProviders providers;
    private final CurrentUser user;
    private final FormErrors formErrors;
    private final Flash flash;

    private final org.candor.subject.SubjectService subjects;

    PolicyAdminResource(SettingsService settings, WordRuleService rules, ModerationPolicy policy, LoginProviders providers, CurrentUser user,
            FormErrors formErrors, Flash flash, org.candor.subject.SubjectService subjects) {
        this.subjects = subjects;
        this.settings = settings;
        this.rules = rules;
        this.policy = policy;
        this.providers = providers;
        this.user = user;
        this.formErrors = formErrors;
        this.flash = flash;
    }

    @GET
    @Path("policy")
    public TemplateInstance policy() {
        return Templates.policy(SettingsForm.of(policy.settings()), Map.of(), settings.subjectModes());
    }

    @POST
    @Path("policy")
    public Response savePolicy(@BeanParam SettingsForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.policy(form, errors, settings.subjectModes())).build();
        }
        boolean changed = settings.updateSettings(user.accountId(), form.settings(), form.version());
        return flash.redirect(URI.create("/admin/policy"), changed ? "flash_policy_saved" : "flash_policy_unchanged");
    }

    @POST
    @Path("policy/subject")
    public Response subjectMode(@RestForm("slug") String slug, @RestForm("mode") String mode) {
        String m = "POST".equals(mode) || "PRE".equals(mode) ? mode : null;
        try {
            settings.setSubjectMode(user.accountId(), subjects.slugOf(slug).orElseThrow(jakarta.ws.rs.NotFoundException::new), m);
        } catch (jakarta.ws.rs.NotFoundException e) {
            String typed = slug == null ? "" : slug;
            return Response.status(400).entity(Templates.policy(SettingsForm.of(policy.settings()),
                    Map.of("slug", formErrors.message("{candor.policy.scope}") + " " + typed, "slugTyped", typed),
                    settings.subjectModes())).build();
        }
        return flash.redirect(URI.create("/admin/policy"), "flash_policy_saved");
    }

    @GET
    @Path("rules")
    public TemplateInstance rules() {
        return Templates.rules(rules.allRules(), RuleForm.empty(), Map.of(), null, null);
    }

    /** Adds a rule, or (with {@code dryRun}) shows how it would have treated the last 30 days of posts first. */
    @POST
    @Path("rules")
    public Response addRule(@BeanParam RuleForm form) {
        Map<String, String> errors = formErrors.of(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(Templates.rules(rules.allRules(), form, errors, null, null)).build();
        }
        try {
            if (form.dryRun() != null) {
                return Response.ok(Templates.rules(rules.allRules(), form, Map.of(),
                        rules.dryRun(form.rule(), null), null)).build();
            }
            rules.addRule(user.accountId(), form.pattern(), form.regex(), WordRules.Action.valueOf(form.action()));
        } catch (PolicyChanges.InvalidException e) {
            return Response.status(400).entity(Templates.rules(rules.allRules(), form,
                    Map.of(e.field(), formErrors.message(e.getMessage()) + " " + e.detail()), null, null)).build();
        }
        return flash.redirect(URI.create("/admin/rules"), "flash_rule_added");
    }

    @POST
    @Path("rules/{id}/retire")
    public Response retireRule(@PathParam("id") long id) {
        rules.retireRule(user.accountId(), id);
        return flash.redirect(URI.create("/admin/rules"), "flash_rule_retired");
    }

    /** Tries a text against the rules in force, without posting anything. */
    @POST
    @Path("rules/test")
    public TemplateInstance test(@RestForm("text") String text) {
        String t = text == null ? "" : text;
        ModerationPolicy.Verdict verdict = ModerationPolicy.byText(policy.compiledRules(),
                policy.settings().maxLinks(), t);
        return Templates.rules(rules.allRules(), RuleForm.empty(), Map.of(), null, new Trial(t, verdict));
    }

    @GET
    @Path("providers")
    public TemplateInstance providers() {
        return Templates.providers(providers.all(), providers.enabled());
    }
}
