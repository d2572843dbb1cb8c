package org.candor.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * Issue #14 through HTTP: a statement of reasons for every restriction (the author's timeline and e-mail, the public
 * notice, the log, the Transparency Database export), appeals decided by a second moderator, notices of illegal
 * content from anyone, and reporters hearing back.
 */
@QuarkusTest
class AccountabilityTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    org.candor.publiclog.PublicLog publicLog;

    // ---------------------------------------------------------------------------------------------------------------
    // Statements of reasons

    @Test
    void aWordRuleHoldIsAutomatedDetectionWithTheHumanDecisionPendingThenAModeratorKeepsItHeld() {
        String word = TestData.unique("holdword").toLowerCase();
        Session.admin().form().formParam("pattern", word).formParam("action", "HOLD").post("/admin/rules")
                .then().statusCode(303);
        long ruleId = ((Number) TestData.sql("select id from word_rule where pattern = ?1", word)).longValue();
        Subject subject = TestData.subject("Held by a word");
        Session author = Session.customer();
        String email = author.giveEmail();
        String text = "The seller wrote " + word + " on the box.";
        long reviewId = Steps.post(author, subject, 2, text);

        // the hold's statement: on the author's timeline and in the e-mail, every part
        String page = author.request().get("/me").then().statusCode(200).extract().asString();
        for (String part : List.of("Statement of reasons", "Held before publication by the moderation policy",
                "A word rule of the house rules (#" + ruleId + ") matched the text",
                "detected automatically by a word rule", "automated; no moderator has decided yet",
                "word rule #" + ruleId, "house rules, version", "You can appeal, free of charge, until")) {
            assertTrue(page.contains(part), part + " in " + page);
        }
        assertFalse(page.contains(word + "\""), "the rule's pattern is not in the statement");
        Mail hold = mailsTo(email, 1).get(0);
        assertTrue(hold.getSubject().contains("Your post is waiting for a moderator"), hold.getSubject());
        for (String part : List.of("detected automatically by a word rule", "automated; no moderator has decided yet",
                "/rules#version-", "/me#statement-")) {
            assertTrue(hold.getText().contains(part), part + " in " + hold.getText());
        }
        // the log commits to the public part: no text of the author, no pattern
        Map<String, Object> statement = statementEntry(reviewId);
        String body = (String) statement.get("body");
        assertTrue(body.contains("\"automation\":\"AUTOMATED\"") && body.contains("\"detection\":\"WORD_RULE\"")
                && body.contains("\"visibility\":\"HELD\"") && body.contains("\"rule\":\"word rule #" + ruleId + "\""), body);
        assertFalse(body.contains(word) || body.contains("seller"), body);

        // a moderator decides: the hold ends, a new statement, partly automated (a rule found it, a person decided)
        Steps.act(Session.moderator(), Steps.item(reviewId, "HELD"), "keep-held", "reason", "OFF_TOPIC", "text",
                "The box is not the product.").statusCode(303);
        assertEquals("DECIDED", TestData.sql("select ended_by from reasons_statement where review_id = ?1 "
                + "and restriction = 'HOLD'", reviewId));
        assertEquals("PARTIAL", TestData.sql("select automation from reasons_statement where review_id = ?1 "
                + "and restriction = 'KEEP_HELD'", reviewId));
        // a post a word rule flagged, then hidden: every leaf names the rule by number, never by its pattern
        String flagWord = TestData.unique("flagword").toLowerCase();
        Session.admin().form().formParam("pattern", flagWord).formParam("action", "FLAG").post("/admin/rules")
                .then().statusCode(303);
        long flagged = Steps.post(author, TestData.subject("Flagged by a word"), 2, "Says " + flagWord + " twice.");
        Steps.act(Session.moderator(), Steps.item(flagged, "FLAG"), "hide", "reason", "ABUSE", "text", "Rude.")
                .statusCode(303);
        for (long review : List.of(reviewId, flagged)) {
            for (Object seq : TestData.sqlList("select seq from log_entry where review_id = ?1", review)) {
                String leaf = new String(publicLog.entry(((Number) seq).longValue()).orElseThrow().canonicalBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertFalse(leaf.contains(word) || leaf.contains(flagWord), leaf);
            }
        }
        assertEquals("WORD_RULE", TestData.sql("select detection from reasons_statement where review_id = ?1", flagged));
        author.request().get("/me").then().statusCode(200)
                .body(containsString("Kept held by a moderator"))
                .body(containsString("a moderator, on what a rule found"))
                .body(containsString("The box is not the product."));
    }

    @Test
    void hidingRedactingAndLabellingEachHaveAStatementTheAuthorReadsWholeAndThePublicInPart() {
        // one review per subject and author: three subjects
        Subject subject = TestData.subject("Restricted by hiding");
        Subject other = TestData.subject("Restricted by redacting");
        Subject third = TestData.subject("Restricted by labelling");
        Session author = Session.customer();
        String email = author.giveEmail();
        long hidden = Steps.post(author, subject, 1, "Rude words about the staff, by Ada Quinn.");
        long redacted = Steps.post(author, other, 2, "The driver Jan left it at 7 Birch Road.");
        long labelled = Steps.post(author, third, 3, "They say it cures colds.");
        Session mod = Session.moderator();
        Steps.act(mod, Steps.item(hidden, "REPLY"), "hide", "reason", "ABUSE", "text", "Insults staff by name.")
                .statusCode(303);
        Steps.act(mod, Steps.item(redacted, "REPLY"), "redact", "span", "7 Birch Road", "reason", "PERSONAL_DATA",
                "text", "A home address").statusCode(303);
        Steps.act(mod, Steps.item(labelled, "REPLY"), "annotate", "text", "No product cures colds.").statusCode(303);

        String me = author.request().get("/me").then().statusCode(200).extract().asString();
        for (String part : List.of("Hidden behind a public notice", "Insults staff by name.", "House rule: Abuse or harassment",
                "Part of the text removed", "Text removed by a moderator. <bdi>A home address</bdi>",
                "Labelled with a moderator&#39;s note", "No product cures colds.", "a moderator found it",
                "You can appeal, free of charge, until", "still in force")) {
            assertTrue(me.contains(part), part);
        }
        List<String> texts = mailsTo(email, 3).stream().map(Mail::getText).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("Hidden behind a public notice") && t.contains("Insults staff by name.")
                && t.contains("House rule: Abuse or harassment") && t.contains("How to contest it")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Part of the text removed")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Labelled with a moderator's note")), texts.toString());

        // the public notice: why, the rules' version, how it was found and decided, that it can be appealed, the log
        for (String page : List.of("/subjects/" + subject.slug + "/reviews/" + hidden,
                "/subjects/" + other.slug + "/reviews/" + redacted, "/subjects/" + third.slug + "/reviews/" + labelled)) {
            given().get(page).then().statusCode(200)
                    .body(containsString("house rules, version"))
                    .body(containsString("a moderator found it"))
                    .body(containsString("the author can appeal"))
                    .body(containsString("/log?before="));
        }
        given().get("/subjects/" + subject.slug + "/reviews/" + hidden).then().body(containsString("Insults staff by name."))
                .body(not(containsString("Rude words")));
    }

    @Test
    void theExportHasTheTransparencyDatabasesFieldsAndNoPersonalData() {
        Subject subject = TestData.subject("Exported");
        Session author = Session.customer();
        String email = author.giveEmail();
        long review = Steps.post(author, subject, 1, "Secret text of the author about Dr Who.");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "hide", "reason", "INAUTHENTIC", "text",
                "Written by a competitor, not a customer.").statusCode(303);
        long id = ((Number) TestData.sql("select id from reasons_statement where review_id = ?1", review)).longValue();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonPath page = given().get("/api/transparency/statements?from=" + today + "&to=" + today + "&after=" + (id - 1)
                + "&limit=1").then().statusCode(200).extract().jsonPath();
        Map<String, Object> s = page.getMap("statements[0]");
        assertEquals("candor-sor-" + id, s.get("puid"));
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_DISABLED"), s.get("decision_visibility"));
        assertEquals("DECISION_GROUND_INCOMPATIBLE_CONTENT", s.get("decision_ground"));
        assertEquals("STATEMENT_CATEGORY_CONSUMER_INFORMATION", s.get("category"));
        assertEquals(List.of("KEYWORD_INAUTHENTIC_USER_REVIEWS"), s.get("category_specification"));
        assertEquals(List.of("CONTENT_TYPE_TEXT"), s.get("content_type"));
        assertEquals("SOURCE_VOLUNTARY", s.get("source_type"));
        assertEquals("No", s.get("automated_detection"));
        assertEquals("AUTOMATED_DECISION_NOT_AUTOMATED", s.get("automated_decision"));
        assertEquals(today, s.get("application_date"));
        assertEquals(today, s.get("content_date"));
        assertEquals("Written by a competitor, not a customer.", s.get("decision_facts"));
        assertTrue(((String) s.get("decision_ground_reference_url")).contains("/rules#version-"), s.toString());
        assertTrue(((List<?>) s.get("territorial_scope")).contains("DE"));
        assertEquals(id, page.getLong("next"));
        String all = page.prettify();
        for (String personal : List.of(email, author.user(), "Secret text", "Dr Who")) {
            assertFalse(all.contains(personal), personal + " in " + all);
        }
        given().get("/api/transparency/statements?from=yesterday").then().statusCode(400)
                .body(containsString("YYYY-MM-DD"));
        given().get("/api/transparency/statements?limit=0").then().statusCode(400);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Appeals

    @Test
    void anUpheldAppealRestoresTheReviewAndItsRatingAndTheLogShowsEveryStep() {
        Subject subject = TestData.subject("Appealed");
        Session author = Session.customer();
        String email = author.giveEmail();
        long review = Steps.post(author, subject, 5, "Great kettle, and the staff were kind.");
        Session first = Session.moderator();
        Steps.act(first, Steps.item(review, "REPLY"), "hide", "reason", "SPAM", "text", "Looks like an advert.")
                .statusCode(303);
        assertEquals(0, reviewCount(subject));
        long statement = statementOf(review, "HIDE");

        author.form().formParam("statement", statement).formParam("explanation", "I bought it; here is my order 1234.")
                .redirects().follow(false).post("/me/appeals").then().statusCode(303);
        long item = Steps.item(review, "APPEAL");
        Session.moderatorOf(subject).request().get("/moderation?tab=appeals").then().statusCode(200)
                .body(containsString("/moderation/items/" + item));

        // the moderator who hid it may not decide, and is not offered to
        first.request().get("/moderation/items/" + item).then().statusCode(200)
                .body(containsString("a colleague decides it"))
                .body(not(containsString("/moderation/items/" + item + "/uphold")));
        Steps.act(first, item, "uphold", "text", "Fair enough.").statusCode(403);

        Session second = Session.moderator();
        second.request().get("/moderation/items/" + item).then().statusCode(200)
                .body(containsString("I bought it; here is my order 1234."))
                .body(containsString("/moderation/items/" + item + "/uphold"));
        Steps.act(second, item, "uphold", "text", "The order is real: the review stands.").statusCode(303);

        given().get("/subjects/" + subject.slug + "/reviews/" + review).then().statusCode(200)
                .body(containsString("Great kettle"));
        assertEquals(1, reviewCount(subject));
        author.request().get("/me").then().body(containsString("Your appeal was upheld"))
                .body(containsString("The order is real: the review stands."))
                .body(containsString("Appeal upheld: the decision was reversed"));
        assertTrue(mailsTo(email, 3).stream().anyMatch(m -> m.getSubject().contains("Your appeal was upheld")
                && m.getText().contains("The order is real")));
        assertEquals("APPEAL_UPHELD", TestData.sql("select ended_by from reasons_statement where id = ?1", statement));
        List<String> kinds = TestData.sqlList("select kind from log_entry where review_id = ?1 order by seq", review)
                .stream().map(Object::toString).toList();
        int hide = kinds.indexOf("HIDE");
        assertEquals(List.of("HIDE", "STATEMENT_OF_REASONS", "APPEAL_FILED", "RESTORE", "APPEAL_UPHELD"),
                kinds.subList(hide, kinds.size()));
    }

    @Test
    void aRejectedAppealLeavesTheRestrictionAndSaysWhyAndALateOrSecondAppealIsRefused() {
        Subject subject = TestData.subject("Appeal rejected");
        Session author = Session.customer();
        long review = Steps.post(author, subject, 1, "Worst shop, call 555-0123 for the truth.");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "hide", "reason", "PERSONAL_DATA", "text",
                "Shares a phone number.").statusCode(303);
        long statement = statementOf(review, "HIDE");
        author.form().formParam("statement", statement).formParam("explanation", "It is my own number.")
                .redirects().follow(false).post("/me/appeals").then().statusCode(303);
        Steps.act(Session.moderator(), Steps.item(review, "APPEAL"), "reject", "text",
                "A number in a public review is still personal data; edit it out.").statusCode(303);
        assertEquals("HIDDEN", TestData.sql("select status from review where id = ?1", review));
        author.request().get("/me").then().body(containsString("Your appeal was rejected"))
                .body(containsString("A number in a public review is still personal data"));
        // the same decision cannot be appealed twice: the text typed is kept, with the reason
        author.form().formParam("statement", statement).formParam("explanation", "Once more, please.")
                .post("/me/appeals").then().statusCode(400)
                .body(containsString("already been appealed")).body(containsString("Once more, please."));

        // after the window: refused with a message, nothing filed
        long other = Steps.post(author, TestData.subject("Appeal too late"), 2, "Another review to hide.");
        Steps.act(Session.moderator(), Steps.item(other, "REPLY"), "hide", "reason", "OFF_TOPIC", "text",
                "Not about the shop.").statusCode(303);
        long late = statementOf(other, "HIDE");
        TestData.update("do $$ begin perform set_config('candor.erasure', 'on', true); update reasons_statement "
                + "set appeal_until = now() - interval '1 day' where id = " + late + "; end $$");
        author.form().formParam("statement", late).formParam("explanation", "Too late, I know.")
                .post("/me/appeals").then().statusCode(400)
                .body(containsString("The time to appeal this decision has ended."))
                .body(containsString("Too late, I know."));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from appeal where statement_id = ?1", late)).longValue());
        // nobody else may appeal someone's statement
        Session.customer().form().formParam("statement", statement).formParam("explanation", "Not mine.")
                .post("/me/appeals").then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reports and notices

    @Test
    void aReporterHearsBackAndCanAppealADecisionToDoNothing() {
        Subject subject = TestData.subject("Reported back");
        long review = Steps.post(Session.customer(), subject, 1, "Buy cheap watches at spam.example!");
        Session reporter = Session.customer();
        String email = reporter.giveEmail();
        reporter.form().formParam("reason", "SPAM").formParam("details", "An advert.")
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/report").then().statusCode(303);
        reporter.request().get("/me").then().body(containsString("Your reports"))
                .body(containsString("Waiting for a moderator"));
        long item = Steps.item(review, "REPORT");
        Session first = Session.moderator();
        // declining a report needs a reason: the reporter reads it
        Steps.act(first, item, "close", "text", "").statusCode(400);
        Steps.act(first, item, "close", "text", "It reads as a genuine review to us.").statusCode(303);
        reporter.request().get("/me").then().body(containsString("No action taken"))
                .body(containsString("It reads as a genuine review to us."))
                .body(containsString("Appeal this outcome"));
        assertTrue(mailsTo(email, 1).stream().anyMatch(m -> m.getSubject().contains("Your report: no action taken")));

        long report = ((Number) TestData.sql("select id from report where review_id = ?1", review)).longValue();
        reporter.form().formParam("report", report).formParam("explanation", "The link sells watches.")
                .redirects().follow(false).post("/me/appeals").then().statusCode(303);
        long appeal = Steps.item(review, "APPEAL");
        Steps.act(first, appeal, "uphold", "text", "x").statusCode(403);
        Steps.act(Session.moderator(), appeal, "uphold", "text", "It is an advert after all.").statusCode(303);
        assertEquals("HIDDEN", TestData.sql("select status from review where id = ?1", review));
        assertEquals("REPORT", TestData.sql("select detection from reasons_statement where review_id = ?1", review));
        reporter.request().get("/me").then().body(containsString("Appeal upheld"));
    }

    @Test
    void anAnonymousNoticeKeepsWhatWasTypedGetsAReferenceAndHearsTheDecision() {
        Subject subject = TestData.subject("Noticed");
        Session author = Session.customer();
        long review = Steps.post(author, subject, 1, "The owner is a thief and I can prove it.");
        // linked from the review, open to anyone, the address filled in
        given().get("/subjects/" + subject.slug + "/reviews/" + review).then()
                .body(containsString("/notices/new?review=" + review));
        given().get("/notices/new?review=" + review).then().statusCode(200)
                .body(containsString("/subjects/" + subject.slug + "/reviews/" + review));

        // a missing field: the form again, what was typed kept, what is missing said
        anonymousForm().formParam("review", review).formParam("location", "http://board/x")
                .formParam("law", "Defamation, Penal Code 208, Spain").formParam("explanation", "It accuses a named man of theft.")
                .formParam("name", "Nora Notifier").formParam("email", "").formParam("goodFaith", "yes")
                .post("/notices").then().statusCode(400)
                .body(containsString("Please give an e-mail address"))
                .body(containsString("It accuses a named man of theft."))
                .body(containsString("Defamation, Penal Code 208, Spain"));

        String email = TestData.unique("nora") + "@mail.example";
        String location = anonymousForm().formParam("review", review).formParam("location", "http://board/x")
                .formParam("law", "Defamation, Penal Code 208, Spain").formParam("explanation", "It accuses a named man of theft.")
                .formParam("name", "Nora Notifier").formParam("email", email).formParam("goodFaith", "yes")
                .redirects().follow(false).post("/notices").then().statusCode(303).extract().header("Location");
        String reference = location.replaceAll(".*/notices/([^?]+)\\?.*", "$1");
        given().get(location).then().statusCode(200).body(containsString(reference))
                .body(containsString("Waiting for a moderator"));
        given().get("/notices/" + reference + "?key=wrong").then().statusCode(404);
        Mail receipt = mailsTo(email, 1).get(0);
        assertTrue(receipt.getText().contains(reference) && receipt.getText().contains("/notices/" + reference + "?key="),
                receipt.getText());
        assertEquals("NOTICE_RECEIVED", TestData.sql("select kind from log_entry where review_id = ?1 order by seq desc limit 1",
                review));
        String logged = (String) TestData.sql("select string_agg(coalesce(t.text, ''), ' ') from log_entry e "
                + "left join log_text t on t.seq = e.seq where e.review_id = ?1", review);
        assertFalse(logged.contains("Nora") || logged.contains(email), logged);

        // the Notices tab; the moderator acts under the law named: the notifier is told
        long item = Steps.item(review, "NOTICE");
        Session mod = Session.moderator();
        mod.request().get("/moderation?tab=notices").then().body(containsString("/moderation/items/" + item));
        mod.request().get("/moderation/items/" + item).then().body(containsString("It accuses a named man of theft."))
                .body(containsString(email));
        Steps.act(mod, item, "hide", "reason", "ILLEGAL", "text", "Accuses a named person of a crime.").statusCode(400)
                .body(containsString("Name the law"));
        Steps.act(mod, item, "hide", "reason", "ILLEGAL", "law", "Defamation, Penal Code 208, Spain", "text",
                "Accuses a named person of a crime.").statusCode(303);
        Mail decision = mailsTo(email, 2).get(1);
        assertTrue(decision.getSubject().contains("action taken") && decision.getText().contains("We acted on your notice."),
                decision.getText());
        assertEquals("NOTICE", TestData.sql("select detection from reasons_statement where review_id = ?1", review));
        given().get(location).then().body(containsString("Action taken"));
        String export = given().get("/api/transparency/statements?after=" + (statementOf(review, "HIDE") - 1) + "&limit=1")
                .then().statusCode(200).extract().asString();
        assertTrue(export.contains("SOURCE_ARTICLE_16") && export.contains("DECISION_GROUND_ILLEGAL_CONTENT")
                && export.contains("Defamation, Penal Code 208, Spain"), export);
        assertFalse(export.contains("Nora") || export.contains(email), export);
    }

    @Test
    void aDeclinedNoticeTellsTheNotifierWhyAndHowToContestIt() {
        Subject subject = TestData.subject("Notice declined");
        long review = Steps.post(Session.customer(), subject, 4, "Nice lamp, though the box was dented.");
        String email = TestData.unique("ned") + "@mail.example";
        String location = anonymousForm().formParam("review", review).formParam("location", "http://board/y")
                .formParam("law", "Consumer law").formParam("explanation", "I dislike it.").formParam("name", "Ned")
                .formParam("email", email).formParam("goodFaith", "yes")
                .redirects().follow(false).post("/notices").then().statusCode(303).extract().header("Location");
        Session mod = Session.moderator();
        Steps.act(mod, Steps.item(review, "NOTICE"), "close", "text", "A dented box is not against any law.")
                .statusCode(303);
        Mail decision = mailsTo(email, 2).get(1);
        assertTrue(decision.getText().contains("A dented box is not against any law.")
                && decision.getText().contains("You can contest this decision until"), decision.getText());
        String reference = location.replaceAll(".*/notices/([^?]+)\\?.*", "$1");
        String key = location.replaceAll(".*[?&]key=([^&]+).*", "$1");
        anonymousForm().formParam("explanation", "").post("/notices/" + reference + "/appeal?key=" + key)
                .then().statusCode(400).body(containsString("Please say why"));
        anonymousForm().formParam("explanation", "The review insults the maker.")
                .redirects().follow(false).post("/notices/" + reference + "/appeal?key=" + key).then().statusCode(303);
        Steps.act(mod, Steps.item(review, "APPEAL"), "reject", "text", "x").statusCode(403);
        Steps.act(Session.moderator(), Steps.item(review, "APPEAL"), "reject", "text", "It does not insult anyone.")
                .statusCode(303);
        given().get(location).then().body(containsString("It does not insult anyone."));
        assertTrue(mailsTo(email, 3).get(2).getText().contains("Your appeal was rejected"));
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", review));
    }

    @Test
    void tooManyNoticesFromOneAddressAreRefusedPolitelyKeepingTheText() {
        Subject subject = TestData.subject("Notice flood");
        long review = Steps.post(Session.customer(), subject, 3, "A plain review.");
        int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("candor.moderation.notices-per-hour", Integer.class);
        byte[] client = LegalNotices.clientHash("127.0.0.1");
        String batch = TestData.unique("flood");
        TestData.update("""
                insert into legal_notice (reference, follow_key, review_id, location, explanation, law, notifier_name,
                    notifier_email, client_hash)
                select 'F-' || ?1 || '-' || g, 'k', ?2, 'l', 'e', 'l', 'n', 'e@x', ?3 from generate_series(1, ?4) g""",
                batch, review, client, limit);
        try {
            anonymousForm().formParam("review", review).formParam("location", "http://board/z").formParam("law", "Some law")
                    .formParam("explanation", "One notice too many.").formParam("name", "Flo")
                    .formParam("email", "flo@x.example").formParam("goodFaith", "yes").post("/notices").then()
                    .statusCode(429).body(containsString("try again later")).body(containsString("One notice too many."));
            assertNull(TestData.sql("select id from legal_notice where notifier_name = 'Flo'"));
        } finally {
            // an hour later, as far as the limit can tell: the other tests post notices from the same address
            TestData.update("update legal_notice set created_at = now() - interval '2 hours' where reference like ?1",
                    "F-" + batch + "-%");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static RequestSpecification anonymousForm() {
        String csrf = given().get("/about").cookie("csrf-token");
        return given().cookie("csrf-token", csrf).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf);
    }

    private static long statementOf(long review, String restriction) {
        return ((Number) TestData.sql("select max(id) from reasons_statement where review_id = ?1 and restriction = ?2",
                review, restriction)).longValue();
    }

    private static int reviewCount(Subject subject) {
        return ((Number) TestData.sql("select review_count from subject where id = ?1", subject.id)).intValue();
    }

    private Map<String, Object> statementEntry(long review) {
        long seq = ((Number) TestData.sql("select max(seq) from log_entry where review_id = ?1 and kind = 'STATEMENT_OF_REASONS'",
                review)).longValue();
        return Map.of("seq", seq, "body", publicLog.entry(seq).orElseThrow().body());
    }

    private List<Mail> mailsTo(String address, int atLeast) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), mails -> mails != null && mails.size() >= atLeast);
    }
}
