package org.candor.account;

import jakarta.enterprise.context.RequestScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;

/**
 * The signed-in person of the current request, if any, as our database knows them.
 * <p>
 * Authentication is lazy: it happens the first time a request asks who is signed in. A session that can no longer
 * be used (expired, or signed by another key) reads as "not signed in" here rather than failing a public page.
 */
@RequestScoped
public class CurrentUser implements org.candor.web.Visitor {

    private static final Logger LOG = Logger.getLogger(CurrentUser.class);
    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    private final CurrentIdentityAssociation association;
    private final CurrentVertxRequest request;
    private SecurityIdentity identity;

    CurrentUser(CurrentIdentityAssociation association, CurrentVertxRequest request) {
        this.association = association;
        this.request = request;
    }

    private SecurityIdentity identity() {
        if (identity == null) {
            if (Context.isOnEventLoopThread()) {
                // cannot authenticate without blocking here (e.g. an error page): use what is already known
                QuarkusHttpUser user = request.getCurrent() == null ? null : (QuarkusHttpUser) request.getCurrent().user();
                identity = user == null ? ANONYMOUS : user.getSecurityIdentity();
            } else {
                try {
                    identity = association.getIdentity();
                } catch (RuntimeException e) {
                    if (org.candor.web.DatabaseDown.is(e)) {
                        // not "signed out": the request fails with "back in a moment" (503) and its error page, which
                        // asks again, renders as for a visitor; the session cookie stays as it is
                        identity = ANONYMOUS;
                        throw e;
                    }
                    if (!(e instanceof AuthenticationFailedException)) {
                        throw e;
                    }
                    LOG.debugf("Session not usable, treating the request as anonymous: %s", e.getMessage());
                    identity = ANONYMOUS;
                }
            }
        }
        return identity;
    }

    public boolean signedIn() {
        return !identity().isAnonymous() && identity().getAttribute(AccountAugmentor.ACCOUNT_ID) != null;
    }

    /** The account id; only call when {@link #signedIn()}. */
    public long accountId() {
        Long id = signedIn() ? identity().getAttribute(AccountAugmentor.ACCOUNT_ID) : null;
        if (id == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return id;
    }

    /** A sign-in that completed at a provider with an identity no account has yet ({@link SignInFlow}), or null. */
    SignIn newIdentity() {
        return identity().isAnonymous() ? null : identity().getAttribute(AccountAugmentor.NEW_IDENTITY);
    }

    public String displayName() {
        return signedIn() ? identity().getAttribute(AccountAugmentor.DISPLAY_NAME) : null;
    }

    public Role role() {
        return signedIn() ? identity().getAttribute(AccountAugmentor.ROLE) : null;
    }

    public boolean isModerator() {
        return identity().hasRole(Role.MODERATOR_NAME);
    }

    public boolean isAdmin() {
        return identity().hasRole(Role.ADMIN_NAME);
    }
}
