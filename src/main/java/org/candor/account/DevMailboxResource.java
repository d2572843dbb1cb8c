package org.candor.account;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.Sql;

/**
 * Dev mode only: the last e-mails the board wrote (sign-in links, invitations, notices to authors), so a newcomer can
 * sign in by e-mail or follow an invitation without a mail server. Not part of any other build.
 */
@IfBuildProfile("dev")
@Path("/dev/mailbox")
@Produces(MediaType.TEXT_HTML)
public class DevMailboxResource {

    /** An e-mail as written. */
    public record Mail(String to, String subject, String body, java.time.Instant at) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mailbox(List<Mail> mails);
    }

    private final EntityManager em;

    DevMailboxResource(EntityManager em) {
        this.em = em;
    }

    @GET
    public TemplateInstance show() {
        return Templates.mailbox(Sql.tuples(em.createNativeQuery("""
                select to_address as to_address, subject as subject, body as body, created_at as created_at
                from mail_outbox order by id desc limit 30""", Tuple.class)).stream()
                .map(t -> new Mail(Sql.text(t, "to_address"), Sql.text(t, "subject"), Sql.text(t, "body"),
                        org.candor.Sql.instant(t, "created_at"))).toList());
    }
}
