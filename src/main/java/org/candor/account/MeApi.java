package org.candor.account;

import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Who the API caller is signed in as, and the roles Candor gives them. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeApi {

    /** The signed-in account as the API shows it. */
    public record Me(String displayName, String provider, Set<String> roles) {
    }

    private final CurrentUser user;
    private final AccountService accounts;
    private final SecurityIdentity identity;

    MeApi(CurrentUser user, AccountService accounts, SecurityIdentity identity) {
        this.user = user;
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    public Me me() {
        Account account = accounts.byId(user.accountId());
        return new Me(account.displayName, account.provider, new TreeSet<>(identity.getRoles()));
    }
}
