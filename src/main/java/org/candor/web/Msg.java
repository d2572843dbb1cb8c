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
}
