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

    @Message
    String email_link_subject(String business);

    @Message
    String email_link_body(String business, String link, long minutes);

    @Message
    String email_invalid();

    @Message
    String email_too_often(long minutes);

    @Message
    String email_label();

    @Message
    String email_heading();

    @Message
    String email_hint();

    @Message
    String email_send();

    @Message
    String email_sent_title();

    @Message
    String email_sent_to(String address);

    @Message
    String email_sent_anyway();

    @Message
    String email_sent_rules(long minutes);

    @Message
    String email_sent_again();

    @Message
    String email_refused_title();

    @Message
    String email_refused_UNKNOWN();

    @Message
    String email_refused_USED();

    @Message
    String email_refused_EXPIRED();

    @Message
    String email_refused_OTHER_BROWSER();

    @Message
    String email_ask_new();

    @Message
    String link_offer_title();

    @Message
    String link_offer_intro(String email);

    @Message
    String link_offer_how(String provider);

    @Message
    String link_offer_via(String provider);

    @Message
    String link_offer_separate();

    @Message
    String link_offer_separate_hint();

    @Message
    String profile_sign_ins();

    @Message
    String profile_sign_ins_intro();

    @Message
    String profile_linked_on(String date);

    @Message
    String profile_link_intro();

    @Message
    String profile_link_with(String provider);

    @Message
    String profile_data();

    @Message
    String profile_download();

    @Message
    String profile_close();

    @Message
    String close_title();

    @Message
    String close_intro();

    @Message
    String close_staff();

    @Message
    String close_posts();

    @Message
    String close_keep();

    @Message
    String close_erase();

    @Message
    String close_confirm();

    @Message
    String close_download_first();

    @Message
    String close_button();

    @Message
    String close_error_choose();

    @Message
    String close_error_confirm();

    @Message
    String close_error_staff();
}
