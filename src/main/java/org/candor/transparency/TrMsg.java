package org.candor.transparency;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The transparency report's strings. English in {@code messages/tr_en.properties}, Spanish beside it. Templates use
 * them as {@code {tr:key}}.
 */
@MessageBundle(value = "tr", locale = "en")
public interface TrMsg {

    @Message
    String title();

    @Message
    String intro();

    @Message
    String periods();

    @Message
    String months();

    @Message
    String quarters();

    @Message
    String from();

    @Message
    String to();

    @Message
    String show();

    @Message
    String period(java.time.LocalDate from, java.time.LocalDate to, String zone);

    @Message
    String through(long seq);

    @Message
    String arrived();

    @Message
    String received_reviews();

    @Message
    String received_comments();

    @Message
    String published_at_once();

    @Message
    String held();

    @Message
    String published_after_hold();

    @Message
    String hidden();

    @Message
    String restored();

    @Message
    String redacted();

    @Message
    String annotated();

    @Message
    String replied();

    @Message
    String automated();

    @Message
    String human();

    @Message
    String replies();

    @Message
    String answered_share();

    @Message
    String of_reviews(long n);

    @Message
    String first_replies();

    @Message
    String median_reply();

    @Message
    String p90_reply();

    @Message
    String within_target(long low, long mid, long high);

    @Message
    String parity();

    @Message
    String parity_intro();

    @Message
    String rating();

    @Message
    String held_share();

    @Message
    String median_held();

    @Message
    String hidden_share();

    @Message
    String cases();

    @Message
    String dsa();

    @Message
    String reports_received();

    @Message
    String reports_decided();

    @Message
    String notices_received();

    @Message
    String notices_decided();

    @Message
    String median(String time);

    @Message
    String appeals_filed();

    @Message
    String appeals_decided();

    @Message
    String reversed(long n, String share);

    @Message
    String week();

    @Message
    String week_intro(String zone);

    @Message
    String week_arrivals();

    @Message
    String week_replies();

    @Message
    String numbers();

    @Message
    String hour();

    @Message
    String day_1();

    @Message
    String day_2();

    @Message
    String day_3();

    @Message
    String day_4();

    @Message
    String day_5();

    @Message
    String day_6();

    @Message
    String day_7();

    @Message
    String check();

    @Message
    String check_intro();

    @Message
    String check_key();

    @Message
    String subject_line(long percent, String typical, int months);

    @Message
    String subject_numbers();

    @Message
    String subject_only(String name);

    @Message
    String whole_board();

    @Message
    String day();

    @Message
    String invitations_sent();

    @Message
    String invitations_sent_hint();

    @Message
    String incidents_opened();

    @Message
    String incidents_confirmed();

    @Message
    String incidents_dismissed();
}
