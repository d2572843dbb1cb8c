package org.candor.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;
import org.candor.policy.ReasonCode;

/** Every moderation action through HTTP, as the right role, with its effect on pages, timeline, log and mail. */
@QuarkusTest
class ModerationTest {

    @Inject
    org.candor.publiclog.PublicLog publicLog;

    @Inject
    MockMailbox mailbox;

    @Inject
    org.candor.publiclog.LogStaging staging;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    // ---------------------------------------------------------------------------------------------------------------
    // Held posts

    @Test
    void aHeldPostIsInvisibleToThePublicUntilAModeratorPublishesIt() {
        Subject subject = TestData.subject("Held kettle");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        Session author = Session.customer();
        String email = giveEmail(author);
        String location = author.form().formParam("rating", "2").formParam("body", "The lid rattles when it boils.")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(303).extract().header("Location");
        long reviewId = Steps.idAtEndOf(location);

        given().when().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(not(containsString("The lid rattles")));
        given().when().get(location).then().statusCode(404);
        author.request().when().get(location).then().statusCode(200)
                .body(containsString("The lid rattles"))
                .body(containsString("Awaiting moderation"));

        long item = Steps.item(reviewId, "HELD");
        Session mod = Session.moderator();
        mod.request().when().get("/moderation?tab=held").then().statusCode(200)
                .body(containsString("/moderation/items/" + item))
                .body(containsString("The lid rattles"));
        long logBefore = Steps.logSize();
        Steps.act(mod, item, "publish", "reason", "MEETS_GUIDELINES", "text", "Thanks for your patience.")
                .statusCode(303);

        given().when().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("The lid rattles"))
                .body(containsString("1 review"));
        assertEquals(logBefore + 1, Steps.logSize());
        Map<String, Object> entry = Steps.lastLogEntry();
        assertEquals("PUBLISH", entry.get("kind"));
        assertEquals("MEETS_GUIDELINES", entry.get("reason_code"));
        assertEquals(reviewId, ((Number) entry.get("review_id")).longValue());
        String leaf = leaf(entry);
        assertFalse(leaf.contains("Thanks for your patience") || leaf.contains("lid rattles"),
                "the leaf holds no text, only commitments: " + leaf);
        String rule = (String) TestData.sql("select why from queue_item where id = ?1", item);
        assertTrue(leaf.contains("\"rule\":\"" + rule + "\"") && leaf.matches(".*\"policyVersion\":[0-9]+.*"),
                "the leaf names the rule that held the post and the policy's version: " + leaf);
        author.request().when().get("/me").then().statusCode(200)
                .body(containsString("A moderator published your post."));
        // first the hold's statement of reasons, then the publication
        Mail mail = mailsTo(email, 2).get(1);
        assertTrue(mailsTo(email, 2).get(0).getSubject().contains("Your post is waiting for a moderator"));
        assertTrue(mail.getSubject().contains("Your post was published"), mail.getSubject());
        assertTrue(mail.getText().contains("/subjects/" + subject.slug + "/reviews/" + reviewId), mail.getText());
        // published reviews wait for their official reply
        assertNotNull(Steps.item(reviewId, "REPLY"));
    }

    @Test
    void keepingAPostHeldTellsTheAuthorWhyAndLogsOnlyThePublicPartOfItsStatement() {
        Subject subject = TestData.subject("Kept held");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        Session author = Session.customer();
        long reviewId = Steps.post(author, subject, 3, "Call 555-0100 to get the same deal.");
        long item = Steps.item(reviewId, "HELD");
        long logBefore = Steps.logSize();

        Steps.act(Session.moderator(), item, "keep-held", "reason", "PERSONAL_DATA",
                "text", "Please remove the phone number; then we can publish it.").statusCode(303);

        // the statement of reasons is on the log; the message, written for the author of a post nobody else saw, is not
        assertEquals(logBefore + 1, Steps.logSize());
        Map<String, Object> entry = Steps.lastLogEntry();
        assertEquals("STATEMENT_OF_REASONS", entry.get("kind"));
        String body = publicLog.entry(((Number) entry.get("seq")).longValue()).orElseThrow().body();
        assertTrue(body.contains("\"restriction\":\"KEEP_HELD\"") && body.contains("\"facts\":null")
                && body.contains("\"automation\":\"HUMAN\"") && body.contains("\"detection\":\"PRE_MODERATION\""),
                body);
        assertFalse(body.contains("phone number") || body.contains("555-0100"), body);
        author.request().when().get("/me").then().statusCode(200)
                .body(containsString("A moderator kept your post held"))
                .body(containsString("Please remove the phone number"));
        given().when().get("/subjects/" + subject.slug).then().body(not(containsString("555-0100")));
    }

    @Test
    void aHeldPostDoesNotWaitForTheLogHeadAndItsStatementIsNumberedWhenSequenced() throws Exception {
        Subject subject = TestData.subject("Held while busy");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        Session author = Session.customer();
        String email = giveEmail(author);
        long reviewId;
        // another transaction holds the log head, as a moderator's action or the sequencer does: posting a post the
        // policy holds does not wait for it (its entries are staged, as a published post's are)
        try (Connection other = DriverManager.getConnection(jdbcUrl)) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                // let go after 10 s should posting wait for it after all, so that the test fails rather than hangs
                st.execute("set idle_in_transaction_session_timeout = '10s'");
                st.execute("select 1 from log_head where id = 1 for update");
            }
            long started = System.nanoTime();
            reviewId = Steps.post(author, subject, 2, "The handle came loose in a week.");
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "posting waited for the log head");
            assertEquals(List.of("RECEIVED_HELD", "STATEMENT_OF_REASONS"), TestData.sqlList(
                    "select kind from log_staged where review_id = ?1 and seq is null order by id", reviewId));
            assertNull(TestData.sql("select log_seq from reasons_statement where review_id = ?1", reviewId));
            // the author's e-mail waits until its statement has a number, so that it carries the receipt
            Awaitility.await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertTrue(mailbox.getMailsSentTo(email) == null || mailbox.getMailsSentTo(email).isEmpty());
            other.rollback();
        }
        Steps.sequenced();

        long seq = ((Number) TestData.sql("select log_seq from reasons_statement where review_id = ?1", reviewId))
                .longValue();
        org.candor.publiclog.LogEntry statement = publicLog.entry(seq).orElseThrow();
        assertEquals("STATEMENT_OF_REASONS", statement.kind().name());
        assertTrue(statement.content().opens() && statement.content().text().contains("\"restriction\":\"HOLD\"")
                && statement.content().text().contains("\"automation\":\"AUTOMATED\""), statement.content().text());
        assertEquals(0L, ((Number) TestData.sql("select count(*) from log_staged where review_id = ?1 and body is not null",
                reviewId)).longValue(), "the statement's text is moved to log_text, not copied");
        long received = ((Number) TestData.sql(
                "select seq from log_entry where review_id = ?1 and kind = 'RECEIVED_HELD'", reviewId)).longValue();
        assertTrue(received < seq, received + " then " + seq);
        Mail mail = mailTo(email);
        assertTrue(mail.getSubject().contains("Your post is waiting for a moderator"), mail.getSubject());
        // written before the statement had its number, the body links its receipt all the same
        assertCarriesReceipt(mail, seq, "STATEMENT_OF_REASONS");
        author.request().when().get("/me").then().statusCode(200).body(containsString("#entry-" + seq));
    }

    @Test
    void sequencingDoesNotWaitForAStatementAModeratorHoldsAndNumbersItOnceLetGo() throws Exception {
        Subject subject = TestData.subject("Held and being decided");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        long statement;
        double subjectChanges;
        // a moderator's action holds the statement's row (ending it) and will want the log head next: the sequencer,
        // which holds the head, must not wait for that row, or each would wait for the other
        try (Connection head = DriverManager.getConnection(jdbcUrl);
                Connection moderator = DriverManager.getConnection(jdbcUrl)) {
            // the head held while posting, so that nothing numbers the statement before the moderator holds it
            head.setAutoCommit(false);
            moderator.setAutoCommit(false);
            try (Statement st = head.createStatement()) {
                st.execute("set idle_in_transaction_session_timeout = '10s'");
                st.execute("select 1 from log_head where id = 1 for update");
            }
            long reviewId = Steps.post(Session.customer(), subject, 4, "Sturdy, but the hinge squeaks.");
            statement = ((Number) TestData.sql("select id from reasons_statement where review_id = ?1", reviewId))
                    .longValue();
            try (Statement st = moderator.createStatement()) {
                st.execute("set idle_in_transaction_session_timeout = '10s'");
                st.execute("select 1 from reasons_statement where id = " + statement + " for update");
            }
            head.rollback();
            long started = System.nanoTime();
            staging.integrate(100_000);
            assertEquals(0, staging.numberStatements());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "sequencing waited for the row");
            assertNotNull(TestData.sql("select seq from log_staged where statement_id = ?1", statement));
            assertNull(TestData.sql("select log_seq from reasons_statement where id = ?1", statement));
            subjectChanges = org.candor.support.Metrics.value("candor_public_changes_total{stale=\"subject\"}");
            moderator.rollback();
        }
        Steps.sequenced();
        assertEquals(TestData.sql("select seq from log_staged where statement_id = ?1", statement),
                TestData.sql("select log_seq from reasons_statement where id = ?1", statement));
        // its number is on its subject's pages from now: kept ones are stale (V25), as after any change they show
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> org.candor.support.Metrics.value(
                "candor_public_changes_total{stale=\"subject\"}") > subjectChanges);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Replies and annotations

    @Test
    void aCannedOfficialReplyFillsItsPlaceholdersAndIsOnTheRecord() throws Exception {
        Subject subject = TestData.subject("Reply toaster");
        Session author = Session.customer();
        String email = giveEmail(author);
        long reviewId = Steps.post(author, subject, 1, "Burnt every slice on the lowest setting.");
        long item = Steps.item(reviewId, "REPLY");
        Session mod = Session.moderator();
        long canned = ((Number) TestData.sql("select id from canned_response where title = 'Sorry, we are on it'")).longValue();

        Steps.act(mod, item, "reply", "canned", Long.toString(canned), "body", "").statusCode(303);

        String authorName = TestData.accountOf("google", author.user()).displayName;
        String expected = "Dear " + authorName + ", thank you for telling us about Reply toaster.";
        given().when().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("Official reply from Candor · Handle " + mod.user()))
                .body(containsString(expected));
        Map<String, Object> entry = Steps.lastLogEntry();
        assertEquals("OFFICIAL_REPLY", entry.get("kind"));
        assertTrue(((String) entry.get("body")).startsWith(expected), (String) entry.get("body"));
        assertEquals("Handle " + mod.user(), entry.get("actor_handle"));
        assertEquals("moderator", entry.get("actor_role"));
        author.request().when().get("/me").then().body(containsString("Your review has an official reply."));
        given().when().get("/api/reviews/" + reviewId).then().statusCode(200)
                .body("officialReplies[0].handle", org.hamcrest.Matchers.equalTo("Handle " + mod.user()))
                .body("officialReplies[0].body", org.hamcrest.Matchers.startsWith(expected));
        Mail mail = mailTo(email);
        assertTrue(mail.getText().contains(expected));
        // the e-mail carries the entry's receipt: the author can prove what was said to them, offline, for good
        assertCarriesReceipt(mail, ((Number) entry.get("seq")).longValue(), expected);
        assertEquals("DONE", TestData.sql("select status from queue_item where id = ?1", item));
    }

    @Test
    void anOfficialReplyDoesNotWaitForTheLogHeadAndItsReceiptFollowsItsNumber() throws Exception {
        Subject subject = TestData.subject("Replied while busy");
        Session author = Session.customer();
        String email = giveEmail(author);
        long reviewId = Steps.post(author, subject, 2, "The lid cracked on the second day.");
        long item = Steps.item(reviewId, "REPLY");
        Session mod = Session.moderator();
        Steps.sequenced();
        // another transaction holds the log head (an action appending, the sequencer of another instance): the reply
        // stages its entry and does not wait for it (#19: under load every reply queued there until the one before
        // had committed)
        try (Connection other = DriverManager.getConnection(jdbcUrl)) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("set idle_in_transaction_session_timeout = '10s'");
                st.execute("select 1 from log_head where id = 1 for update");
            }
            long started = System.nanoTime();
            Steps.act(mod, item, "reply", "body", "Sorry about the lid, a new one is on its way.").statusCode(303);
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "the reply waited for the log head");
            assertEquals(List.of("OFFICIAL_REPLY"), TestData.sqlList(
                    "select kind from log_staged where review_id = ?1 and seq is null order by id", reviewId));
            // the author's e-mail waits for the entry's number, so that it carries the receipt
            Awaitility.await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertTrue(mailbox.getMailsSentTo(email) == null || mailbox.getMailsSentTo(email).isEmpty());
            other.rollback();
        }
        Steps.sequenced();

        long seq = ((Number) TestData.sql(
                "select seq from log_entry where review_id = ?1 and kind = 'OFFICIAL_REPLY'", reviewId)).longValue();
        org.candor.publiclog.LogEntry entry = publicLog.entry(seq).orElseThrow();
        assertEquals("Handle " + mod.user(), entry.actorHandle());
        assertEquals("moderator", entry.actorRole());
        assertTrue(entry.content().opens() && entry.content().text().startsWith("Sorry about the lid"),
                entry.content().text());
        assertCarriesReceipt(mailTo(email), seq, "Sorry about the lid");
    }

    @Test
    void aPublicAnnotationShowsUnderTheReviewWhichStays() {
        Subject subject = TestData.subject("Annotated mixer");
        Session author = Session.customer();
        long reviewId = Steps.post(author, subject, 2, "Arrived with a cracked bowl.");
        long item = Steps.item(reviewId, "REPLY");

        Steps.act(Session.moderator(), item, "annotate", "text", "Order refunded on 3 March.").statusCode(303);

        given().when().get("/subjects/" + subject.slug + "/reviews/" + reviewId).then().statusCode(200)
                .body(containsString("Arrived with a cracked bowl."))
                .body(containsString("Order refunded on 3 March."))
                .body(containsString("Moderator&#39;s note"));
        Map<String, Object> entry = Steps.lastLogEntry("ANNOTATION");
        assertEquals("ANNOTATION", entry.get("kind"));
        assertEquals("Order refunded on 3 March.", entry.get("body"));
        author.request().when().get("/me").then().body(containsString("Order refunded on 3 March."));
        assertEquals("OPEN", TestData.sql("select status from queue_item where id = ?1", item));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Redaction, hiding, restoring

    @Test
    void redactingReplacesTheSpanKeepsTheOriginalForAdminsAndSaysWhy() {
        Subject subject = TestData.subject("Redacted courier");
        Session author = Session.customer();
        String original = "The courier Jan Novak left it at 12 Elm Street in the rain.";
        long reviewId = Steps.post(author, subject, 2, original);
        long item = Steps.item(reviewId, "REPLY");

        Steps.act(Session.moderator(), item, "redact", "span", "12 Elm Street", "reason", "PERSONAL_DATA",
                "text", "Home address").statusCode(303);

        String permalink = "/subjects/" + subject.slug + "/reviews/" + reviewId;
        given().when().get(permalink).then().statusCode(200)
                .body(containsString("left it at [redacted] in the rain"))
                .body(containsString("Text removed by a moderator: Home address"))
                .body(not(containsString("12 Elm Street")))
                // the "edited" link leads to a history that says why earlier versions are not shown
                .body(containsString("#history\">edited</a>")).body(containsString("id=\"history\""))
                .body(containsString("Earlier versions are not shown"));
        Map<String, Object> entry = Steps.lastLogEntry("REDACT");
        assertEquals("REDACT", entry.get("kind"));
        // the log once carried SHA-256(original): with the rest of the text public, the phone number was guessed back
        String leaf = leaf(entry);
        assertFalse(leaf.contains("12 Elm Street") || leaf.contains("Personal data removed"), "the leaf holds only commitments: " + leaf);
        assertTrue(!entry.toString().contains("12 Elm Street"), "the log must not repeat the removed text");
        // the original stays for admins: on the item page and in the edit history
        Session.admin().request().when().get("/moderation/items/" + item).then().statusCode(200)
                .body(containsString("12 Elm Street"));
        assertEquals(original, TestData.sql("select original from redaction where review_id = ?1", reviewId));
    }

    @Test
    void redactingTextThatIsNotThereKeepsTheFormAndSaysSo() {
        Subject subject = TestData.subject("Redact miss");
        long reviewId = Steps.post(Session.customer(), subject, 4, "Nothing personal in here.");
        long item = Steps.item(reviewId, "REPLY");

        Steps.act(Session.moderator(), item, "redact", "span", "not in the text", "reason", "PERSONAL_DATA", "text", "")
                .statusCode(400)
                .body(containsString("That text does not occur in the review"))
                .body(containsString("value=\"not in the text\""));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from redaction where review_id = ?1", reviewId)).longValue());
    }

    @Test
    void hidingLeavesAPublicNoticeAndRestoringBringsTheReviewBack() {
        Subject subject = TestData.subject("Hidden blender");
        Session author = Session.customer();
        long reviewId = Steps.post(author, subject, 1, "Total scam, the seller is a crook.");
        long item = Steps.item(reviewId, "REPLY");
        Session mod = Session.moderator();

        Steps.act(mod, item, "hide", "reason", "ABUSE", "text", "Name-calling is against the guidelines.").statusCode(303);

        String permalink = "/subjects/" + subject.slug + "/reviews/" + reviewId;
        given().when().get(permalink).then().statusCode(200)
                .body(not(containsString("Total scam")))
                .body(containsString("Hidden by moderator Handle " + mod.user()))
                .body(containsString("Abuse or harassment"))
                .body(containsString("Name-calling is against the guidelines."));
        given().when().get("/subjects/" + subject.slug).then().body(containsString("No reviews yet"));
        author.request().when().get(permalink).then().body(containsString("Total scam"))
                .body(containsString("Name-calling is against the guidelines."));
        Session.admin().request().when().get(permalink).then().body(containsString("Total scam"));
        given().when().get("/api/reviews/" + reviewId).then().statusCode(200)
                .body("body", org.hamcrest.Matchers.nullValue())
                .body("notice.reason", org.hamcrest.Matchers.equalTo("ABUSE"))
                .body("notice.handle", org.hamcrest.Matchers.equalTo("Handle " + mod.user()));
        Map<String, Object> hide = Steps.lastLogEntry("HIDE");
        assertEquals("HIDE", hide.get("kind"));
        assertEquals("ABUSE", hide.get("reason_code"));
        assertEquals("Name-calling is against the guidelines.", hide.get("reason_text"));

        // the item is done; restore from it
        int version = Steps.version(item);
        mod.form().formParam("version", version).formParam("reason", "MISTAKE").formParam("text", "Borderline, but fair.")
                .when().post("/moderation/items/" + item + "/restore").then().statusCode(303);
        given().when().get(permalink).then().statusCode(200).body(containsString("Total scam"));
        given().when().get("/subjects/" + subject.slug).then().body(containsString("1 review"));
        assertEquals("RESTORE", Steps.lastLogEntry().get("kind"));
        author.request().when().get("/me").then()
                .body(containsString("A moderator hid your post"))
                .body(containsString("A moderator restored your post."));
        assertEquals(2L, ((Number) TestData.sql(
                "select count(*) from visibility_change where review_id = ?1", reviewId)).longValue());
    }

    @Test
    void aModeratorHidesACommentFromTheReviewPage() {
        Subject subject = TestData.subject("Comment hiding");
        long reviewId = Steps.post(Session.customer(), subject, 4, "Solid build.");
        Session commenter = Session.customer();
        commenter.form().formParam("body", "You are all idiots.")
                .when().post("/subjects/" + subject.slug + "/reviews/" + reviewId + "/comments")
                .then().statusCode(303);
        long commentId = ((Number) TestData.sql("select id from comment where review_id = ?1", reviewId)).longValue();
        Session mod = Session.moderator();
        String location = mod.form().formParam("review", reviewId).formParam("comment", commentId)
                .when().post("/moderation/open").then().statusCode(303).extract().header("Location");
        long item = Steps.idAtEndOf(location);
        assertEquals("MANUAL", TestData.sql("select kind from queue_item where id = ?1", item));

        Steps.act(mod, item, "hide", "reason", "ABUSE", "text", "Insults.").statusCode(303);

        given().when().get("/subjects/" + subject.slug + "/reviews/" + reviewId).then().statusCode(200)
                .body(containsString("Solid build."))
                .body(not(containsString("You are all idiots.")))
                .body(containsString("Insults."));
        Map<String, Object> entry = Steps.lastLogEntry("HIDE");
        assertEquals("HIDE", entry.get("kind"));
        assertEquals(commentId, ((Number) entry.get("comment_id")).longValue());
    }

    @Test
    void aHideWithoutAReasonIsRefusedAndKeepsWhatWasTyped() {
        Subject subject = TestData.subject("No reason");
        long reviewId = Steps.post(Session.customer(), subject, 3, "Fine.");
        long item = Steps.item(reviewId, "REPLY");
        long logBefore = Steps.logSize();

        Steps.act(Session.moderator(), item, "hide", "reason", "", "text", "Because I said so")
                .statusCode(400)
                .body(containsString("Choose the rule this decision applies."))
                .body(containsString("Because I said so"));
        assertEquals(logBefore, Steps.logSize());
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", reviewId));
    }

    @Test
    void everyRuleAModeratorCanChooseIsNamedInTheirLanguage() {
        Subject subject = TestData.subject("Rule labels");
        long item = Steps.item(Steps.post(Session.customer(), subject, 3, "Labels, please."), "REPLY");
        Session mod = Session.moderator();
        String english = mod.request().when().get("/moderation/items/" + item).then().statusCode(200).extract().asString();
        String spanish = mod.request().header("Accept-Language", "es").when().get("/moderation/items/" + item)
                .then().statusCode(200).extract().asString();
        for (String page : List.of(english, spanish)) {
            assertTrue(!page.contains("NOT_FOUND"), "a label is missing from the page");
        }
        for (String label : List.of("Meets the guidelines", "Personal data", "Abuse or harassment", "Spam or advertising",
                "Off topic", "Unlawful content", "Earlier decision was a mistake")) {
            assertTrue(english.contains(">" + label + "</option>"), label);
        }
        assertTrue(spanish.contains(">Datos personales</option>"), "the Spanish page names the rules in Spanish");
    }

    @Test
    void theServiceItselfRefusesAHideWithoutAReasonOrAPublicWhy() {
        Subject subject = TestData.subject("Service rules");
        long reviewId = Steps.post(Session.customer(), subject, 3, "Fine, really.");
        long item = Steps.item(reviewId, "REPLY");
        Session mod = Session.moderator();
        ModerationService service = io.quarkus.arc.Arc.container().instance(ModerationService.class).get();
        long logBefore = Steps.logSize();
        // not only the form: any caller of the service (an API, a batch job) meets the same rule, as a message
        InvalidActionException noReason = org.junit.jupiter.api.Assertions.assertThrows(InvalidActionException.class,
                () -> service.hide(mod.accountId(), item, Steps.version(item), null, "Spam links"));
        assertEquals("reason", noReason.field());
        InvalidActionException noWhy = org.junit.jupiter.api.Assertions.assertThrows(InvalidActionException.class,
                () -> service.hide(mod.accountId(), item, Steps.version(item), ReasonCode.SPAM, "   "));
        assertEquals("text", noWhy.field());
        assertEquals(logBefore, Steps.logSize());
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", reviewId));
    }

    @Test
    void aHeldReviewCannotBeAnsweredInPublicAndItsPageDoesNotOfferIt() {
        Subject subject = TestData.subject("Held reply");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        long reviewId = Steps.post(Session.customer(), subject, 2, "Held, and not to be answered in public yet.");
        long item = Steps.item(reviewId, "HELD");
        Session mod = Session.moderator();
        long logBefore = Steps.logSize();
        mod.request().when().get("/moderation/items/" + item).then().statusCode(200)
                .body(not(containsString("/moderation/items/" + item + "/reply")))
                .body(not(containsString("/moderation/items/" + item + "/hide")))
                .body(containsString("/moderation/items/" + item + "/publish"));
        Steps.act(mod, item, "reply", "body", "Thanks, we are on it.").statusCode(409)
                .body(containsString("Thanks, we are on it."));
        Steps.act(mod, item, "annotate", "text", "A note in public.").statusCode(409);
        assertEquals(logBefore, Steps.logSize(), "nothing about a held review reached the public log");
        assertEquals(0L, ((Number) TestData.sql("select count(*) from official_reply where review_id = ?1", reviewId))
                .longValue());
    }

    @Test
    void everyNoticeIsMailedExactlyOnceAfterTheMailServerComesBack() {
        Subject subject = TestData.subject("Outbox");
        Session author = Session.customer();
        String email = giveEmail(author);
        long item = Steps.item(Steps.post(author, subject, 2, "Mail me what happens."), "REPLY");
        Session mod = Session.moderator();
        FlakyMailTransport.down = true;
        try {
            Steps.act(mod, item, "annotate", "text", "First, a note in public.").statusCode(303);
            Steps.act(mod, item, "reply", "body", "Second, our reply.").statusCode(303);
            // both were written with their actions, tried, and wait for the server
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) TestData.sql(
                    "select count(*) from mail_outbox where to_address = ?1 and status = 'PENDING' and attempts >= 1",
                    email)).longValue() == 2);
            assertTrue(mailbox.getMailsSentTo(email) == null || mailbox.getMailsSentTo(email).isEmpty());
            // admins see what waits, and why
            Session.admin().request().when().get("/moderation").then().statusCode(200)
                    .body(containsString("waiting to be sent")).body(containsString("SMTP server is down"));
        } finally {
            FlakyMailTransport.down = false;
        }
        assertEquals(2, mailsTo(email, 2).size());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) TestData.sql(
                "select count(*) from mail_outbox where to_address = ?1 and status = 'SENT'", email)).longValue() == 2);
        // and no more: another round of the sender finds nothing due
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(2, mailbox.getMailsSentTo(email).size(), "each notice exactly once");
    }

    @Test
    void theAuthorIsToldOfEveryActionOnTheTimelineAndByMail() {
        Subject subject = TestData.subject("Told");
        Session author = Session.customer();
        String email = giveEmail(author);
        long reviewId = Steps.post(author, subject, 2, "Call Jo on 555-0199 about the broken hinge.");
        long item = Steps.item(reviewId, "REPLY");
        Session mod = Session.moderator();

        Steps.act(mod, item, "annotate", "text", "We called the customer.").statusCode(303);
        Steps.act(mod, item, "redact", "span", "555-0199", "reason", "PERSONAL_DATA", "text", "").statusCode(303);
        Steps.act(mod, item, "hide", "reason", "OFF_TOPIC", "text", "Not about the product.").statusCode(303);
        Steps.act(mod, item, "restore", "reason", "MISTAKE", "text", "It is about the product.").statusCode(303);

        List<String> subjects = mailsTo(email, 4).stream().map(Mail::getSubject).toList();
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("A note on your post")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("Part of your review was removed")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("Your post was hidden")), subjects.toString());
        assertTrue(subjects.stream().anyMatch(x -> x.startsWith("Your post is visible again")), subjects.toString());
        Mail hidden = mailsTo(email, 4).stream().filter(m -> m.getSubject().startsWith("Your post was hidden"))
                .findFirst().orElseThrow();
        assertTrue(hidden.getText().contains("Rule: Off topic"), hidden.getText());
        assertTrue(hidden.getText().contains("Not about the product."), hidden.getText());
        author.request().when().get("/me").then().statusCode(200)
                .body(containsString("A moderator added a public note to your post."))
                .body(containsString("A moderator removed part of your review&#39;s text."))
                .body(containsString("Not about the product."))
                .body(containsString("A moderator restored your post."));
        // staff-only steps tell the author nothing
        Steps.act(mod, item, "note", "text", "Internal only").statusCode(303);
        author.request().when().get("/me").then().body(not(containsString("Internal only")));
    }

    @Test
    void anonymousVisitorsAreSentToSignInForEveryAction() {
        Subject subject = TestData.subject("Anonymous");
        long reviewId = Steps.post(Session.customer(), subject, 3, "Anonymous tries.");
        long item = Steps.item(reviewId, "REPLY");
        var page = given().redirects().follow(false).when().get("/about").then().extract();
        String csrf = page.cookie("csrf-token");
        assertNotNull(csrf, "an anonymous visitor gets a CSRF token too");
        for (String action : List.of("take", "release", "reassign", "publish", "keep-held", "reply", "annotate", "redact",
                "hide", "restore", "escalate", "note", "close")) {
            given().redirects().follow(false).cookie("csrf-token", csrf).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrf).formParam("version", Steps.version(item))
                    .when().post("/moderation/items/" + item + "/" + action)
                    .then().statusCode(303).header("Location", containsString("/login"));
        }
        assertEquals(0, Steps.version(item));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reports, escalation, claims, tabs

    @Test
    void aReportBecomesAQueueItemThatShowsTheReportAndCanBeEscalated() {
        Subject subject = TestData.subject("Reported lamp");
        long reviewId = Steps.post(Session.customer(), subject, 5, "Buy it at cheap-lamps.example for half the price!");
        Session.customer().form().formParam("reason", "SPAM").formParam("details", "Advert for another shop")
                .when().post("/subjects/" + subject.slug + "/reviews/" + reviewId + "/report").then().statusCode(303);
        long item = Steps.item(reviewId, "REPORT");
        Session mod = Session.moderator();
        mod.request().when().get("/moderation?tab=reported").then().statusCode(200)
                .body(containsString("/moderation/items/" + item));
        mod.request().when().get("/moderation/items/" + item).then().statusCode(200)
                .body(containsString("Advert for another shop"))
                .body(containsString("Spam"));

        Steps.act(mod, item, "escalate", "text", "Is this the seller's competitor?").statusCode(303);
        Session.admin().request().when().get("/moderation?tab=escalated").then().statusCode(200)
                .body(containsString("/moderation/items/" + item));
        Steps.act(mod, item, "note", "text", "Checked: the link is an affiliate shop.").statusCode(303);
        mod.request().when().get("/moderation/items/" + item).then()
                .body(containsString("Checked: the link is an affiliate shop."));
        given().when().get("/log").then().body(not(containsString("affiliate shop")));
    }

    @Test
    void lowRatingsComeFirstBecauseTheirTargetIsShorter() {
        Subject subject = TestData.subject("Urgency");
        long happy = Steps.post(Session.customer(), subject, 5, "Lovely, zero complaints at all.");
        long angry = Steps.post(Session.customer(), subject, 1, "Broke on day one, nobody answers.");
        // a moderator of this subject alone: the tab shows this test's items, however many other tests queued
        String page = Session.moderatorOf(subject).request().when().get("/moderation?tab=reply")
                .then().statusCode(200).extract().asString();
        int angryAt = page.indexOf("/moderation/items/" + Steps.item(angry, "REPLY"));
        int happyAt = page.indexOf("/moderation/items/" + Steps.item(happy, "REPLY"));
        assertTrue(angryAt > 0 && happyAt > angryAt, "the 1-star review (4 h target) comes before the 5-star one");
        Duration target = Duration.ofSeconds(((Number) TestData.sql(
                "select extract(epoch from due_at - created_at) from queue_item where id = ?1", Steps.item(angry, "REPLY")))
                .longValue());
        assertEquals(Duration.ofHours(4), target);
    }

    @Test
    void aTakenItemIsRefusedToColleaguesUntilReleasedOrLapsed() {
        Subject subject = TestData.subject("Claims");
        long reviewId = Steps.post(Session.customer(), subject, 3, "Average at best.");
        long item = Steps.item(reviewId, "REPLY");
        Session mo = Session.moderator();
        Session colleague = Session.moderator();

        Steps.act(mo, item, "take").statusCode(303);
        mo.request().when().get("/moderation?tab=mine").then().body(containsString("/moderation/items/" + item));
        Steps.act(colleague, item, "annotate", "text", "Me too").statusCode(409)
                .body(containsString("A colleague got there first"))
                .body(containsString("Taken"));

        // claims lapse after candor.moderation.claim-idle
        TestData.update("update queue_item set claimed_at = now() - interval '2 hours' where id = ?1", item);
        Steps.act(colleague, item, "take").statusCode(303);
        assertEquals(colleague.accountId(), ((Number) TestData.sql("select claimed_by from queue_item where id = ?1", item)).longValue());
        Steps.act(colleague, item, "release").statusCode(303);
        assertEquals(null, TestData.sql("select claimed_by from queue_item where id = ?1", item));

        // an admin reassigns
        Session.admin().form().formParam("version", Steps.version(item)).formParam("assignee", mo.accountId())
                .when().post("/moderation/items/" + item + "/reassign").then().statusCode(303);
        assertEquals(mo.accountId(), ((Number) TestData.sql("select claimed_by from queue_item where id = ?1", item)).longValue());
        // ...which a moderator may not
        colleague.form().formParam("version", Steps.version(item)).formParam("assignee", colleague.accountId())
                .when().post("/moderation/items/" + item + "/reassign").then().statusCode(403);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Conflicts and permissions

    @Test
    void eightModeratorsActingAtOnceGetOneSuccessAndSevenConflicts() throws Exception {
        Subject subject = TestData.subject("Race");
        long reviewId = Steps.post(Session.customer(), subject, 2, "Which of you answers first?");
        long item = Steps.item(reviewId, "REPLY");
        int version = Steps.version(item);
        List<Session> mods = java.util.stream.IntStream.range(0, 8).mapToObj(i -> Session.moderator()).toList();
        long logBefore = Steps.logSize();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Session s = mods.get(i);
            String text = "Reply number " + i;
            results.add(pool.submit(() -> {
                start.await();
                return s.form().formParam("version", version).formParam("body", text)
                        .when().post("/moderation/items/" + item + "/reply").then().extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(logBefore + 1, Steps.logSize());
        assertEquals(1L, ((Number) TestData.sql("select count(*) from official_reply where review_id = ?1", reviewId)).longValue());
    }

    @Test
    void aStaleFormShowsWhatTheColleagueDid() {
        Subject subject = TestData.subject("Stale");
        long reviewId = Steps.post(Session.customer(), subject, 4, "Good value.");
        long item = Steps.item(reviewId, "REPLY");
        int seen = Steps.version(item);
        Steps.act(Session.moderator(), item, "reply", "body", "Thank you!").statusCode(303);

        Session.moderator().form().formParam("version", seen).formParam("text", "Late note")
                .when().post("/moderation/items/" + item + "/annotate")
                .then().statusCode(409)
                .body(containsString("A colleague got there first"))
                .body(containsString("Official reply"));
    }

    @Test
    void customersAreRefusedEveryActionAndVisitorsSentToSignIn() {
        Subject subject = TestData.subject("Refusals");
        long reviewId = Steps.post(Session.customer(), subject, 3, "Meh.");
        long item = Steps.item(reviewId, "REPLY");
        Session customer = Session.customer();
        customer.request().when().get("/moderation").then().statusCode(403);
        customer.request().when().get("/moderation/items/" + item).then().statusCode(403);
        customer.request().when().get("/moderation/events").then().statusCode(403);
        for (String action : List.of("take", "release", "reassign", "publish", "keep-held", "reply", "annotate", "redact",
                "hide", "restore", "escalate", "note", "close")) {
            customer.form().formParam("version", Steps.version(item)).formParam("reason", "ABUSE").formParam("text", "x")
                    .formParam("body", "x").formParam("span", "Meh")
                    .when().post("/moderation/items/" + item + "/" + action).then().statusCode(403);
        }
        given().redirects().follow(false).when().get("/moderation/items/" + item).then().statusCode(303)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).when().get("/moderation").then().statusCode(303)
                .header("Location", containsString("/login"));
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", reviewId));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from annotation where review_id = ?1", reviewId)).longValue());
    }

    // ---------------------------------------------------------------------------------------------------------------


    private static String giveEmail(Session s) {
        String email = s.user() + "@mail.example";
        TestData.update("update account set email = ?1 where provider = 'google' and provider_subject = ?2", email, s.user());
        return email;
    }

    private List<Mail> mailsTo(String address, int atLeast) {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), mails -> mails != null && mails.size() >= atLeast);
    }

    private Mail mailTo(String address) {
        List<Mail> mails = mailsTo(address, 1);
        return mails.get(mails.size() - 1);
    }

    /**
     * The e-mail links entry {@code seq}'s receipt (its number written in, whenever the body was written) and attaches
     * it, and the stand-alone verifier accepts it as proof of an entry saying {@code says}.
     */
    private void assertCarriesReceipt(Mail mail, long seq, String says) throws Exception {
        assertTrue(mail.getText().contains("/log/entries/" + seq + "/proof"), mail.getText());
        assertFalse(mail.getText().contains(MailOutbox.SEQ), mail.getText());
        assertEquals(1, mail.getAttachments().size());
        assertEquals("candor-entry-" + seq + ".tlog-proof", mail.getAttachments().get(0).getName());
        org.candor.publiclog.Verifier.Result proved = proved(mail.getAttachments().get(0));
        assertTrue(proved.ok() && proved.message().contains(says), proved.message());
    }

    /** What the stand-alone verifier says of an e-mail's receipt. */
    private org.candor.publiclog.Verifier.Result proved(io.quarkus.mailer.Attachment attachment) throws Exception {
        java.util.List<Byte> bytes = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData())
                .collect().asList().await().atMost(Duration.ofSeconds(5));
        byte[] receipt = new byte[bytes.size()];
        for (int i = 0; i < receipt.length; i++) {
            receipt[i] = bytes.get(i);
        }
        return org.candor.publiclog.Verifier.checkReceipt(new String(receipt, java.nio.charset.StandardCharsets.UTF_8),
                org.candor.publiclog.SignedNote.verifierKey(publicLog.verifierKey()));
    }

    /** The leaf of a log entry as it is hashed and served in entry bundles. */
    private String leaf(Map<String, Object> entry) {
        return new String(publicLog.entry(((Number) entry.get("seq")).longValue()).orElseThrow().canonicalBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
