package org.candor.publiclog;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public log's and the Verifier page's strings. English in {@code messages/log_en.properties}, other languages
 * beside it. Templates use them as {@code {log:key}}.
 */
@MessageBundle(value = "log", locale = "en")
public interface LogMsg {

    @Message
    String log_title();

    @Message
    String log_intro(long size);

    @Message
    String log_verify_link();

    @Message
    String log_feed();

    @Message
    String log_filter_subject();

    @Message
    String log_filter_kind();

    @Message
    String log_filter_any();

    @Message
    String log_filter_from();

    @Message
    String log_filter_to();

    @Message
    String log_filter_apply();

    @Message
    String log_bad_date();

    @Message
    String log_empty();

    @Message
    String log_older();

    @Message
    String log_item();

    @Message
    String log_actor(String role, String handle);

    @Message
    String log_reason();

    @Message
    String logkind_OFFICIAL_REPLY();

    @Message
    String logkind_ANNOTATION();

    @Message
    String logkind_HIDE();

    @Message
    String logkind_RESTORE();

    @Message
    String logkind_PUBLISH();

    @Message
    String logkind_REDACT();

    @Message
    String logkind_STATEMENT_PUBLISHED();

    @Message
    String logkind_STATEMENT_RETIRED();

    @Message
    String logkind_POLICY_CHANGE();

    @Message
    String logkind_OFFER_GRANTED();

    @Message
    String logkind_ROLE_GRANTED();

    @Message
    String logkind_ROLE_REVOKED();

    @Message
    String verify_title();

    @Message
    String verify_intro();

    @Message
    String verify_how_title();

    @Message
    String verify_step_entries();

    @Message
    String verify_step_leaves();

    @Message
    String verify_step_root();

    @Message
    String verify_step_signature();

    @Message
    String verify_step_consistency();

    @Message
    String verify_tool_title();

    @Message
    String verify_tool_text();

    @Message
    String verify_key_title();

    @Message
    String verify_checkpoint_title();

    @Message
    String verify_key_text();

    @Message
    String verify_receipt_text();

    @Message
    String log_receipt();

    @Message
    String logkind_TEXTS_ERASED();

    @Message
    String log_erased();

    @Message
    String logkind_STATEMENT_OF_REASONS();

    @Message
    String logkind_APPEAL_FILED();

    @Message
    String logkind_APPEAL_UPHELD();

    @Message
    String logkind_APPEAL_REJECTED();

    @Message
    String logkind_NOTICE_RECEIVED();

    @Message
    String logkind_NOTICE_DECIDED();

    @Message
    String logkind_RECEIVED();

    @Message
    String logkind_RECEIVED_HELD();

    @Message
    String logkind_REPORT_RECEIVED();

    @Message
    String logkind_REPORT_DECIDED();

    @Message
    String logkind_INVITATION_SENT();

    @Message
    String logkind_INCIDENT_OPENED();

    @Message
    String logkind_INCIDENT_CONFIRMED();

    @Message
    String logkind_INCIDENT_DISMISSED();

    @Message
    String logkind_INCIDENT_CLOSED();

    @Message
    String log_comment_on();

    @Message
    String log_a_comment();

    @Message
    String log_actor_role(String role, String handle);

    @Message
    String log_feed_title();

    @Message
    String log_feed_subtitle();
}
