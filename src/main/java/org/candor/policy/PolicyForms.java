package org.candor.policy;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import org.candor.web.CleanText;

/** The forms of the policy pages, as records with their rules. Ids come from the path, never from here. */
public final class PolicyForms {

    private PolicyForms() {
    }

    public record SettingsForm(
            @RestForm @NotNull(message = "{candor.policy.required}") Integer version,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "POST|PRE", message = "{candor.policy.required}") String mode,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 0, message = "{candor.policy.number}") @Max(value = 1000, message = "{candor.policy.number}") Integer holdFirstPosts,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 0, message = "{candor.policy.number}") @Max(value = 3650, message = "{candor.policy.number}") Integer holdNewAccountDays,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 0, message = "{candor.policy.number}") @Max(value = 100, message = "{candor.policy.number}") Integer maxLinks,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 1, message = "{candor.policy.number}") @Max(value = 1000, message = "{candor.policy.number}") Integer postsPerMinute,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 1, message = "{candor.policy.number}") @Max(value = 100000, message = "{candor.policy.number}") Integer targetLowMinutes,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 1, message = "{candor.policy.number}") @Max(value = 100000, message = "{candor.policy.number}") Integer targetMidMinutes,
            @RestForm @NotNull(message = "{candor.policy.number}") @Min(value = 1, message = "{candor.policy.number}") @Max(value = 100000, message = "{candor.policy.number}") Integer targetHighMinutes,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "HANDLE|ROLE", message = "{candor.policy.required}") String staffInPublic,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "HIDDEN|SHOWN", message = "{candor.policy.required}") String wordsInPublic) {

        static SettingsForm of(Settings s) {
            return new SettingsForm(s.version(), s.mode(), s.holdFirstPosts(), s.holdNewAccountDays(), s.maxLinks(),
                    s.postsPerMinute(), s.targetLowMinutes(), s.targetMidMinutes(), s.targetHighMinutes(),
                    s.staffInPublic(), s.wordsInPublic());
        }

        Settings settings() {
            return new Settings(mode, holdFirstPosts, holdNewAccountDays, maxLinks, postsPerMinute, targetLowMinutes,
                    targetMidMinutes, targetHighMinutes, staffInPublic, wordsInPublic, version);
        }
    }

    public record RuleForm(
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 200, message = "{candor.text.size}") @CleanText(singleLine = true) String pattern,
            @RestForm boolean regex,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "REJECT|HOLD|FLAG", message = "{candor.policy.required}") String action,
            @RestForm String dryRun) {

        static RuleForm empty() {
            return new RuleForm("", false, "HOLD", null);
        }

        WordRules.Rule rule() {
            return new WordRules.Rule(0, pattern.strip(), regex, WordRules.Action.valueOf(action));
        }
    }

    public record CannedForm(
            @RestForm Integer version,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 120, message = "{candor.text.size}") @CleanText(singleLine = true) String title,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 5000, message = "{candor.moderation.text.size}") @CleanText String body,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 60, message = "{candor.text.size}") @CleanText(singleLine = true) String category,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "MODERATOR|ADMIN", message = "{candor.policy.required}") String allowedRole) {

        static CannedForm empty() {
            return new CannedForm(null, "", "", "General", "MODERATOR");
        }
    }

    public record OfferForm(
            @RestForm Integer version,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 120, message = "{candor.text.size}") @CleanText(singleLine = true) String name,
            @RestForm @Size(max = 1000, message = "{candor.text.size}") @CleanText String description,
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "MODERATOR|ADMIN", message = "{candor.policy.required}") String allowedRole) {

        static OfferForm empty() {
            return new OfferForm(null, "", "", "MODERATOR");
        }
    }

    public record RoleForm(
            @RestForm @NotNull(message = "{candor.policy.required}") @Pattern(regexp = "CUSTOMER|MODERATOR|ADMIN", message = "{candor.policy.required}") String role,
            @RestForm @Size(max = 60, message = "{candor.text.size}") @CleanText(singleLine = true) String handle,
            @RestForm @Size(max = 2000, message = "{candor.moderation.text.size}") List<String> scope) {

        /** The chosen subjects' addresses, as the service takes them. */
        public String scopeText() {
            return scope == null ? "" : String.join(",", scope);
        }

        /** Whether this subject was chosen in the form that is shown again. */
        public boolean chose(String slug) {
            return scope != null && scope.contains(slug);
        }
    }

    public record StatementForm(
            @RestForm Integer version,
            @RestForm @Size(max = 200, message = "{candor.text.size}") @CleanText(singleLine = true) String subject,
            @RestForm @Pattern(regexp = "|INFORMATION|APOLOGY|INCIDENT", message = "{candor.policy.required}") String kind,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 200, message = "{candor.text.size}") @CleanText(singleLine = true) String title,
            @RestForm @NotBlank(message = "{candor.policy.required}") @Size(max = 5000, message = "{candor.moderation.text.size}") @CleanText String body) {

        /** The kinds a statement can be. */
        public List<String> kinds() {
            return StatementService.KINDS;
        }

        static StatementForm empty() {
            return new StatementForm(null, "", "INFORMATION", "", "");
        }
    }
}
