package org.candor.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing string of the pages. English here; other languages in {@code messages/msg_<lang>.properties}.
 * Templates use them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Candor")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Subjects")
    String nav_subjects();

    @Message("Public log")
    String nav_log();

    @Message("About")
    String nav_about();

    @Message("Sign in")
    String nav_sign_in();

    @Message("Main navigation")
    String nav_label();

    @Message("Language")
    String lang_label();

    @Message("Nothing a customer writes disappears silently, and every official reply is on the record.")
    String promise();

    @Message("What customers say")
    String home_title();

    @Message("Read reviews without signing in. Sign in with an account you already have to write your own.")
    String home_intro();

    @Message("No subjects yet.")
    String home_empty();

    @Message("{#if count == 0}No reviews yet{#else if count == 1}1 review{#else}{count} reviews{/if}")
    String review_count(int count);

    @Message("Average rating {average} out of 5")
    String average_rating(String average);

    @Message("Rating distribution")
    String rating_distribution();

    @Message("{stars} stars")
    String stars_label(int stars);

    @Message("Reviews")
    String reviews_title();

    @Message("No reviews yet. Be the first to share your experience.")
    String reviews_empty();

    @Message("Older reviews")
    String reviews_older();

    @Message("Newest reviews")
    String reviews_newest();

    @Message("History of this page")
    String subject_history();

    @Message("Rated {rating} out of 5")
    String rated(int rating);

    @Message("by {author}")
    String by_author(String author);

    @Message("edited")
    String edited();

    @Message("This review was hidden by a moderator. The notice explaining why stays here.")
    String review_hidden();

    @Message("Permalink")
    String permalink();

    @Message("About Candor")
    String about_title();

    @Message("Candor is where customers review what a business offers and talk with it in public.")
    String about_what();

    @Message("Our promise: nothing a customer writes disappears silently.")
    String about_promise_title();

    @Message("Moderators answer and annotate instead of deleting. When a post has to be hidden, a public notice stays in its place saying who hid it, when, under which rule and why, and the author is told.")
    String about_promise_hide();

    @Message("Every official reply and every moderation action is written to the public log, which anyone can read and check: each entry commits to the one before it, so no entry can be removed or changed without it showing.")
    String about_promise_log();

    @Message("You sign in with an account you already have (Google, GitHub, Microsoft, Facebook, Apple or your company's sign-in). Candor never stores a password.")
    String about_promise_signin();

    @Message("Page not found")
    String error_404_title();

    @Message("There is nothing at this address. It may have moved, or the link may be mistyped.")
    String error_404_text();

    @Message("Request not accepted")
    String error_4xx_title();

    @Message("We could not accept this request. Go back and try again.")
    String error_4xx_text();

    @Message("Something went wrong")
    String error_500_title();

    @Message("Please try again in a moment. If it keeps happening, tell us this reference: {reference}")
    String error_500_text(String reference);

    @Message("Back to the subjects")
    String error_back_home();

    @Message("Sign out")
    String nav_sign_out();

    @Message("Sign in")
    String login_title();

    @Message("Sign in with an account you already have. You can then review, comment, mark reviews helpful and report problems.")
    String login_intro();

    @Message("Sign-in is not configured on this board yet.")
    String login_none();

    @Message("Sign in with {provider}")
    String login_with(String provider);

    @Message("You are signed in as {name}.")
    String login_already(String name);

    @Message("{provider} sign-in is not answering")
    String login_unavailable_title(String provider);

    @Message("{provider} did not answer when we asked it to confirm who you are. Nothing is wrong with your account. Try again in a moment, or sign in another way.")
    String login_unavailable_text(String provider);

    @Message("Try {provider} again")
    String login_unavailable_retry(String provider);

    @Message("Your session had ended, so nothing was sent yet. What you wrote is kept: sign in again and it will be back in the form, ready to send.")
    String login_draft_kept();

    @Message("Candor never sees or stores a password: your provider confirms who you are.")
    String login_no_password();

    @Message("Sign-in did not complete")
    String login_failed_title();

    @Message("We could not confirm your sign-in. This happens when a sign-in link is reused or has expired. Please start again.")
    String login_failed_text();

    @Message("Try signing in again")
    String login_try_again();

    @Message("Sign out")
    String logout_title();

    @Message("Sign out of Candor, {name}?")
    String logout_question(String name);

    @Message("You are signed out.")
    String logout_done();

    @Message("Your profile")
    String profile_title();

    @Message("You sign in with {provider}.")
    String profile_signed_in_with(String provider);

    @Message("Name shown on your reviews and comments")
    String profile_display_name();

    @Message("Save")
    String save();

    @Message("Your profile was saved.")
    String flash_profile_saved();

    @Message("You do not have access to this page")
    String error_403_title();

    @Message("Your account does not have the role this page needs.")
    String error_403_text();

    @Message("Awaiting moderation: only you and the moderators can see this review until it is published.")
    String review_pending_banner();

    @Message("Awaiting moderation: only you and the moderators can see this comment.")
    String comment_pending_banner();

    @Message("This comment was hidden by a moderator. The notice explaining why stays here.")
    String comment_hidden();

    @Message("{#if count == 1}1 person found this helpful{#else}{count} people found this helpful{/if}")
    String helpful_count(int count);

    @Message("Comments")
    String comments_title();

    @Message("Your rating")
    String form_rating();

    @Message("Title (optional)")
    String form_title();

    @Message("Your review")
    String form_body();

    @Message("Write a review")
    String review_write_title();

    @Message("Edit your review")
    String review_edit_title();

    @Message("Post review")
    String review_post();

    @Message("Save changes")
    String review_save_edit();

    @Message("Sign in to write a review")
    String review_sign_in();

    @Message("Every version is kept: readers see that your review was edited and can read the earlier versions.")
    String review_edit_history_note();

    @Message("Edit your review")
    String review_edit_link();

    @Message("A review of {subject}")
    String review_page_title(String subject);

    @Message("You are posting faster than this board allows. Your text is kept below; try again in {seconds} seconds.")
    String rate_limited(Long seconds);

    @Message("Sort reviews")
    String sort_label();

    @Message("Newest")
    String sort_newest();

    @Message("Most helpful")
    String sort_helpful();

    @Message("Lowest rating")
    String sort_lowest();

    @Message("More reviews")
    String pages_label();

    @Message("This was helpful")
    String helpful_mark();

    @Message("Undo: not helpful after all")
    String helpful_unmark();

    @Message("Add a comment")
    String comment_write_title();

    @Message("Your comment")
    String comment_body();

    @Message("Post comment")
    String comment_post();

    @Message("Sign in to comment, mark this review helpful or report it")
    String comment_sign_in();

    @Message("Report this review")
    String report_title();

    @Message("Why are you reporting it?")
    String report_reason();

    @Message("Choose a reason")
    String report_choose();

    @Message("Spam or advertising")
    String report_SPAM();

    @Message("Abusive or hateful")
    String report_ABUSE();

    @Message("Shares personal data")
    String report_PERSONAL_DATA();

    @Message("Off topic")
    String report_OFF_TOPIC();

    @Message("Something else")
    String report_OTHER();

    @Message("Details (optional)")
    String report_details();

    @Message("Send report")
    String report_send();

    @Message("Edit history")
    String history_title();

    @Message("Version {revision}")
    String history_version(int revision);

    @Message("My activity")
    String activity_title();

    @Message("Everything you have posted, with its status. Nothing you write disappears silently: if a moderator acts on a post, you will see it here.")
    String activity_intro();

    @Message("You have not posted anything yet.")
    String activity_empty();

    @Message("Post")
    String activity_post();

    @Message("Subject")
    String activity_subject();

    @Message("Status")
    String activity_status();

    @Message("Last change")
    String activity_when();

    @Message("Review, {rating} stars")
    String activity_review(Integer rating);

    @Message("Comment")
    String activity_comment();

    @Message("Awaiting moderation")
    String status_pending();

    @Message("Hidden with a public notice")
    String status_hidden();

    @Message("Published")
    String status_published();

    @Message("My activity")
    String nav_me();

    @Message("Thank you! Your review is published.")
    String flash_review_posted();

    @Message("Thank you! Your review is awaiting moderation; you will see here when it is published.")
    String flash_review_pending();

    @Message("Your review was updated. The earlier version is kept in its history.")
    String flash_review_edited();

    @Message("Nothing changed in your review.")
    String flash_review_unchanged();

    @Message("Your comment is posted.")
    String flash_comment_posted();

    @Message("Thanks, you marked this review helpful.")
    String flash_helpful_marked();

    @Message("You took back your helpful mark.")
    String flash_helpful_unmarked();

    @Message("You cannot mark your own review helpful.")
    String flash_helpful_own();

    @Message("Thank you. The moderators will look at your report.")
    String flash_reported();

    @Message("This form has expired")
    String error_form_expired_title();

    @Message("For your security, forms expire or must come from this site. Go back, reload the page and send it again.")
    String error_form_expired_text();

    @Message("What you wrote is below: copy it, reload the page, and paste it into the form again.")
    String error_typed_copy();

    @Message("What you wrote")
    String error_typed_label();

    @Message("Back in a moment")
    String error_503_title();

    @Message("The board cannot reach its database right now (it may be restarting). Nothing was saved and nothing is lost: try again in a moment.")
    String error_503_text();

    @Message("Send again")
    String error_503_resend();

    @Message("Please slow down")
    String error_429_title();

    @Message("You are sending requests faster than this board allows. Wait a moment and try again.")
    String error_429_text();

    @Message("Administration")
    String nav_admin();

    @Message("Subjects")
    String admin_subjects_title();

    @Message("the products, places and topics customers review.")
    String admin_subjects_intro();

    @Message("New subject")
    String admin_subject_new();

    @Message("Edit subject")
    String admin_subject_edit();

    @Message("Name")
    String admin_subject_name();

    @Message("Address name (used in /subjects/…)")
    String admin_subject_slug();

    @Message("Kind")
    String admin_subject_kind();

    @Message("Description")
    String admin_subject_description();

    @Message("Image address (https://…, optional)")
    String admin_subject_image();

    @Message("Product")
    String kind_PRODUCT();

    @Message("Place")
    String kind_PLACE();

    @Message("Topic")
    String kind_TOPIC();

    @Message("The subject was saved.")
    String flash_subject_saved();

    @Message("Public log")
    String log_title();

    @Message("Every official reply and every moderation action, newest first: {size} entries so far. Entries are never changed or removed, and anyone can check that.")
    String log_intro(long size);

    @Message("How to verify this log")
    String log_verify_link();

    @Message("Atom feed")
    String log_feed();

    @Message("Subject (address name)")
    String log_filter_subject();

    @Message("Kind")
    String log_filter_kind();

    @Message("Any")
    String log_filter_any();

    @Message("From (date)")
    String log_filter_from();

    @Message("To (date)")
    String log_filter_to();

    @Message("Filter")
    String log_filter_apply();

    @Message("Dates are written as year-month-day, e.g. 2026-11-23.")
    String log_bad_date();

    @Message("No entries match.")
    String log_empty();

    @Message("Older entries")
    String log_older();

    @Message("the post")
    String log_item();

    @Message("By {role} {handle}")
    String log_actor(String role, String handle);

    @Message("Reason")
    String log_reason();

    @Message("Official reply")
    String logkind_OFFICIAL_REPLY();

    @Message("Public annotation")
    String logkind_ANNOTATION();

    @Message("Hidden with a notice")
    String logkind_HIDE();

    @Message("Restored")
    String logkind_RESTORE();

    @Message("Published after moderation")
    String logkind_PUBLISH();

    @Message("Personal data redacted")
    String logkind_REDACT();

    @Message("Statement published")
    String logkind_STATEMENT_PUBLISHED();

    @Message("Statement retired")
    String logkind_STATEMENT_RETIRED();

    @Message("Policy change")
    String logkind_POLICY_CHANGE();

    @Message("Offer granted")
    String logkind_OFFER_GRANTED();

    @Message("Role granted")
    String logkind_ROLE_GRANTED();

    @Message("Role revoked")
    String logkind_ROLE_REVOKED();

    @Message("How to verify the public log")
    String verify_title();

    @Message("The log is a Merkle tree (RFC 9162, as used by Certificate Transparency). Each entry commits to every entry before it, and Candor signs the tree's root. If any entry were changed or removed, the signed roots you saved earlier would no longer match.")
    String verify_intro();

    @Message("What a check does")
    String verify_how_title();

    @Message("Download every entry from /api/log (100 at a time, following next).")
    String verify_step_entries();

    @Message("For each entry, rebuild its canonical bytes: a JSON object of its fields with sorted keys and no spaces, and hash it: SHA-256(0x00 followed by those bytes). It must equal the entry's leafHash.")
    String verify_step_leaves();

    @Message("Combine the leaves into the tree's root: SHA-256(0x01, left, right), splitting at the largest power of two below the size. It must equal the root of the checkpoint.")
    String verify_step_root();

    @Message("Check the checkpoint's Ed25519 signature with the public key below.")
    String verify_step_signature();

    @Message("Keep the checkpoint. Next time, ask /api/log/proof/consistency for a proof that the new tree extends the one you kept.")
    String verify_step_consistency();

    @Message("Run the verifier")
    String verify_tool_title();

    @Message("This repository ships a verifier that needs only Java. It prints OK, or the sequence number of the first entry that does not match. Give it a file to keep the checkpoint in; the next run checks the log still extends it.")
    String verify_tool_text();

    @Message("Public key")
    String verify_key_title();

    @Message("Current checkpoint")
    String verify_checkpoint_title();

    @Message("Moderation")
    String nav_moderation();

    @Message("You took the item.")
    String flash_moderation_take();

    @Message("You released the item.")
    String flash_moderation_release();

    @Message("Item reassigned.")
    String flash_moderation_reassign();

    @Message("Published. The author was told, and the public log records it.")
    String flash_moderation_publish();

    @Message("Kept held. The author has your message.")
    String flash_moderation_keep_held();

    @Message("Reply published and logged.")
    String flash_moderation_reply();

    @Message("Annotation published and logged.")
    String flash_moderation_annotate();

    @Message("Text redacted; the annotation says why.")
    String flash_moderation_redact();

    @Message("Hidden. The public sees your notice.")
    String flash_moderation_hide();

    @Message("Restored.")
    String flash_moderation_restore();

    @Message("Escalated to the admins.")
    String flash_moderation_escalate();

    @Message("Note added.")
    String flash_moderation_note();

    @Message("Item closed.")
    String flash_moderation_close();

    @Message("What moderators did")
    String activity_told_title();

    @Message("No moderation actions on your posts.")
    String activity_told_empty();

    @Message("Your posts")
    String activity_posts_title();

    @Message("Saved. The change is on the public log.")
    String flash_policy_saved();

    @Message("Nothing changed.")
    String flash_policy_unchanged();

    @Message("Rule added. It applies to new posts from now on.")
    String flash_rule_added();

    @Message("Rule retired.")
    String flash_rule_retired();

    @Message("Canned response saved.")
    String flash_canned_saved();

    @Message("Canned response retired.")
    String flash_canned_retired();

    @Message("Offer saved.")
    String flash_offer_saved();

    @Message("Offer retired.")
    String flash_offer_retired();

    @Message("Account saved.")
    String flash_role_saved();

    @Message("Statement published.")
    String flash_statement_published();

    @Message("Statement retired.")
    String flash_statement_retired();
}
