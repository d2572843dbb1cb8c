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

    @Message
    String invitation_csv_unreadable();

    @Message
    String invitation_csv_too_long(int max);

    @Message
    String invitation_csv_unknown_column(String column);

    @Message
    String invitation_csv_columns();

    @Message
    String incentive_invalid(int max);

    @Message
    String api_key_name_invalid();

    @Message
    String invitations_title();

    @Message
    String invitations_intro();

    @Message
    String invitations_no_gating();

    @Message
    String invitations_sent(int count);

    @Message
    String invitations_none_sent();

    @Message
    String invitations_line(int line);

    @Message
    String invitations_skipped();

    @Message
    String invitations_upload();

    @Message
    String invitations_format();

    @Message
    String invitations_file();

    @Message
    String invitations_paste();

    @Message
    String invitations_incentive();

    @Message
    String invitations_no_incentive();

    @Message
    String invitations_incentive_hint();

    @Message
    String invitations_send();

    @Message
    String invitations_api_hint();

    @Message
    String incentives_title();

    @Message
    String incentives_intro();

    @Message
    String incentives_none();

    @Message
    String incentive_retired();

    @Message
    String incentive_retire();

    @Message
    String incentive_description();

    @Message
    String incentive_add();

    @Message
    String invitations_recent();

    @Message
    String invitations_recent_none();

    @Message
    String col_subject();

    @Message
    String col_email();

    @Message
    String col_order();

    @Message
    String col_incentive();

    @Message
    String col_state();

    @Message
    String col_prefix();

    @Message
    String col_scopes();

    @Message
    String col_last_used();

    @Message
    String state_sent();

    @Message
    String state_reminded();

    @Message
    String state_opened();

    @Message
    String state_reviewed();

    @Message
    String api_keys_title();

    @Message
    String api_keys_intro();

    @Message
    String api_key_created();

    @Message
    String api_key_copy_now();

    @Message
    String api_key_name();

    @Message
    String api_key_scope_hint();

    @Message
    String api_key_create();

    @Message
    String api_keys_none();

    @Message
    String api_key_revoke();

    @Message
    String api_key_revoked();

    @Message
    String invitations_admin_intro();

    @Message
    String api_keys_admin_intro();

    @Message
    String embed_title();

    @Message
    String embed_admin_intro();

    @Message
    String invitation_gone_title();

    @Message
    String invitation_gone();

    @Message
    String invitation_sign_in();

    @Message
    String unsubscribe_title();

    @Message
    String unsubscribe_question();

    @Message
    String unsubscribe_button();

    @Message
    String unsubscribe_done();

    @Message
    String labels_aria();

    @Message
    String label_verified();

    @Message
    String label_verified_tip();

    @Message
    String label_invited();

    @Message
    String label_invited_tip();

    @Message
    String label_incentive(String incentive);

    @Message
    String label_incentive_tip();

    @Message
    String label_staff();

    @Message
    String label_staff_tip();

    @Message
    String collected_by(String business);

    @Message
    String labels_title();

    @Message
    String labels_intro();

    @Message
    String label_incentive_generic();

    @Message
    String label_incentive_rule();

    @Message
    String labels_unlabelled();

    @Message
    String labels_verified_average();

    @Message
    String verified_average(String average, long count);

    @Message
    String verified_show_all();

    @Message
    String verified_only();

    @Message
    String collected_by_short(String business);

    @Message
    String collected_how();

    @Message
    String search_these();

    @Message
    String search_button();

    @Message
    String insider_marked();

    @Message
    String insider_mark();

    @Message
    String insider_unmark();

    @Message
    String widget_reviews();

    @Message
    String widget_reply(String business);

    @Message
    String widget_all();

    @Message
    String embed_intro();

    @Message
    String embed_how();

    @Message
    String embed_none();

    @Message
    String embed_remove();

    @Message
    String embed_origin();

    @Message
    String embed_bad_origin();

    @Message
    String embed_add();

    @Message
    String search_title();

    @Message
    String search_title_for(String words);

    @Message
    String search_words();

    @Message
    String search_subject();

    @Message
    String search_any_subject();

    @Message
    String search_rating();

    @Message
    String search_any_rating();

    @Message
    String search_label();

    @Message
    String search_any_label();

    @Message
    String search_label_verified();

    @Message
    String search_label_invited();

    @Message
    String search_label_incentive();

    @Message
    String search_label_staff();

    @Message
    String search_results();

    @Message
    String search_none();

    @Message
    String search_untitled();

    @Message
    String search_first_page();

    @Message
    String search_more();

    @Message
    String search_nav();

    @Message
    String invitation_control();

    @Message
    String search_in(String subject);

    @Message
    String search_everywhere();
}
