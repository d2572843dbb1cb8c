package org.candor.policy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The policy pages' strings (admin settings, rules, canned responses, offers, roles, statements). English here; other
 * languages in {@code messages/pol_<lang>.properties}. Templates use them as {@code {pol:key}}.
 */
@MessageBundle(value = "pol", locale = "en")
public interface PolMsg {

    @Message("Admins only")
    String allowed_ADMIN();

    @Message("Moderators and admins")
    String allowed_MODERATOR();

    @Message("Who may use it")
    String allowed_role();

    @Message("Text")
    String canned_body();

    @Message("Category")
    String canned_category();

    @Message("Edit canned response")
    String canned_edit();

    @Message("The script moderators reply with: placeholders, categories, who may use each, how often it was used.")
    String canned_intro();

    @Message("Title")
    String canned_name();

    @Message("New canned response")
    String canned_new();

    @Message("No canned responses yet.")
    String canned_none();

    @Message("{|{customer}|} becomes the author's name, {|{subject}|} the subject's.")
    String canned_placeholders();

    @Message("Canned responses")
    String canned_title();

    @Message("Used")
    String canned_uses();

    @Message("Complaint")
    String consistency_complaint();

    @Message("Per kind of complaint and rating: the offers granted, and the similar complaints that got none.")
    String consistency_intro();

    @Message("No official replies yet.")
    String consistency_none();

    @Message("Replied without an offer")
    String consistency_none_given();

    @Message("Offers granted")
    String consistency_offers();

    @Message("Stars")
    String consistency_rating();

    @Message("Replied")
    String consistency_replied();

    @Message("Offer consistency")
    String consistency_title();

    @Message("Rules in force")
    String dry_current();

    @Message("Examples")
    String dry_examples();

    @Message("Flagged")
    String dry_flagged();

    @Message("Held")
    String dry_held();

    @Message("With this rule")
    String dry_proposed();

    @Message("Published")
    String dry_published();

    @Message("Rejected")
    String dry_rejected();

    @Message("Dry run over the last 30 days: {posts} posts")
    String dry_title(int posts);

    @Message("Edit")
    String edit();

    @Message("Flag (publish, queue with the rule shown)")
    String flag_action();

    @Message("Hold for review")
    String hold_action();

    @Message("Reject (the author sees the rule and can edit)")
    String reject_action();

    @Message("Description")
    String offer_description();

    @Message("Edit offer")
    String offer_edit();

    @Message("Granted")
    String offer_grants();

    @Message("Offer")
    String offer_name();

    @Message("New offer type")
    String offer_new();

    @Message("What moderators may attach to an official reply; every grant is in the public log (the kind, never a code).")
    String offers_intro();

    @Message("No offer types yet.")
    String offers_none();

    @Message("Offers")
    String offers_title();

    @Message("Hold posts of accounts younger than (days, 0 = off)")
    String policy_hold_days();

    @Message("Hold each account's first posts (how many, 0 = off)")
    String policy_hold_first();

    @Message("New accounts")
    String policy_holds();

    @Message("How posts are moderated, limits, response targets, and how staff appear in public.")
    String policy_intro();

    @Message("Limits")
    String policy_limits();

    @Message("Every change is versioned and shown in the public log as a policy change.")
    String policy_logged();

    @Message("Links per post")
    String policy_max_links();

    @Message("Moderation mode")
    String policy_mode();

    @Message("Post-moderation: publish at once, queue for a reply")
    String policy_mode_POST();

    @Message("Pre-moderation: hold every post until a moderator publishes it")
    String policy_mode_PRE();

    @Message("Board default")
    String policy_mode_default();

    @Message("Posts per minute per account")
    String policy_per_minute();

    @Message("Staff in public")
    String policy_privacy();

    @Message("Role and public handle")
    String policy_privacy_HANDLE();

    @Message("Role only")
    String policy_privacy_ROLE();

    @Message("Subject address (slug)")
    String policy_subject_slug();

    @Message("Per-subject modes")
    String policy_subjects();

