package org.candor.moderation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The moderation pages' strings (queue, items, notices, e-mails to authors). English here; other languages in
 * {@code messages/mod_<lang>.properties}. Templates use them as {@code {mod:key}}.
 */
@MessageBundle(value = "mod", locale = "en")
public interface ModMsg {

    @Message("Moderate")
    String moderate();

    @Message("Moderation queue")
    String queue_title();

    @Message("Answer, annotate or hide with a notice — nothing is deleted. Most urgent first: least time left to the response target.")
    String queue_intro();

    @Message("Authors are not e-mailed on this board (CANDOR_MAIL=off): they see every action on their posts under \"My activity\" only.")
    String mail_off();

    @Message("E-mails to authors: {waiting} waiting to be sent, {failed} given up after repeated failures.")
    String mail_outbox(long waiting, long failed);

    @Message("Last reason: {reason}")
    String mail_last_error(String reason);

    @Message("Queue tabs")
    String queue_tabs();

    @Message("Needs decision")
    String queue_tab_HELD();

    @Message("Awaiting reply")
    String queue_tab_REPLY();

    @Message("Reported")
    String queue_tab_REPORTED();

    @Message("Escalated")
    String queue_tab_ESCALATED();

    @Message("Mine")
    String queue_tab_MINE();

    @Message("Done")
    String queue_tab_DONE();

    @Message("Nothing here right now.")
    String queue_empty();

    @Message("escalated to admins")
    String queue_escalated();

    @Message("overdue by {span}")
    String queue_overdue(String span);

    @Message("{span} left")
    String queue_left(String span);

    @Message("waiting {span}")
    String queue_age(String span);

    @Message("Done:")
    String queue_resolved();

    @Message("taken by {name}")
    String queue_claimed_by(String name);

    @Message("Reload the page to see new items.")
    String queue_noscript();

    @Message("Queue updated.")
    String queue_updated();

    @Message("Could not refresh the queue; reload the page.")
    String queue_refresh_failed();

    @Message("Held")
    String queue_kind_HELD();

    @Message("Awaiting reply")
    String queue_kind_REPLY();

    @Message("Reported")
    String queue_kind_REPORT();

    @Message("Opened by staff")
    String queue_kind_MANUAL();

    @Message("Held by rule")
    String queue_why_HELD();

    @Message("Published, no official reply yet")
    String queue_why_REPLY();

    @Message("Reported by a reader, reason")
    String queue_why_REPORT();

    @Message("Opened from the content")
    String queue_why_MANUAL();

    @Message("Queued")
    String queue_action_CREATED();

    @Message("Reported again")
    String queue_action_REPORTED();

    @Message("Taken")
    String queue_action_TAKEN();

    @Message("Released")
    String queue_action_RELEASED();

    @Message("Reassigned")
    String queue_action_REASSIGNED();

    @Message("Published")
    String queue_action_PUBLISH();

    @Message("Kept held")
    String queue_action_KEEP_HELD();

    @Message("Official reply")
    String queue_action_REPLY();

    @Message("Annotated")
    String queue_action_ANNOTATION();

    @Message("Redacted")
    String queue_action_REDACT();

    @Message("Hidden with notice")
    String queue_action_HIDE();

    @Message("Restored")
    String queue_action_RESTORE();

    @Message("Escalated")
    String queue_action_ESCALATE();

    @Message("Internal note")
    String queue_action_NOTE();

    @Message("Closed")
    String queue_action_CLOSE();

    @Message("Queue item #{id}")
    String item_title(long id);

    @Message("Why it is here")
    String item_why_title();

    @Message("version {version}")
    String item_version(int version);

    @Message("Reports")
    String item_reports();

    @Message("Comment")
    String item_comment();

    @Message("Review")
    String item_review();

    @Message("Text before redaction (admins only)")
    String item_redacted_originals();

    @Message("Removed: “{span}”")
    String item_redacted_span(String span);

    @Message("Actions")
    String item_actions();

    @Message("{name}'s record")
    String item_author_title(String name);

    @Message("{posts} posts, {actions} moderation actions on them.")
    String item_author_totals(long posts, long actions);

    @Message("{count} actions")
    String item_author_actions(long count);

    @Message("History of this item")
    String item_history();

    @Message("Official reply from {business} · {handle}")
    String official_reply_from(String business, String handle);

    @Message("Moderator's note · {handle}")
    String annotation_by(String handle);

    @Message("Take")
    String action_take();

    @Message("Release")
    String action_release();

    @Message("Assign to")
    String action_reassign_to();

    @Message("Reassign")
    String action_reassign();

    @Message("Publish")
    String action_publish();

    @Message("Note (public, optional)")
    String action_note_public();

    @Message("Keep held")
    String action_keep_held();

