package org.candor.account;

import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.UserInfo;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a provider's identity into a Candor one: finds the account it signs in to and applies the roles stored in our
 * database. Roles the provider sends (groups, scopes) are dropped. An identity without an account is marked
 * {@link #NEW_IDENTITY}; {@link SignInFlow} links it, offers to link it, or makes the account.
 */
@ApplicationScoped
class AccountAugmentor implements SecurityIdentityAugmentor {

    static final String ACCOUNT_ID = "candor.account-id";
    static final String DISPLAY_NAME = "candor.display-name";
    static final String ROLE = "candor.role";
    /** A sign-in whose identity has no account yet ({@link SignInFlow} decides what to do with it). */
    static final String NEW_IDENTITY = "candor.new-identity";

    private final AccountService accounts;
    private final KnownAccounts known;

    /**
     * Providers whose e-mail claim is verified by policy ({@code candor.login.verified-email-providers}), for servers
     * that do not send {@code email_verified}: a company's own sign-in, say.
     */
    private final java.util.Set<String> trustedEmail;

    AccountAugmentor(AccountService accounts, KnownAccounts known, AccountConfig config) {
        this.trustedEmail = java.util.Set.copyOf(config.login().verifiedEmailProviders().orElse(java.util.List.of()));
        this.accounts = accounts;
        this.known = known;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(ACCOUNT_ID) != null) {
            return Uni.createFrom().item(identity);
        }
        SignIn seen = signIn(identity, false);
        if (seen == null) {
            return Uni.createFrom().item(identity);
        }
        KnownAccounts.Known account = known.find(seen.provider(), seen.subject());
        if (account != null && accounts.unchangedBy(seen, account.email(), account.role())) {
            return Uni.createFrom().item(identity(identity, account.id(), account.displayName(), account.role()));
        }
        SignIn who = signIn(identity, true);
        return context.runBlocking(() -> {
            long readAt = known.now();
            Account signedIn = accounts.existing(who).orElse(null);
            if (signedIn == null) {
                return QuarkusSecurityIdentity.builder(identity).addAttribute(NEW_IDENTITY, who).build();
            }
            known.remember(who.provider(), who.subject(), signedIn, readAt);
            return identity(identity, signedIn.id, signedIn.displayName, signedIn.role);
        });
    }

    private static SecurityIdentity identity(SecurityIdentity identity, long accountId, String displayName, Role role) {
        return asAccount(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes()), accountId, displayName, role);
    }

    /** An identity as Candor knows it: the account, its name, and the roles our database gives it. */
    static SecurityIdentity asAccount(QuarkusSecurityIdentity.Builder builder, long accountId, String displayName,
            Role role) {
        return builder.addAttribute(ACCOUNT_ID, accountId)
                .addAttribute(DISPLAY_NAME, displayName)
                .addAttribute(ROLE, role)
                .addRoles(role.securityRoles())
                .build();
    }

    /**
     * What the provider says about the person ({@code withName}: their name too, which takes several claim lookups,
     * each an exception inside the JWT library when the token lacks it), or null when it names no one.
     */
    private SignIn signIn(SecurityIdentity identity, boolean withName) {
        String provider = identity.getAttribute("tenant-id");
        if (provider == null) {
            return null;
        }
        UserInfo userInfo = identity.getAttribute("userinfo");
        Principal principal = identity.getPrincipal();
        JsonWebToken token = principal instanceof JsonWebToken jwt ? jwt : null;

        // OAuth2 providers (GitHub, Facebook) identify people by the user-info "id"; OpenID Connect ones by "sub".
        String subject = firstNonBlank(userInfoValue(userInfo, "id"), token == null ? null : token.getSubject(),
                userInfoValue(userInfo, "sub"));
        if (subject == null) {
            return null;
        }
        String name = withName ? firstNonBlank(claim(token, userInfo, "name"), claim(token, userInfo, "preferred_username"),
                claim(token, userInfo, "login"), claim(token, userInfo, "given_name")) : null;
        String email = claim(token, userInfo, "email");
        boolean emailVerified = Boolean.parseBoolean(claim(token, userInfo, "email_verified"))
                || trustedEmail.contains(provider);
        return new SignIn(provider, subject, name, emailVerified ? email : null);
    }

    private static String claim(JsonWebToken token, UserInfo userInfo, String name) {
        if (token != null && token.containsClaim(name)) {
            Object value = token.getClaim(name);
            if (value != null) {
                return String.valueOf(value).replaceAll("^\"|\"$", "");
            }
        }
        return userInfoValue(userInfo, name);
    }

    /** A top-level user-info value as text (GitHub's numeric "id" included), or null. */
    private static String userInfoValue(UserInfo userInfo, String name) {
        if (userInfo == null) {
            return null;
        }
        JsonValue value = userInfo.getJsonObject().get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
