package org.candor.moderation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The moderation pages' strings (queue, items, notices, e-mails to authors). English in {@code messages/mod_en.properties}, other languages beside it:
 * {@code messages/mod_<lang>.properties}. Templates use them as {@code {mod:key}}.
 */
@MessageBundle(value = "mod", locale = "en")
public interface ModMsg {

    @Message
    String moderate();

    @Message
    String queue_title();

    @Message
    String queue_intro();

    @Message
    String mail_off();

    @Message
    String mail_outbox(long waiting, long failed);

    @Message
    String mail_last_error(String reason);

    @Message
    String queue_tabs();

    @Message
    String queue_tab_HELD();

    @Message
    String queue_tab_REPLY();

    @Message
    String queue_tab_REPORTED();

    @Message
    String queue_tab_ESCALATED();

    @Message
    String queue_tab_MINE();

    @Message
    String queue_tab_DONE();

    @Message
    String queue_empty();

    @Message
    String queue_escalated();

    @Message
    String queue_overdue(String span);

    @Message
    String queue_left(String span);

    @Message
    String queue_age(String span);

    @Message
    String queue_resolved();

    @Message
    String queue_claimed_by(String name);

    @Message
    String queue_noscript();

    @Message
    String queue_updated();

    @Message
    String queue_refresh_failed();

    @Message
    String queue_kind_HELD();

    @Message
    String queue_kind_REPLY();

    @Message
    String queue_kind_REPORT();

    @Message
    String queue_kind_MANUAL();

    @Message
    String queue_why_HELD();

    @Message
    String queue_why_REPLY();

    @Message
    String queue_why_REPORT();

    @Message
    String queue_why_MANUAL();

    @Message
    String queue_action_CREATED();

    @Message
    String queue_action_REPORTED();

    @Message
    String queue_action_TAKEN();

    @Message
    String queue_action_RELEASED();

    @Message
    String queue_action_REASSIGNED();

    @Message
    String queue_action_PUBLISH();

    @Message
    String queue_action_KEEP_HELD();

    @Message
    String queue_action_REPLY();

    @Message
    String queue_action_ANNOTATION();

    @Message
    String queue_action_REDACT();

    @Message
    String queue_action_HIDE();

    @Message
    String queue_action_RESTORE();

    @Message
    String queue_action_ESCALATE();

    @Message
    String queue_action_NOTE();

    @Message
    String queue_action_CLOSE();

    @Message
    String item_title(long id);

    @Message
    String item_why_title();

    @Message
    String item_version(int version);

    @Message
    String item_reports();

    @Message
    String item_comment();

    @Message
    String item_review();

    @Message
    String item_redacted_originals();

    @Message
    String item_redacted_span(String span);

    @Message
    String item_actions();

    @Message
    String item_author_title(String name);

    @Message
    String item_author_totals(long posts, long actions);

    @Message
    String item_author_actions(long count);

    @Message
    String item_history();

    @Message
    String official_reply_from(String business, String handle);

    @Message
    String annotation_by(String handle);

    @Message
    String action_take();

    @Message
    String action_release();

    @Message
    String action_reassign_to();

    @Message
    String action_reassign();

    @Message
    String action_publish();

    @Message
    String action_note_public();

    @Message
    String action_keep_held();

    @Message
    String action_message_author();

    @Message
    String action_reply();

    @Message
    String action_canned();

    @Message
    String action_canned_none();

    @Message
    String action_reply_body();

    @Message
    String action_reply_hint();

    @Message
    String action_annotate();

    @Message
    String action_annotation_text();

    @Message
    String action_redact();

    @Message
    String action_redact_span();

    @Message
    String action_hide();

    @Message
    String action_hide_hint();

    @Message
    String action_why_public();

    @Message
    String action_restore();

    @Message
    String action_escalate();

    @Message
    String action_note_admins();

    @Message
    String action_note();

    @Message
    String action_note_staff();

    @Message
    String action_close();

    @Message
    String moderation_reason();

    @Message
    String moderation_reason_choose();

    @Message
    String reason_MEETS_GUIDELINES();

    @Message
    String reason_PERSONAL_DATA();

    @Message
    String reason_ABUSE();

    @Message
    String reason_SPAM();

    @Message
    String reason_OFF_TOPIC();

    @Message
    String reason_ILLEGAL();