    @Message("Message to the author")
    String action_message_author();

    @Message("Official reply")
    String action_reply();

    @Message("Canned response")
    String action_canned();

    @Message("— write my own —")
    String action_canned_none();

    @Message("Reply")
    String action_reply_body();

    @Message("Leave the reply empty to send the canned response as it is. {|{customer}|} and {|{subject}|} are filled in.")
    String action_reply_hint();

    @Message("Public annotation")
    String action_annotate();

    @Message("Annotation (shown with the content)")
    String action_annotation_text();

    @Message("Redact part of the text")
    String action_redact();

    @Message("Exact text to remove")
    String action_redact_span();

    @Message("Hide with notice")
    String action_hide();

    @Message("The public sees a notice with your handle, the rule and your reason. The author still sees the text.")
    String action_hide_hint();

    @Message("Why (shown in the public notice)")
    String action_why_public();

    @Message("Restore")
    String action_restore();

    @Message("Escalate to admins")
    String action_escalate();

    @Message("Note for the admins")
    String action_note_admins();

    @Message("Internal note")
    String action_note();

    @Message("Note (staff only)")
    String action_note_staff();

    @Message("Close without action")
    String action_close();

    @Message("Rule")
    String moderation_reason();

    @Message("Choose the rule")
    String moderation_reason_choose();

    @Message("Meets the guidelines")
    String reason_MEETS_GUIDELINES();

    @Message("Personal data")
    String reason_PERSONAL_DATA();

    @Message("Abuse or harassment")
    String reason_ABUSE();

    @Message("Spam or advertising")
    String reason_SPAM();

    @Message("Off topic")
    String reason_OFF_TOPIC();

    @Message("Unlawful content")
    String reason_ILLEGAL();

    @Message("Earlier decision was a mistake")
    String reason_MISTAKE();

    @Message("Other")
    String reason_OTHER();

    @Message("Hidden by {role} {handle}")
    String hidden_by(String role, String handle);

    @Message("rule:")
    String hidden_rule();

    @Message("customer")
    String role_customer();

    @Message("moderator")
    String role_moderator();

    @Message("admin")
    String role_admin();

    @Message("A colleague got there first")
    String conflict_title();

    @Message("Your action was not taken: the item changed after you opened it, or a colleague is working on it. Nothing was lost or done twice.")
    String conflict_intro();

    @Message("Last change:")
    String conflict_last();

    @Message("Now:")
    String conflict_now();

    @Message("still open")
    String conflict_open();

    @Message("See the item as it is now")
    String conflict_reload();

    @Message("What you wrote (copy it before you reload the item)")
    String conflict_typed();

    @Message("Hello {name},")
    String mail_hello(String name);

    @Message("Rule:")
    String mail_reason();

    @Message("See it here:")
    String mail_link();

    @Message("You get this e-mail because you posted on Candor. Every moderation action is also in the public log.")
    String mail_footer();

    @Message("Your post was published")
    String mail_subject_PUBLISH();

    @Message("A moderator published your post.")
    String notice_PUBLISH();

    @Message("Your post is still awaiting moderation")
    String mail_subject_KEEP_HELD();

    @Message("A moderator kept your post held. You can edit it and it will be looked at again.")
    String notice_KEEP_HELD();

    @Message("An official reply to your review")
    String mail_subject_REPLY();

    @Message("Your review has an official reply.")
    String notice_REPLY();

    @Message("A note on your post")
    String mail_subject_ANNOTATION();

    @Message("A moderator added a public note to your post.")
    String notice_ANNOTATION();

    @Message("Part of your review was removed")
    String mail_subject_REDACT();

    @Message("A moderator removed part of your review's text.")
    String notice_REDACT();

    @Message("Your post was hidden")
    String mail_subject_HIDE();

    @Message("A moderator hid your post behind a public notice. You can still see it.")
    String notice_HIDE();

    @Message("Your post is visible again")
    String mail_subject_RESTORE();

    @Message("A moderator restored your post.")
    String notice_RESTORE();

    @Message("matched:")
    String queue_matched();

    @Message("Flagged by a rule")
    String queue_kind_FLAG();

    @Message("Published, flagged by rule")
    String queue_why_FLAG();

    @Message("The complaint is about")
    String action_complaint();

    @Message("— not a complaint —")
    String action_complaint_none();

    @Message("Attach an offer (its kind is shown in the public log)")
    String action_offer();

    @Message("— no offer —")
    String action_offer_none();

    @Message("A defect")
    String complaint_DEFECT();

    @Message("Delivery")
    String complaint_DELIVERY();

    @Message("Service")
    String complaint_SERVICE();

    @Message("Price")
    String complaint_PRICE();

    @Message("Something else")
    String complaint_OTHER();
}
