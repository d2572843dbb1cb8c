package org.candor.moderation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/** Hands one e-mail to the SMTP server (a mock mailbox in dev and test), waiting for its answer. */
@ApplicationScoped
public class MailTransport {

    private final ReactiveMailer mailer;

    MailTransport(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** A file sent with an e-mail (an author's receipt). */
    public record Attachment(String name, byte[] content) {
    }

    /** Sends, with the attachment when there is one, or throws with the server's reason. */
    public void send(String to, String subject, String body, Attachment attachment) {
        Mail mail = Mail.withText(to, subject, body);
        if (attachment != null) {
            mail.addAttachment(attachment.name(), attachment.content(), "text/plain; charset=utf-8");
        }
        mailer.send(mail).await().atMost(Duration.ofSeconds(60));
    }
}