    @Message("Every subject follows the board's mode.")
    String policy_subjects_none();

    @Message("Response target for 4–5 stars (minutes)")
    String policy_target_high();

    @Message("Response target for 1–2 stars (minutes)")
    String policy_target_low();

    @Message("Response target for 3 stars (minutes)")
    String policy_target_mid();

    @Message("Response-time targets (they order the queue)")
    String policy_targets();

    @Message("Moderation policy")
    String policy_title();

    @Message("Off")
    String providers_disabled();

    @Message("On")
    String providers_enabled();

    @Message("Enabled by")
    String providers_env();

    @Message("Which sign-in providers are on is configuration (environment), shown here read-only.")
    String providers_intro();

    @Message("Provider")
    String providers_name();

    @Message("Status")
    String providers_status();

    @Message("Sign-in providers")
    String providers_title();

    @Message("Find")
    String roles_find();

    @Message("Public staff handle")
    String roles_handle();

    @Message("Find an account by name, provider or e-mail; grant or revoke moderator and admin. Role changes are logged.")
    String roles_intro();

    @Message("No account matches.")
    String roles_none();

    @Message("Role")
    String roles_role();

    @Message("Moderates only these subjects (addresses, comma-separated; empty = all)")
    String roles_scope();

    @Message("Name, provider or e-mail")
    String roles_search();

    @Message("Roles")
    String roles_title();

    @Message("What happens")
    String rules_action();

    @Message("In force")
    String rules_active();

    @Message("Add a rule")
    String rules_add();

    @Message("Dry run first")
    String rules_dry_run();

    @Message("Words and patterns, each with an action; every hold or flag names the rule and the words that matched.")
    String rules_intro();

    @Message("Rules")
    String rules_list();

    @Message("No rules yet.")
    String rules_none();

    @Message("Word, phrase or pattern")
    String rules_pattern();

    @Message("It is a regular expression")
    String rules_regex();

    @Message("Regular expressions use RE2 syntax (as in Go and Google's tools): character classes, alternatives, repetition and anchors work; back-references and look-ahead or look-behind do not. Matching ignores case and takes time in proportion to the text, so no rule can slow posting down. A plain word or phrase matches whole words only.")
    String rules_regex_syntax();

    @Message("Retire")
    String rules_retire();

    @Message("Retired")
    String rules_retired();

    @Message("Save rule")
    String rules_save();

    @Message("State")
    String rules_state();

    @Message("Try a text")
    String rules_test();

    @Message("Try it")
    String rules_test_button();

    @Message("Text")
    String rules_test_text();

    @Message("Word and pattern rules")
    String rules_title();

    @Message("Save")
    String save();

    @Message("Someone saved a change to this while you were editing. Nothing was overwritten: open it again to see the current version.")
    String stale_intro();

    @Message("Changed in the meantime")
    String stale_title();

    @Message("About {subject}")
    String statement_about(String subject);

    @Message("For the whole board")
    String statement_board();

    @Message("What happened, our apology, what we are doing")
    String statement_body();

    @Message("Update statement")
    String statement_edit();

    @Message("Heading")
    String statement_heading();

    @Message("Publish a statement")
    String statement_new();

    @Message("Publish")
    String statement_publish();

    @Message("Retire")
    String statement_retire();

    @Message("Why (public, optional)")
    String statement_retire_note();

    @Message("Subject address (empty: the whole board)")
    String statement_subject();

    @Message("Pinned at the top of a subject page (or the home page), and on the public log.")
    String statements_intro();

    @Message("No statements yet.")
    String statements_none();

    @Message("Statements from the team")
    String statements_public();

    @Message("Statements")
    String statements_title();

    @Message("Published")
    String outcome_PUBLISH();

    @Message("Published and flagged")
    String outcome_FLAG();

    @Message("Held for a moderator")
    String outcome_HOLD();

    @Message("Rejected")
    String outcome_REJECT();

    @Message("Customer")
    String CUSTOMER();

    @Message("Moderator")
    String MODERATOR();

    @Message("Admin")
    String ADMIN();
}
