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

    /** Sends, or throws with the server's reason. */
    public void send(String to, String subject, String body) {
        mailer.send(Mail.withText(to, subject, body)).await().atMost(Duration.ofSeconds(60));
    }
}
