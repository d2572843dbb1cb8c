package org.candor.review;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Strings of the subject pages, reviews, comments and "My activity". English in {@code messages/rev_en.properties},
 * other languages beside it. Templates use them as {@code {rev:key}}.
 */
@MessageBundle(value = "rev", locale = "en")
public interface RevMsg {

    @Message
    String home_title();

    @Message
    String home_intro();

    @Message
    String home_empty();

    @Message
    String review_count(int count);

    @Message
    String average_rating(String average);

    @Message
    String rating_distribution();

    @Message
    String stars_label(int stars);

    @Message
    String reviews_title();

    @Message
    String reviews_empty();

    @Message
    String reviews_older();

    @Message
    String reviews_newest();

    @Message
    String subject_history();

    @Message
    String rated(int rating);

    @Message
    String by_author(String author);

    @Message
    String edited();

    @Message
    String review_hidden();

    @Message
    String permalink();

    @Message
    String review_pending_banner();

    @Message
    String comment_pending_banner();

    @Message
    String comment_hidden();

    @Message
    String helpful_count(int count);

    @Message
    String comments_title();

    @Message
    String form_rating();

    @Message
    String form_title();

    @Message
    String form_body();

    @Message
    String review_write_title();

    @Message
    String review_edit_title();

    @Message
    String review_post();

    @Message
    String review_save_edit();

    @Message
    String review_sign_in();

    @Message
    String review_edit_history_note();

    @Message
    String review_edit_link();

    @Message
    String review_page_title(String subject);

    @Message
    String rate_limited(Long seconds);

    @Message
    String sort_label();

    @Message
    String sort_newest();

    @Message
    String sort_helpful();

    @Message
    String sort_lowest();

    @Message
    String pages_label();

    @Message
    String helpful_mark();

    @Message
    String helpful_unmark();

    @Message
    String comment_write_title();

    @Message
    String comment_body();

    @Message
    String comment_post();

    @Message
    String comment_sign_in();

    @Message
    String report_title();

    @Message
    String report_reason();

    @Message
    String report_choose();

    @Message
    String report_SPAM();

    @Message
    String report_ABUSE();

    @Message
    String report_PERSONAL_DATA();

    @Message
    String report_OFF_TOPIC();

    @Message
    String report_OTHER();

    @Message
    String report_details();

    @Message
    String report_send();

    @Message
    String history_title();

    @Message
    String history_version(int revision);

    @Message
    String activity_title();

    @Message
    String activity_intro();

    @Message
    String activity_empty();

    @Message
    String activity_post();

    @Message
    String activity_subject();

    @Message
    String activity_status();

    @Message
    String activity_when();

    @Message
    String activity_review(Integer rating);

    @Message
    String activity_comment();

    @Message
    String status_pending();

    @Message
    String status_hidden();

    @Message
    String status_published();

    @Message
    String activity_told_title();

    @Message
    String activity_told_empty();

    @Message
    String activity_posts_title();

    @Message
    String sor_title();

    @Message
    String sor_restriction();

    @Message
    String sor_restriction_HOLD();

    @Message
    String sor_restriction_KEEP_HELD();

    @Message
    String sor_restriction_HIDE();

    @Message
    String sor_restriction_REDACT();

    @Message
    String sor_restriction_LABEL();

    @Message
    String sor_period();

    @Message
    String sor_since();

    @Message
    String sor_until();

    @Message
    String sor_in_force();

    @Message
    String sor_facts();

    @Message
    String sor_ground();

    @Message
    String sor_ground_law(String law);

    @Message
    String sor_ground_rule(String rule);

    @Message
    String sor_ground_policy(String rule);

    @Message
    String sor_rules_version(Integer version);

    @Message
    String sor_detection();

    @Message
    String sor_detection_WORD_RULE();

    @Message
    String sor_detection_PRE_MODERATION();

    @Message
    String sor_detection_REPORT();

    @Message
    String sor_detection_NOTICE();

    @Message
    String sor_detection_STAFF();

    @Message
    String sor_automation();

    @Message
    String sor_automation_AUTOMATED();

    @Message
    String sor_automation_PARTIAL();

    @Message
    String sor_automation_HUMAN();

    @Message
    String sor_redress();

    @Message
    String sor_appeal_until(String date);

    @Message
    String sor_appeal_closed(String date);

    @Message
    String sor_lifted();

    @Message
    String sor_out_of_court(String body);

    @Message
    String sor_log();

    @Message
    String sor_log_entry(Long seq);

    @Message
    String sor_public_appeal();

    @Message
    String appeal_this();

    @Message
    String appeal_hint();

    @Message
    String appeal_explanation();

    @Message
    String appeal_send();

    @Message
    String appeal_report();

    @Message
    String appeal_report_hint(String date);

    @Message
    String appeal_status_OPEN();

    @Message
    String appeal_status_UPHELD();

    @Message
    String appeal_status_REJECTED();

    @Message
    String reports_title();

    @Message
    String reports_empty();

    @Message
    String report_decision_PENDING();

    @Message
    String report_decision_ACTION_TAKEN();

    @Message
    String report_decision_NO_ACTION();

    @Message
    String notice_link();

    @Message
    String appeal_typed();

    @Message
    String my_data();

    @Message
    String search_too_long(int max);

    @Message
    String search_plain();

    @Message
    String incident_banner_open(String since);

    @Message
    String incident_banner_closed(String since, String until);

    @Message
    String incident_without(String average, long count);

    @Message
    String search_too_slow();

    @Message
    String sor_facts_redacted();

    @Message
    String write_checked_first();

    @Message
    String activity_offer_granted();

    @Message
    String history_withheld();
}