    @Message
    String reason_MISTAKE();

    @Message
    String reason_OTHER();

    @Message
    String hidden_by(String role, String handle);

    @Message
    String hidden_rule();

    @Message
    String role_customer();

    @Message
    String role_moderator();

    @Message
    String role_admin();

    @Message
    String conflict_title();

    @Message
    String conflict_intro();

    @Message
    String conflict_last();

    @Message
    String conflict_now();

    @Message
    String conflict_open();

    @Message
    String conflict_reload();

    @Message
    String conflict_typed();

    @Message
    String mail_hello(String name);

    @Message
    String mail_reason();

    @Message
    String mail_link();

    @Message
    String mail_footer();

    @Message
    String mail_subject_PUBLISH();

    @Message
    String notice_PUBLISH();

    @Message
    String mail_subject_KEEP_HELD();

    @Message
    String notice_KEEP_HELD();

    @Message
    String mail_subject_REPLY();

    @Message
    String notice_REPLY();

    @Message
    String mail_subject_ANNOTATION();

    @Message
    String notice_ANNOTATION();

    @Message
    String mail_subject_REDACT();

    @Message
    String notice_REDACT();

    @Message
    String mail_subject_HIDE();

    @Message
    String notice_HIDE();

    @Message
    String mail_subject_RESTORE();

    @Message
    String notice_RESTORE();

    @Message
    String queue_matched();

    @Message
    String queue_kind_FLAG();

    @Message
    String queue_why_FLAG();

    @Message
    String action_complaint();

    @Message
    String action_complaint_none();

    @Message
    String action_offer();

    @Message
    String action_offer_none();

    @Message
    String complaint_DEFECT();

    @Message
    String complaint_DELIVERY();

    @Message
    String complaint_SERVICE();

    @Message
    String complaint_PRICE();

    @Message
    String complaint_OTHER();

    @Message
    String mail_receipt();

    @Message
    String reason_INAUTHENTIC();

    @Message
    String role_rule();

    @Message
    String role_public();

    @Message
    String appeal_title(long id);

    @Message
    String appeal_status_OPEN();

    @Message
    String appeal_status_UPHELD();

    @Message
    String appeal_status_REJECTED();

    @Message
    String appeal_contests_statement();

    @Message
    String appeal_contests_notice(String reference);

    @Message
    String appeal_contests_report();

    @Message
    String appeal_not_yours();

    @Message
    String notice_title(String reference);

    @Message
    String notice_status_OPEN();

    @Message
    String notice_status_ACTION_TAKEN();

    @Message
    String notice_status_NO_ACTION();

    @Message
    String notice_law();

    @Message
    String notice_law_hint();

    @Message
    String notice_explanation();

    @Message
    String notice_location();

    @Message
    String notice_notifier();

    @Message
    String notice_decision();

    @Message
    String notice_hint();

    @Message
    String action_law();

    @Message
    String action_law_hint();

    @Message
    String action_uphold();

    @Message
    String action_uphold_hint();

    @Message
    String action_uphold_report_hint();

    @Message
    String action_reject();

    @Message
    String action_why_appellant();

    @Message
    String action_decline();

    @Message
    String action_why_reporter();

    @Message
    String queue_tab_NOTICES();

    @Message
    String queue_tab_APPEALS();

    @Message
    String queue_kind_APPEAL();

    @Message
    String queue_kind_NOTICE();

    @Message
    String queue_why_APPEAL();

    @Message
    String queue_why_NOTICE();

    @Message
    String queue_action_APPEAL_UPHELD();

    @Message
    String queue_action_APPEAL_REJECTED();

    @Message
    String notice_HOLD();

    @Message
    String mail_subject_HOLD();

    @Message
    String notice_APPEAL_FILED();

    @Message
    String mail_subject_APPEAL_FILED();

    @Message
    String notice_APPEAL_UPHELD();

    @Message
    String mail_subject_APPEAL_UPHELD();

    @Message
    String notice_APPEAL_REJECTED();

    @Message
    String mail_subject_APPEAL_REJECTED();

    @Message
    String notice_REPORT_ACTION_TAKEN();

    @Message
    String mail_subject_REPORT_ACTION_TAKEN();

    @Message
    String notice_REPORT_NO_ACTION();

    @Message
    String mail_subject_REPORT_NO_ACTION();

