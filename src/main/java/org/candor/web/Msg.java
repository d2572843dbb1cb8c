package org.candor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' shared strings: layout, navigation, error pages, flash messages. English in
 * {@code messages/msg_en.properties}, other languages beside it ({@code msg_<lang>.properties}). Templates use them as
 * {@code {msg:key}}; each feature has its own bundle for the rest.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String nav_subjects();

    @Message
    String nav_log();

    @Message
    String nav_about();

    @Message
    String nav_sign_in();

    @Message
    String nav_label();

    @Message
    String lang_label();

    @Message
    String promise();

    @Message
    String about_title();

    @Message
    String about_what();

    @Message
    String about_promise_title();

    @Message
    String about_promise_hide();

    @Message
    String about_promise_log();

    @Message
    String about_promise_signin();

    @Message
    String error_404_title();

    @Message
    String error_404_text();

    @Message
    String error_4xx_title();

    @Message
    String error_4xx_text();

    @Message
    String error_500_title();

    @Message
    String error_500_text(String reference);

    @Message
    String error_back_home();

    @Message
    String nav_sign_out();

    @Message
    String save();

    @Message
    String flash_profile_saved();

    @Message
    String error_403_title();

    @Message
    String error_403_text();

    @Message
    String nav_me();

    @Message
    String flash_review_posted();

    @Message
    String flash_review_pending();

    @Message
    String flash_review_edited();

    @Message
    String flash_review_unchanged();

    @Message
    String flash_comment_posted();

    @Message
    String flash_helpful_marked();

    @Message
    String flash_helpful_unmarked();

    @Message
    String flash_helpful_own();

    @Message
    String flash_reported();

    @Message
    String error_form_expired_title();

    @Message
    String error_form_expired_text();

    @Message
    String error_typed_copy();

    @Message
    String error_typed_label();

    @Message
    String error_503_title();

    @Message
    String error_503_text();

    @Message
    String error_503_resend();

    @Message
    String error_429_title();

    @Message
    String error_429_text();

    @Message
    String nav_admin();

    @Message
    String flash_subject_saved();

    @Message
    String nav_moderation();

    @Message
    String flash_moderation_take();

    @Message
    String flash_moderation_release();

    @Message
    String flash_moderation_reassign();

    @Message
    String flash_moderation_publish();

    @Message
    String flash_moderation_keep_held();

    @Message
    String flash_moderation_reply();

    @Message
    String flash_moderation_annotate();

    @Message
    String flash_moderation_redact();

    @Message
    String flash_moderation_hide();

    @Message
    String flash_moderation_restore();

    @Message
    String flash_moderation_escalate();

    @Message
    String flash_moderation_note();

    @Message
    String flash_moderation_close();

    @Message
    String flash_policy_saved();

    @Message
    String flash_policy_unchanged();

    @Message
    String flash_rule_added();

    @Message
    String flash_rule_retired();

    @Message
    String flash_canned_saved();

    @Message
    String flash_canned_retired();

    @Message
    String flash_offer_saved();

    @Message
    String flash_offer_retired();

    @Message
    String flash_role_saved();

    @Message
    String flash_statement_published();

    @Message
    String flash_statement_retired();

    @Message
    String flash_erased();

    @Message
    String flash_moderation_uphold();

    @Message
    String flash_moderation_reject();

    @Message
    String flash_appeal_sent();

    @Message
    String flash_identity_linked();

    @Message
    String flash_identity_already_linked();

    @Message
    String flash_identity_elsewhere();

    @Message
    String flash_account_closed();

    @Message
    String flash_incentive_saved();

    @Message
    String flash_incentive_retired();

    @Message
    String flash_api_key_revoked();

    @Message
    String flash_insider_saved();

    @Message
    String flash_origin_added();

    @Message
    String flash_origin_removed();

    @Message
    String flash_incident_confirm();

    @Message
    String flash_incident_dismiss();

    @Message
    String flash_incident_close();

    @Message
    String flash_incident_conflict();

    @Message
    String flash_unusual_saved();

    @Message
    String flash_incident_answered();

    @Message
    String flash_incident_choose_canned();

    @Message
    String flash_alerts_seen();

    @Message
    String flash_alert_settings_saved();

    @Message
    String flash_alert_subscribed();

    @Message
    String flash_alert_ended();

    @Message
    String flash_comment_held();

    @Message
    String flash_bulk_done();

    @Message
    String flash_bulk_partial();

    @Message
    String flash_bulk_none();

    @Message
    String flash_bulk_choose();

    @Message
    String nav_menu();
}
