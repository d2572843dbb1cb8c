package org.candor.policy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The policy pages' strings (admin settings, rules, canned responses, offers, roles, statements). English here; other
 * languages in {@code messages/pol_<lang>.properties}. Templates use them as {@code {pol:key}}.
 */
@MessageBundle(value = "pol", locale = "en")
public interface PolMsg {

    @Message
    String allowed_ADMIN();

    @Message
    String allowed_MODERATOR();

    @Message
    String allowed_role();

    @Message
    String canned_body();

    @Message
    String canned_category();

    @Message
    String canned_edit();

    @Message
    String canned_intro();

    @Message
    String canned_name();

    @Message
    String canned_new();

    @Message
    String canned_none();

    @Message
    String canned_placeholders();

    @Message
    String canned_title();

    @Message
    String canned_uses();

    @Message
    String consistency_complaint();

    @Message
    String consistency_intro();

    @Message
    String consistency_none();

    @Message
    String consistency_none_given();

    @Message
    String consistency_offers();

    @Message
    String consistency_rating();

    @Message
    String consistency_replied();

    @Message
    String consistency_title();

    @Message
    String dry_current();

    @Message
    String dry_examples();

    @Message
    String dry_flagged();

    @Message
    String dry_held();

    @Message
    String dry_proposed();

    @Message
    String dry_published();

    @Message
    String dry_rejected();

    @Message
    String dry_title(int posts);

    @Message
    String edit();

    @Message
    String flag_action();

    @Message
    String hold_action();

    @Message
    String reject_action();

    @Message
    String offer_description();

    @Message
    String offer_edit();

    @Message
    String offer_grants();

    @Message
    String offer_name();

    @Message
    String offer_new();

    @Message
    String offers_intro();

    @Message
    String offers_none();

    @Message
    String offers_title();

    @Message
    String policy_hold_days();

    @Message
    String policy_hold_first();

    @Message
    String policy_holds();

    @Message
    String policy_intro();

    @Message
    String policy_limits();

    @Message
    String policy_logged();

    @Message
    String policy_max_links();

    @Message
    String policy_mode();

    @Message
    String policy_mode_POST();

    @Message
    String policy_mode_PRE();

    @Message
    String policy_mode_default();

    @Message
    String policy_per_minute();

    @Message
    String policy_privacy();

    @Message
    String policy_privacy_HANDLE();

    @Message
    String policy_privacy_ROLE();

    @Message
    String policy_subject_slug();

    @Message
    String policy_subjects();

    @Message
    String policy_subjects_none();

    @Message
    String policy_target_high();

    @Message
    String policy_target_low();

    @Message
    String policy_target_mid();

    @Message
    String policy_targets();

    @Message
    String policy_title();

    @Message
    String providers_disabled();

    @Message
    String providers_enabled();

    @Message
    String providers_env();

    @Message
    String providers_intro();

    @Message
    String providers_name();

    @Message
    String providers_status();

    @Message
    String providers_title();

    @Message
    String roles_find();

    @Message
    String roles_handle();

    @Message
    String roles_intro();

    @Message
    String roles_none();

    @Message
    String roles_role();

    @Message
    String roles_scope();

    @Message
    String roles_search();

    @Message
    String roles_title();

    @Message
    String rules_action();

    @Message
    String rules_active();

    @Message
    String rules_add();

    @Message
    String rules_dry_run();

    @Message
    String rules_intro();

    @Message
    String rules_list();

    @Message
    String rules_none();

    @Message
    String rules_pattern();

    @Message
    String rules_regex();

    @Message
    String rules_regex_syntax();

    @Message
    String rules_retire();

    @Message
    String rules_retired();

    @Message
    String rules_save();

    @Message
    String rules_state();

    @Message
    String rules_test();

    @Message
    String rules_test_button();

    @Message
    String rules_test_text();

    @Message
    String rules_title();

    @Message
    String save();

    @Message
    String stale_intro();

    @Message
    String stale_title();

    @Message
    String statement_about(String subject);

    @Message
    String statement_board();

    @Message
    String statement_body();

    @Message
    String statement_edit();

    @Message
    String statement_heading();

    @Message
    String statement_new();

    @Message
    String statement_publish();

    @Message
    String statement_retire();

    @Message
    String statement_retire_note();

    @Message
    String statement_subject();

    @Message
    String statements_intro();

    @Message
    String statements_none();

    @Message
    String statements_public();

    @Message
    String statements_title();

    @Message
    String outcome_PUBLISH();

    @Message
    String outcome_FLAG();

    @Message
    String outcome_HOLD();

    @Message
    String outcome_REJECT();

    @Message
    String CUSTOMER();

    @Message
    String MODERATOR();

    @Message
    String ADMIN();

    @Message
    String erasure_title();

    @Message
    String erasure_intro();

    @Message
    String erasure_new();

    @Message
    String erasure_entry();

    @Message
    String erasure_ground();

    @Message
    String erasure_note();

    @Message
    String erasure_submit();

    @Message
    String erasure_done();

    @Message
    String erasure_none();

    @Message
    String erasure_tombstone();

    @Message
    String erasure_when();

    @Message
    String erasure_ground_GDPR_ART_17();

    @Message
    String erasure_ground_COURT_ORDER();

