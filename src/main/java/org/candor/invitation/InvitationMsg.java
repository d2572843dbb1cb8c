package org.candor.invitation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Invitations, incentives, API keys, labels and the widget. English in {@code messages/inv_en.properties}, other
 * languages beside it. Templates use them as {@code {inv:key}}.
 */
@MessageBundle(value = "inv", locale = "en")
public interface InvitationMsg {

    @Message
    String invitation_unknown_incentive();

    @Message
    String invitation_bad_email(String email);

    @Message
    String invitation_long_name(int max);

    @Message
    String invitation_long_order(int max);

    @Message
    String invitation_unknown_subject(String subject);

    @Message
    String invitation_empty();

    @Message
    String invitation_skipped_unsubscribed(String email);

    @Message
    String invitation_skipped_twice(String email);

    @Message
    String invitation_subject(String subject, String business);

    @Message
    String invitation_reminder_subject(String subject, String business);

    @Message
    String invitation_hello();

    @Message
    String invitation_hello_name(String name);

    @Message
    String invitation_reminder_intro();

    @Message
    String invitation_intro(String business, String subject);

    @Message
    String invitation_incentive(String incentive);

    @Message
    String invitation_honest(String business);

    @Message
    String invitation_unsubscribe(String link);
}
