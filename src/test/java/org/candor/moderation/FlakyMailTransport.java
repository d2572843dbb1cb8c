package org.candor.moderation;

import jakarta.inject.Singleton;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.Mock;

/**
 * The mail server of the tests (Quarkus's mock mailbox behind it), which a test can take down and bring back: while
 * {@link #down} every send fails as an unreachable SMTP server would.
 */
@Mock
@Singleton
class FlakyMailTransport extends MailTransport {

    static volatile boolean down;

    FlakyMailTransport(ReactiveMailer mailer) {
        super(mailer);
    }

    @Override
    public void send(String to, String subject, String body, Attachment attachment) {
        if (down) {
            throw new IllegalStateException("Connection refused: the test's SMTP server is down");
        }
        super.send(to, subject, body, attachment);
    }
}