    @Message
    String erasure_ground_UNLAWFUL_CONTENT_ORDER();

    @Message
    String erasure_ground_OTHER_LEGAL_OBLIGATION();

    @Message
    String erasure_admin_intro();

    @Message
    String rules_page_title();

    @Message
    String rules_page_intro();

    @Message
    String rules_page_version(long version);

    @Message
    String rules_page_posting();

    @Message
    String rules_page_pre();

    @Message
    String rules_page_post();

    @Message
    String rules_page_first_posts(int count);

    @Message
    String rules_page_new_accounts(int days);

    @Message
    String rules_page_links(int count);

    @Message
    String rules_page_rate(int count);

    @Message
    String rules_page_words(long rejecting, long holding, long flagging);

    @Message
    String rules_page_no_words();

    @Message
    String rules_page_who();

    @Message
    String rules_page_automation();

    @Message
    String rules_page_nothing_deleted();

    @Message
    String rules_page_reasons();

    @Message
    String rules_page_reason_MEETS_GUIDELINES();

    @Message
    String rules_page_reason_PERSONAL_DATA();

    @Message
    String rules_page_reason_ABUSE();

    @Message
    String rules_page_reason_SPAM();

    @Message
    String rules_page_reason_OFF_TOPIC();

    @Message
    String rules_page_reason_ILLEGAL();

    @Message
    String rules_page_reason_MISTAKE();

    @Message
    String rules_page_reason_OTHER();

    @Message
    String rules_page_targets();

    @Message
    String rules_page_targets_text(int low, int mid, int high);

    @Message
    String rules_page_versions();

    @Message
    String rules_page_no_changes();

    @Message
    String reviews_page_title();

    @Message
    String reviews_page_intro();

    @Message
    String reviews_page_who();

    @Message
    String reviews_page_who_text();

    @Message
    String reviews_page_checked();

    @Message
    String reviews_page_checked_text();

    @Message
    String reviews_page_published();

    @Message
    String reviews_page_published_pre();

    @Message
    String reviews_page_published_post();

    @Message
    String reviews_page_order();

    @Message
    String reviews_page_order_text();

    @Message
    String reviews_page_average();

    @Message
    String reviews_page_average_text();

    @Message
    String rules_page_reason_INAUTHENTIC();

    @Message
    String rules_page_told();

    @Message
    String rules_page_told_text();

    @Message
    String rules_page_appeals();

    @Message
    String rules_page_appeals_text(int months);

    @Message
    String rules_page_out_of_court(String body);

    @Message
    String rules_page_reports();

    @Message
    String rules_page_reports_text();

    @Message
    String rules_page_notices();

    @Message
    String rules_page_notices_text();

    @Message
    String rules_page_accounts();

    @Message
    String rules_page_accounts_text();

    @Message
    String policy_words();

    @Message
    String policy_words_HIDDEN();

    @Message
    String policy_words_SHOWN();

    @Message
    String rules_page_words_shown(long rejecting, long holding, long flagging);

    @Message
    String rules_page_words_title();

    @Message
    String rules_page_words_rule();

    @Message
    String rules_page_words_pattern();

    @Message
    String rules_page_words_action();

    @Message
    String rules_page_words_regex();

    @Message
    String rules_page_words_REJECT();

    @Message
    String rules_page_words_HOLD();

    @Message
    String rules_page_words_FLAG();

    @Message
    String change_settings();

    @Message
    String change_setting(String what, String before, String after);

    @Message
    String change_mode(String subject, String before, String after);

    @Message
    String change_rule_added(String id, String kind, String action);

    @Message
    String change_rule_retired(String id);

    @Message
    String change_canned_created(String name, String role);

    @Message
    String change_offer_created(String name, String role);

    @Message
    String change_canned_edited(String name);

    @Message
    String change_offer_edited(String name);

    @Message
    String change_canned_retired(String name);

    @Message
    String change_offer_retired(String name);

    @Message
    String value_PRE();

    @Message
    String value_POST();

    @Message
    String value_default();

    @Message
    String value_true();

    @Message
    String value_false();

    @Message
    String value_ROLE();

    @Message
    String value_HANDLE();

    @Message
    String value_SHOWN();

    @Message
    String value_HIDDEN();

    @Message
    String value_word();

    @Message
    String value_pattern();

    @Message
    String value_REJECT();

    @Message
    String value_HOLD();

    @Message
    String value_FLAG();

    @Message
    String value_MODERATOR();

    @Message
    String value_ADMIN();

    @Message
    String value_CUSTOMER();

    @Message
    String setting_mode();

    @Message
    String setting_hold_first();

    @Message
    String setting_hold_days();

    @Message
    String setting_links();

    @Message
    String setting_rate();

    @Message
    String setting_target_low();

    @Message
    String setting_target_mid();

    @Message
    String setting_target_high();

    @Message
    String setting_staff();

    @Message
    String setting_words();

    @Message
    String roles_person();

    @Message
    String roles_handle_short();

    @Message
    String roles_scope_short();

    @Message
    String roles_scope_all();

    @Message
    String roles_scope_pick();

    @Message
    String roles_edit_title(String name);

    @Message
    String statement_kind();

    @Message
    String statement_kind_information();

    @Message
    String statement_kind_apology();

    @Message
    String statement_kind_incident();
}