    @Message
    String notice_form_title();

    @Message
    String notice_form_intro();

    @Message
    String notice_form_not_rules();

    @Message
    String notice_form_how();

    @Message
    String notice_too_many();

    @Message
    String notice_form_fix();

    @Message
    String notice_name();

    @Message
    String notice_email();

    @Message
    String notice_privacy();

    @Message
    String notice_good_faith();

    @Message
    String notice_send();

    @Message
    String notice_received(String reference);

    @Message
    String notice_sent_at();

    @Message
    String notice_decided_at();

    @Message
    String notice_appeal_title();

    @Message
    String notice_appeal_hint(String date);

    @Message
    String notice_mail_received(String reference);

    @Message
    String notice_mail_follow();

    @Message
    String notice_mail_reason();

    @Message
    String notice_mail_contest(String date);

    @Message
    String notice_mail_decision_ACTION_TAKEN();

    @Message
    String notice_mail_decision_NO_ACTION();

    @Message
    String notice_mail_decision_APPEAL_UPHELD();

    @Message
    String notice_mail_decision_APPEAL_REJECTED();

    @Message
    String queue_bands_title();

    @Message
    String queue_within_target(String share);

    @Message
    String queue_bands_empty();

    @Message
    String queue_band_low();

    @Message
    String queue_band_mid();

    @Message
    String queue_band_high();

    @Message
    String queue_band_waiting(long n);

    @Message
    String queue_band_oldest();

    @Message
    String incidents_title();

    @Message
    String incidents_intro();

    @Message
    String incidents_none();

    @Message
    String incident_heading(long id, String subject);

    @Message
    String incident_status_OPEN();

    @Message
    String incident_status_CONFIRMED();

    @Message
    String incident_status_DISMISSED();

    @Message
    String incident_status_CLOSED();

    @Message
    String incident_since(String when);

    @Message
    String incident_until(String when);

    @Message
    String incident_signals();

    @Message
    String signal_reviews();

    @Message
    String signal_baseline();

    @Message
    String signal_rate();

    @Message
    String signal_new_accounts();

    @Message
    String signal_duplicates();

    @Message
    String signal_average();

    @Message
    String signal_fired();

    @Message
    String incident_mode_note();

    @Message
    String incident_decide();

    @Message
    String incident_note();

    @Message
    String incident_confirm();

    @Message
    String incident_dismiss();

    @Message
    String incident_close();

    @Message
    String incident_statement();

    @Message
    String incident_subject_page();

    @Message
    String incident_log();

    @Message
    String unusual_title();

    @Message
    String unusual_intro();

    @Message
    String unusual_enabled();

    @Message
    String unusual_windowMinutes();

    @Message
    String unusual_minReviews();

    @Message
    String unusual_rateFactor();

    @Message
    String unusual_baselineWeeks();

    @Message
    String unusual_newAccountDays();

    @Message
    String unusual_newAccountShare();

    @Message
    String unusual_duplicateShare();

    @Message
    String unusual_duplicateSimilarity();

    @Message
    String unusual_ratingDrop();

    @Message
    String unusual_save();

    @Message
    String unusual_invalid(String field);

    @Message
    String unusual_dry_run();

    @Message
    String unusual_dry_intro();

    @Message
    String unusual_days();

    @Message
    String unusual_try();

    @Message
    String unusual_dry_none(Integer days);

    @Message
    String unusual_dry_found(int count, Integer days);

    @Message
    String unusual_col_when();

    @Message
    String col_subject();

    @Message
    String unusual_admin_intro();

    @Message
    String incident_answer_title();

    @Message
    String incident_answer_intro();

    @Message
    String incident_answered(long answered, long skipped);

    @Message
    String incident_no_canned();

    @Message
    String incident_canned();

    @Message
    String incident_answer();

    @Message
    String incidents_now();

    @Message
    String incident_statement_title();

    @Message
    String incident_statement_intro();

    @Message
    String incident_statement_heading();

    @Message
    String incident_statement_body();

    @Message
    String incident_statement_default_title(String subject);

    @Message
    String incident_statement_default_body(String since);

    @Message
    String incident_statement_publish();

    @Message
    String signal_network();

    @Message
    String unusual_networkShare();

    @Message
    String incident_crisis_kit(long id);

    @Message
    String role_system();
}
