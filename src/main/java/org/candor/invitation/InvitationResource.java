package org.candor.invitation;

import java.time.Instant;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.Account;
import org.candor.account.AccountService;
import org.candor.account.CandorSession;
import org.candor.account.EmailSignInResource;
import org.candor.account.SignIn;
import org.candor.account.SignInFlow;

/**
 * The link in an invitation: it signs the invitee in by the address it was sent to and opens the subject's review
 * form; the review they post there carries the invitation's labels. Unsubscribing is a button (a mail scanner that
 * follows links unsubscribes no one).
 */
@Path("/invitations/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitationGone();

        static native TemplateInstance unsubscribe(String token, boolean done);
    }

    private final Invitations invitations;
    private final AccountService accounts;
    private final SignInFlow flow;

    InvitationResource(Invitations invitations, AccountService accounts, SignInFlow flow) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.flow = flow;
    }

    @GET
    public Response open(@PathParam("token") String token, @CookieParam("candor_link") String link,
            @CookieParam("candor_pending") String pending) {
        Invitations.Opened opened = invitations.open(token);
        if (opened == null) {
            return Response.status(410).entity(Templates.invitationGone()).build();
        }
        String address = opened.address();
        SignIn who = new SignIn(EmailSignInResource.PROVIDER, address, address.substring(0, address.indexOf('@')), address);
        Account account = accounts.existing(who).orElse(null);
        if (account == null && accounts.sameVerifiedEmail(who).isEmpty()) {
            account = accounts.create(who);
        }
        if (account != null) {
            invitations.bind(opened.id(), account.id);
        }
        long now = Instant.now().getEpochSecond();
        return flow.complete(who, account, "/subjects/" + opened.subjectSlug() + "#write",
                id -> new CandorSession.Session(id, EmailSignInResource.PROVIDER, now, now, null, null), link, pending);
    }

    @GET
    @Path("unsubscribe")
    public TemplateInstance unsubscribePage(@PathParam("token") String token) {
        return Templates.unsubscribe(token, false);
    }

    @POST
    @Path("unsubscribe")
    public TemplateInstance unsubscribe(@PathParam("token") String token) {
        invitations.unsubscribe(token);
        return Templates.unsubscribe(token, true);
    }
}
