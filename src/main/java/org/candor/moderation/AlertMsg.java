package org.candor.moderation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of moderators' alerts (the list, the settings, the e-mails). English in
 * {@code messages/alert_en.properties}, Spanish beside it. Templates use them as {@code {alert:key}}. (A bundle of its
 * own: the moderation bundle is as large as Qute's generated resolver can take.)
 */
@MessageBundle(value = "alert", locale = "en")
public interface AlertMsg {

    @Message
    String alerts_title();
    @Message
    String alerts_intro();
    @Message
    String alerts_settings_link();
    @Message
    String alerts_none();
    @Message
    String alerts_unseen(long count);
    @Message
    String alerts_mark_seen();
    @Message
    String alerts_new();
    @Message
    String alerts_open();
    @Message
    String alerts_older();
    @Message
    String alerts_badge(long count);
    @Message
    String alert_settings_title();
    @Message
    String alert_settings_intro();
    @Message
    String alert_subscriptions();
    @Message
    String alert_subscriptions_none();
    @Message
    String alert_at_most(Integer stars);
    @Message
    String alert_every_subject();
    @Message
    String alert_end();
    @Message
    String alert_subscribe();
    @Message
    String alert_kind();
    @Message
    String alert_words();
    @Message
    String alert_words_hint();
    @Message
    String alert_max_rating();
    @Message
    String alert_stars(Integer n);
    @Message
    String alert_subject();
    @Message
    String alert_subscribe_button();
    @Message
    String alert_mail_title();
    @Message
    String alert_no_address();
    @Message
    String alert_email();
    @Message
    String alert_mode_OFF();
    @Message
    String alert_mode_IMMEDIATE();
    @Message
    String alert_mode_DIGEST();
    @Message
    String alert_times();
    @Message
    String alert_times_hint();
    @Message
    String alert_zone();
    @Message
    String alert_quiet();
    @Message
    String alert_quiet_hint();
    @Message
    String alert_quiet_from();
    @Message
    String alert_quiet_to();
    @Message
    String alert_language();
    @Message
    String alert_kind_WORDS();
    @Message
    String alert_kind_RATING();
    @Message
    String alert_kind_REPORTS();
    @Message
    String alert_kind_NOTICES();
    @Message
    String alert_kind_APPEALS();
    @Message
    String alert_kind_OVERDUE();
    @Message
    String alert_kind_INCIDENTS();
    @Message
    String alert_error_email();
    @Message
    String alert_error_zone();
    @Message
    String alert_error_times();
    @Message
    String alert_error_quiet();
    @Message
    String alert_error_language();
    @Message
    String alert_error_kind();
    @Message
    String alert_error_words();
    @Message
    String alert_error_rating();
    @Message
    String alert_error_subject();
    @Message
    String alert_mail_intro(int count);
    @Message
    String alert_mail_digest_intro(int count);
    @Message
    String alert_mail_settings(String url);
    @Message
    String alert_mail_subject(int count);
    @Message
    String alert_mail_digest_subject(int count);

    @Message
    String desk_held_by_other(String name);

    @Message
    String desk_shortcuts();

    @Message
    String desk_shortcuts_intro();

    @Message
    String desk_next();

    @Message
    String desk_no_next();

    @Message
    String desk_preview();

    @Message
    String desk_preview_title();

    @Message
    String desk_preview_empty();

    @Message
    String queue_filter_title();

    @Message
    String queue_filter_subject();

    @Message
    String queue_filter_rating();

    @Message
    String queue_filter_rule();

    @Message
    String queue_filter_age();

    @Message
    String queue_filter_words();

    @Message
    String queue_filter_any();

    @Message
    String queue_filter_apply();

    @Message
    String queue_filter_clear();

    @Message
    String queue_filter_empty();

    @Message
    String queue_rule_pre_moderation();

    @Message
    String queue_rule_first_posts();

    @Message
    String queue_rule_new_account();

    @Message
    String queue_rule_words();

    @Message
    String queue_age_hour();

    @Message
    String queue_age_day();

    @Message
    String queue_age_week();

    @Message
    String queue_more();

    @Message
    String queue_select(long id);

    @Message
    String queue_bulk_title();

    @Message
    String queue_bulk_publish();

    @Message
    String queue_bulk_reply();

    @Message
    String queue_bulk_reply_button();

    @Message
    String queue_bulk_hint();

    @Message
    String why_pre_moderation();

    @Message
    String why_first_posts();

    @Message
    String why_new_account();

    @Message
    String why_max_links();

    @Message
    String why_awaiting_reply();

    @Message
    String why_word_rule(String number);

    @Message
    String queue_bulk_choose_canned();

    @Message
    String notice_mail_received(String reference);

    @Message
    String notice_mail_action(String reference);

    @Message
    String notice_mail_no_action(String reference);

    @Message
    String notice_mail_appeal_upheld(String reference);

    @Message
    String notice_mail_appeal_rejected(String reference);
}
