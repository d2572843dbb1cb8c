package org.candor.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Sign-in, sign-out and profile strings. English in {@code messages/acc_en.properties}, other languages beside it.
 * Templates use them as {@code {acc:key}}.
 */
@MessageBundle(value = "acc", locale = "en")
public interface AccMsg {

    @Message
    String login_title();

    @Message
    String login_intro();

    @Message
    String login_none();

    @Message
    String login_with(String provider);

    @Message
    String login_already(String name);

    @Message
    String login_unavailable_title(String provider);

    @Message
    String login_unavailable_text(String provider);

    @Message
    String login_unavailable_retry(String provider);

    @Message
    String login_draft_kept();

    @Message
    String login_no_password();

    @Message
    String login_failed_title();

    @Message
    String login_failed_text();

    @Message
    String login_try_again();

    @Message
    String logout_title();

    @Message
    String logout_question(String name);

    @Message
    String logout_done();

    @Message
    String profile_title();

    @Message
    String profile_signed_in_with(String provider);

    @Message
    String profile_display_name();
}
