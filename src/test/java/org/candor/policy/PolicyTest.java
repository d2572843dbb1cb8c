package org.candor.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Each policy setting changes behaviour end to end, only admins change it, and every change is on the public log. */
@QuarkusTest
class PolicyTest {

    // ---------------------------------------------------------------------------------------------------------------
    // Holds, rules, limits

    @Test
    void aSubjectUnderPreModerationHoldsNewPosts() {
        Subject subject = TestData.subject("Pre moderated");
        Session admin = Session.admin();
        long before = Steps.logSize();
        admin.form().formParam("slug", subject.slug).formParam("mode", "PRE")
                .when().post("/admin/policy/subject").then().statusCode(303);
        assertEquals(before + 1, Steps.logSize());
        assertEquals("POLICY_CHANGE", Steps.lastLogEntry().get("kind"));
        assertTrue(((String) Steps.lastLogEntry().get("body")).contains(subject.name + ": the board's mode → pre-moderation"));

        long review = Steps.post(Session.customer(), subject, 4, "Held until someone looks.");
        assertEquals("PENDING", TestData.sql("select status from review where id = ?1", review));
        assertEquals("pre-moderation", TestData.sql("select why from queue_item where review_id = ?1 and kind = 'HELD'", review));
        given().when().get("/subjects/" + subject.slug).then().body(not(containsString("Held until someone looks.")));
        admin.request().when().get("/admin/policy").then().statusCode(200).body(containsString(subject.name));
    }

    @Test
    void holdingFirstPostsHoldsANewAccountsFirstReviewOnly() {
        Subject subject = TestData.subject("First posts");
        Subject other = TestData.subject("Second post");
        Session admin = Session.admin();
        withSettings(admin, Map.of("holdFirstPosts", "1"), () -> {
            Session newcomer = Session.customer();
            long first = Steps.post(newcomer, subject, 3, "My very first review.");
            long second = Steps.post(newcomer, other, 3, "My second review.");
            assertEquals("PENDING", TestData.sql("select status from review where id = ?1", first));
            assertEquals("first-posts", TestData.sql("select why from queue_item where review_id = ?1 and kind = 'HELD'", first));
            assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", second));
        });
    }

    @Test
    void aRejectedPostKeepsItsTextAndNamesTheRuleAndWords() {
        String word = TestData.unique("scamword");
        addRule(word, false, "REJECT");
        Subject subject = TestData.subject("Rejecting");
        String text = "This shop is a " + word + " and you know it.";
        Session author = Session.customer();
        author.form().formParam("rating", "1").formParam("body", text)
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("Not posted: your text breaks this board&#39;s rule"))
                .body(containsString("word &quot;" + word + "&quot;"))
                .body(containsString(text));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id)).longValue());
    }

    @Test
    void tooManyLinksAreRejectedWithTheLimitNamed() {
        Subject subject = TestData.subject("Links");
        Session.customer().form().formParam("rating", "5")
                .formParam("body", "Buy at https://a.example https://b.example https://c.example https://d.example")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400).body(containsString("Not posted: a post may hold at most"))
                .body(containsString("links, and yours has 4"))
                .body(containsString("https://d.example"));
    }

    @Test
    void aFlaggedPostIsPublicAndQueuedWithTheRuleShown() {
        String word = TestData.unique("refundword");
        long rule = addRule(word, false, "FLAG");
        Subject subject = TestData.subject("Flagging");
        long review = Steps.post(Session.customer(), subject, 2, "I want a " + word + " now.");
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", review));
        given().when().get("/subjects/" + subject.slug).then().body(containsString("I want a " + word + " now."));
        long item = Steps.item(review, "FLAG");
        assertEquals(word, TestData.sql("select matched from queue_item where id = ?1", item));
        Session.moderator().request().when().get("/moderation?tab=reported").then().statusCode(200)
                .body(containsString("/moderation/items/" + item))
                .body(containsString("word rule #" + rule))
                .body(containsString("<mark><bdi>" + word + "</bdi></mark>"));
    }

    @Test
    void theTestBoxExplainsWhatARuleWouldDo() {
        String word = TestData.unique("holdword");
        addRule(word, false, "HOLD");
        Session.admin().form().formParam("text", "Please " + word.toUpperCase() + " this.")
                .when().post("/admin/rules/test").then().statusCode(200)
                .body(containsString("Held for a moderator"))
                .body(containsString("<mark>" + word + "</mark>"));
        Session.admin().form().formParam("pattern", "([unclosed").formParam("regex", "true").formParam("action", "HOLD")
                .when().post("/admin/rules").then().statusCode(400)
                .body(containsString("That regular expression does not work"))
                .body(containsString("value=\"([unclosed\""));
    }

    @Test
    void noRegularExpressionAnAdminWritesCanStallPosting() {
        // catastrophic backtracking in java.util.regex: 2^n steps on a run of n letters without the final "b"
        String pattern = "(x+x+)+" + TestData.unique("y").replaceAll("[^a-z]", "");
        long rule = addRule(pattern, true, "HOLD");
        try {
            Subject subject = TestData.subject("Backtracking");
            String text = "x".repeat(5000);
            long started = System.nanoTime();
            Steps.post(Session.customer(), subject, 3, text);
            long ms = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(ms < 5000, "posting took " + ms + " ms");
        } finally {
            Session.admin().form().when().post("/admin/rules/" + rule + "/retire").then().statusCode(303);
        }
        // what RE2 cannot do is refused with a message, and the page says which syntax works
        Session.admin().form().formParam("pattern", "(?<=a)b").formParam("regex", "true").formParam("action", "HOLD")
                .when().post("/admin/rules").then().statusCode(400)
                .body(containsString("That regular expression does not work"))
                .body(containsString("RE2 syntax"));
        Session.admin().form().formParam("pattern", "w".repeat(201)).formParam("action", "HOLD")
                .when().post("/admin/rules").then().statusCode(400)
                .body(containsString("at most 200 characters"));
    }

    @Test
    void aWordRuleMatchesWholeWordsAndEveryOccurrence() {
        String word = TestData.unique("bound").replaceAll("[^a-z]", "");
        long rule = addRule(word, false, "FLAG");
        try {
            Subject subject = TestData.subject("Boundaries");
            long inside = Steps.post(Session.customer(), subject, 4, "Contains x" + word + "y only inside a word.");
            assertEquals(0L, ((Number) TestData.sql("select count(*) from queue_item where review_id = ?1 and kind = 'FLAG'",
                    inside)).longValue());
            long twice = Steps.post(Session.customer(), subject, 4, word + " " + word.toUpperCase() + ", twice.");
            assertEquals(word, TestData.sql("select matched from queue_item where review_id = ?1 and kind = 'FLAG'", twice));
        } finally {
            Session.admin().form().when().post("/admin/rules/" + rule + "/retire").then().statusCode(303);
        }
    }

    @Test
    void aDryRunCountsWhatTheRuleThenDoesToTheSamePosts() {
        String word = TestData.unique("dryword");
        Subject subject = TestData.subject("Dry run");
        List<String> texts = List.of("Nothing to see.", "Mentions " + word + " once.", "And " + word + " again, "
                + word + ".", "Clean text again.");
        for (String t : texts) {
            Steps.post(Session.customer(), subject, 3, t);
        }
        Session admin = Session.admin();
        String page = admin.form().formParam("pattern", word).formParam("action", "HOLD").formParam("dryRun", "true")
                .when().post("/admin/rules").then().statusCode(200).extract().asString();
        int heldBefore = number(page, "dry-held");
        assertTrue(page.contains("Mentions " + word + " once."), "examples are shown");
        // nothing was saved by the dry run
        assertEquals(0L, ((Number) TestData.sql("select count(*) from word_rule where pattern = ?1", word)).longValue());

        addRule(word, false, "HOLD");
        String again = admin.form().formParam("pattern", TestData.unique("nomatch")).formParam("action", "HOLD")
                .formParam("dryRun", "true").when().post("/admin/rules").then().statusCode(200).extract().asString();
        assertEquals(heldBefore, number(again, "dry-held"), "the rules now in force hold exactly what the dry run said");
        // and the rule does the same to the same texts when they are posted
        Subject fresh = TestData.subject("Dry run replay");
        int held = 0;
        for (String t : texts) {
            long id = Steps.post(Session.customer(), fresh, 3, t);
            held += "PENDING".equals(TestData.sql("select status from review where id = ?1", id)) ? 1 : 0;
        }
        assertEquals(2, held);
        assertTrue(heldBefore >= 2);
    }

    @Test
    void aShorterTargetMovesItemsUpTheQueue() {
        Subject subject = TestData.subject("Targets");
        Session admin = Session.admin();
        // an item already waiting is held to the new target as well
        long waiting = Steps.post(Session.customer(), subject, 4, "Four stars, queued before the change.");
        long waitingItem = Steps.item(waiting, "REPLY");
        int version = Steps.version(waitingItem);
        withSettings(admin, Map.of("targetHighMinutes", "7"), () -> {
            assertEquals(7L * 60, ((Number) TestData.sql("select extract(epoch from due_at - created_at) from queue_item "
                    + "where id = ?1", waitingItem)).longValue());
            assertEquals(version, Steps.version(waitingItem), "a moderator's open form stays valid");
        });
        withSettings(admin, Map.of("targetHighMinutes", "1"), () -> {
            long angry = Steps.post(Session.customer(), subject, 1, "One star, four hour target.");
            long happy = Steps.post(Session.customer(), subject, 5, "Five stars, now a one minute target.");
            String page = Session.moderatorOf(subject).request().when().get("/moderation?tab=reply").then().extract()
                    .asString();
            int happyAt = page.indexOf("/moderation/items/" + Steps.item(happy, "REPLY"));
            int angryAt = page.indexOf("/moderation/items/" + Steps.item(angry, "REPLY"));
            assertTrue(happyAt > 0 && angryAt > happyAt, "the 5-star review is due first now");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Canned responses, offers, statements

    @Test
    void anAdminOnlyCannedResponseFillsPlaceholdersAndIsRefusedToModerators() {
        Session admin = Session.admin();
        String title = TestData.unique("Goodwill");
        admin.form().formParam("title", title).formParam("category", "Apology").formParam("allowedRole", "ADMIN")
                .formParam("body", "Sorry {customer}, we will fix {subject} for you.")
                .when().post("/admin/canned").then().statusCode(303);
        long canned = ((Number) TestData.sql("select id from canned_response where title = ?1", title)).longValue();
        assertEquals("POLICY_CHANGE", Steps.lastLogEntry().get("kind"));
        // a placeholder nothing fills in is refused, and what the admin wrote is kept
        admin.form().formParam("title", title + " 2").formParam("category", "Apology").formParam("allowedRole", "ADMIN")
                .formParam("body", "Your order {ordernumber} is on its way.")
                .when().post("/admin/canned").then().statusCode(400)
                .body(containsString("placeholder that cannot be filled in"))
                .body(containsString("Your order {ordernumber} is on its way."));

        Subject subject = TestData.subject("Canned roles");
        Session author = Session.customer();
        long review = Steps.post(author, subject, 2, "Broken on arrival.");
        long item = Steps.item(review, "REPLY");
        Session moderator = Session.moderator();
        moderator.request().when().get("/moderation/items/" + item).then().body(not(containsString(title)));
        Steps.act(moderator, item, "reply", "canned", Long.toString(canned)).statusCode(403);
        assertEquals(0L, ((Number) TestData.sql("select count(*) from official_reply where review_id = ?1", review)).longValue());

        Steps.act(admin, item, "reply", "canned", Long.toString(canned)).statusCode(303);
        String name = TestData.accountOf("google", author.user()).displayName;
        given().when().get("/subjects/" + subject.slug).then()
                .body(containsString("Sorry " + name + ", we will fix Canned roles for you."));
        admin.request().when().get("/admin/canned").then().body(containsString(title));
        assertEquals(1L, ((Number) TestData.sql("select count(*) from official_reply where canned_id = ?1", canned)).longValue());
    }

    @Test
    void anOfferGrantIsOnThePublicLogAndInTheConsistencyView() {
        Subject subject = TestData.subject("Offers");
        Session author = Session.customer();
        long withOffer = Steps.post(author, subject, 2, "Arrived late, cold.");
        long without = Steps.post(Session.customer(), subject, 2, "Also late, also cold.");
        long offer = ((Number) TestData.sql("select id from offer_type where name = '10 % discount'")).longValue();
        Session moderator = Session.moderator();
        Steps.act(moderator, Steps.item(withOffer, "REPLY"), "reply", "body", "Sorry about that.",
                "complaint", "DELIVERY", "offer", Long.toString(offer)).statusCode(303);
        Map<String, Object> entry = Steps.lastLogEntry();
        assertEquals("OFFER_GRANTED", entry.get("kind"));
        assertEquals("10 % discount", entry.get("body"));
        // the author's timeline names what they were granted
        author.request().get("/me").then().statusCode(200)
                .body(containsString("With the reply, you were granted an offer: <strong><bdi>10 % discount</bdi></strong>"));
        Steps.act(moderator, Steps.item(without, "REPLY"), "reply", "body", "Sorry.",
                "complaint", "DELIVERY").statusCode(303);

        String page = Session.admin().request().when().get("/admin/offers/consistency").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("10 % discount"), page);
        assertTrue(page.contains("/moderation/reviews/" + without), "the complaint that got nothing is listed");
        // a moderator may not grant an admin-only offer
        long refund = ((Number) TestData.sql("select id from offer_type where name = 'Full refund'")).longValue();
        long third = Steps.post(Session.customer(), subject, 1, "Never arrived.");
        Steps.act(moderator, Steps.item(third, "REPLY"), "reply", "body", "Refund coming.",
                "offer", Long.toString(refund)).statusCode(403);
    }

    @Test
    void aStatementIsPinnedOnTheSubjectAndOnTheLogUntilRetired() {
        Subject subject = TestData.subject("Statement kettle");
        Session moderator = Session.moderator();
        moderator.form().formParam("subject", subject.slug).formParam("title", "Lid hinge recall")
                .formParam("body", "Some lids break. We are sorry; we replace them free.")
                .when().post("/moderation/statements").then().statusCode(303);
        given().when().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("Lid hinge recall"))
                .body(containsString("we replace them free."));
        Map<String, Object> entry = Steps.lastLogEntry();
        assertEquals("STATEMENT_PUBLISHED", entry.get("kind"));
        assertTrue(((String) entry.get("body")).startsWith("Lid hinge recall"));
        given().when().queryParam("subject", subject.slug).get("/log").then().body(containsString("Lid hinge recall"));

        long id = ((Number) TestData.sql("select id from statement where subject_id = ?1", subject.id)).longValue();
        int version = ((Number) TestData.sql("select version from statement where id = ?1", id)).intValue();
        moderator.form().formParam("version", version).formParam("note", "Recall finished")
                .when().post("/moderation/statements/" + id + "/retire").then().statusCode(303);
        given().when().get("/subjects/" + subject.slug).then().body(not(containsString("Lid hinge recall")));
        assertEquals("STATEMENT_RETIRED", Steps.lastLogEntry().get("kind"));
        // a stale form does not overwrite
        moderator.form().formParam("version", version).formParam("note", "again")
                .when().post("/moderation/statements/" + id + "/retire").then().statusCode(409);
    }

    @Test
    void aRetireNoteIsValidatedLikeEveryTextThatReachesTheLog() {
        Subject subject = TestData.subject("Retire-note kettle");
        Session moderator = Session.moderator();
        moderator.form().formParam("subject", subject.slug).formParam("title", "Kettle notice")
                .formParam("body", "A notice to retire.").when().post("/moderation/statements").then().statusCode(303);
        long id = ((Number) TestData.sql("select id from statement where subject_id = ?1", subject.id)).longValue();
        long logSize = Steps.logSize();
        for (String note : new String[] { "bell\u0007 in the note", "nul\u0000 in the note", "x".repeat(20_000) }) {
            moderator.form().formParam("version", 0).formParam("note", note)
                    .when().post("/moderation/statements/" + id + "/retire")
                    .then().statusCode(400)
                    .body(containsString("Kettle notice"))
                    .body(org.hamcrest.Matchers.anyOf(containsString("control characters"),
                            containsString("at most 200 characters")));
        }
        assertEquals(logSize, Steps.logSize(), "nothing reached the log");
        assertEquals("PUBLISHED", TestData.sql("select status from statement where id = ?1", id));
        given().get("/log.atom").then().statusCode(200);
    }

    @Test
    void aBoardWideStatementIsOnTheHomePage() {
        String title = TestData.unique("Outage");
        Session.admin().form().formParam("subject", "").formParam("title", title).formParam("body", "Payments were down.")
                .when().post("/moderation/statements").then().statusCode(303);
        given().when().get("/").then().body(containsString(title));
        long id = ((Number) TestData.sql("select id from statement where title = ?1", title)).longValue();
        Session.admin().form().formParam("version", "0").when().post("/moderation/statements/" + id + "/retire")
                .then().statusCode(303);
        given().when().get("/").then().body(not(containsString(title)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Roles and privacy

    @Test
    void grantingAndRevokingRolesIsLoggedAndScopesLimitModerators() {
        Session person = Session.customer();
        long id = person.accountId();
        Subject mine = TestData.subject("Scoped mine");
        Subject theirs = TestData.subject("Scoped theirs");
        Session admin = Session.admin();
        admin.request().queryParam("q", person.user()).when().get("/admin/roles").then().statusCode(200)
                .body(containsString("account-" + id)).body(containsString("/admin/roles/" + id + "?q="));
        // the person's page offers every subject by name, none ticked
        admin.request().when().get("/admin/roles/" + id).then().statusCode(200)
                .body(containsString("value=\"" + mine.slug + "\"> <bdi>Scoped mine</bdi>"));
        admin.form().formParam("role", "MODERATOR").formParam("handle", "Sam from support").formParam("scope", mine.slug)
                .when().post("/admin/roles/" + id).then().statusCode(303);
        Map<String, Object> granted = Steps.lastLogEntry();
        assertEquals("ROLE_GRANTED", granted.get("kind"));
        assertTrue(((String) granted.get("body")).contains("moderator role granted to Sam from support"));

        person.request().when().get("/moderation").then().statusCode(200);
        long inside = Steps.item(Steps.post(Session.customer(), mine, 3, "In scope."), "REPLY");
        long outside = Steps.item(Steps.post(Session.customer(), theirs, 3, "Out of scope."), "REPLY");
        Steps.act(person, inside, "annotate", "text", "Looked at it.").statusCode(303);
        Steps.act(person, outside, "annotate", "text", "Not mine.").statusCode(403);
        person.request().when().get("/moderation?tab=reply").then()
                .body(containsString("/moderation/items/" + inside))
                .body(not(containsString("/moderation/items/" + outside + "\"")));

        admin.form().formParam("scope", "no-such-subject").formParam("role", "MODERATOR")
                .when().post("/admin/roles/" + id).then().statusCode(400).body(containsString("no-such-subject"))
                .body(containsString("Role of "));
        admin.form().formParam("role", "CUSTOMER").when().post("/admin/roles/" + id).then().statusCode(303);
        assertEquals("ROLE_REVOKED", Steps.lastLogEntry().get("kind"));
        person.request().when().get("/moderation").then().statusCode(403);
    }

    @Test
    void adminsNameSubjectsTheyDoNotTypeAddresses() {
        Subject subject = TestData.subject(TestData.unique("Home delivery"));
        Session admin = Session.admin();
        admin.request().get("/admin/policy").then().statusCode(200)
                .body(containsString("<option value=\"" + subject.name + "\">"));
        admin.form().formParam("slug", subject.name.toUpperCase(java.util.Locale.ROOT)).formParam("mode", "PRE")
                .post("/admin/policy/subject").then().statusCode(303);
        assertEquals("PRE", TestData.sql("select moderation_mode from subject where id = ?1", subject.id));
        admin.form().formParam("slug", "Nowhere at all").formParam("mode", "PRE").post("/admin/policy/subject").then()
                .statusCode(400).body(containsString("No subject has this name or address: Nowhere at all"))
                .body(containsString("value=\"Nowhere at all\""));

        admin.form().formParam("subject", subject.name).formParam("kind", "APOLOGY").formParam("title", "Deliveries are late this week")
                .formParam("body", "The carrier is short of drivers.").post("/moderation/statements").then().statusCode(303);
        assertEquals(subject.id, ((Number) TestData.sql("select subject_id from statement where title = ?1",
                "Deliveries are late this week")).longValue());
        // readers see an apology as one, not as an alarm
        given().get("/subjects/" + subject.slug).then().body(containsString("class=\"statement statement-apology\""))
                .body(containsString("<p class=\"badge\">Apology</p>"))
                // and the write form says posts here wait for a moderator (for those signed in)
                .body(not(containsString("id=\"checked-first\"")));
        Session.customer().request().get("/subjects/" + subject.slug).then()
                .body(containsString("read by a moderator before they appear"));
        // the public log's filter takes the name too
        given().queryParam("subject", subject.name).get("/log").then().statusCode(200)
                .body(containsString("Deliveries are late this week"));
    }

    @Test
    void staffCanAppearByRoleOnly() {
        Subject subject = TestData.subject("Privacy");
        Session admin = Session.admin();
        Session moderator = Session.moderator();
        long review = Steps.post(Session.customer(), subject, 2, "Who answers this?");
        withSettings(admin, Map.of("staffInPublic", "ROLE"), () -> {
            Steps.act(moderator, Steps.item(review, "REPLY"), "reply", "body", "We do.").statusCode(303);
            assertNull(Steps.lastLogEntry().get("actor_handle"));
            assertEquals("moderator", Steps.lastLogEntry().get("actor_role"));
            given().when().get("/subjects/" + subject.slug).then()
                    .body(containsString("Official reply from Candor · moderator"))
                    .body(not(containsString("Handle " + moderator.user())));
        });
        given().when().get("/subjects/" + subject.slug).then()
                .body(containsString("Official reply from Candor · Handle " + moderator.user()));
    }

    @Test
    void everyAdminRouteIsForAdminsOnly() {
        Session customer = Session.customer();
        Session moderator = Session.moderator();
        for (String path : List.of("/admin", "/admin/policy", "/admin/rules", "/admin/canned", "/admin/offers",
                "/admin/offers/consistency", "/admin/roles", "/admin/providers", "/admin/canned/1", "/admin/offers/1")) {
            customer.request().when().get(path).then().statusCode(403);
            moderator.request().when().get(path).then().statusCode(403);
            Session.admin().request().when().get(path).then().statusCode(200);
        }
        long before = Steps.logSize();
        for (String path : List.of("/admin/policy", "/admin/policy/subject", "/admin/rules", "/admin/rules/test",
                "/admin/rules/1/retire", "/admin/canned", "/admin/canned/1", "/admin/canned/1/retire", "/admin/offers",
                "/admin/offers/1", "/admin/offers/1/retire", "/admin/roles/1")) {
            for (Session s : List.of(customer, moderator)) {
                s.form().formParam("pattern", "x").formParam("action", "HOLD").formParam("title", "x")
                        .formParam("body", "x").formParam("category", "x").formParam("allowedRole", "MODERATOR")
                        .formParam("name", "x").formParam("role", "ADMIN").formParam("mode", "PRE")
                        .when().post(path).then().statusCode(403);
            }
        }
        assertEquals(before, Steps.logSize());
        customer.request().when().get("/moderation/statements").then().statusCode(403);
        moderator.request().when().get("/moderation/statements").then().statusCode(200);
    }

    @Test
    void everyPolicyChangeWritesOnePolicyChangeEntry() {
        Session admin = Session.admin();
        List<Consumer<RequestSpecification>> changes = List.of(
                r -> r.formParam("pattern", TestData.unique("w")).formParam("action", "FLAG").post("/admin/rules"),
                r -> r.formParam("title", TestData.unique("t")).formParam("body", "b").formParam("category", "c")
                        .formParam("allowedRole", "MODERATOR").post("/admin/canned"),
                r -> r.formParam("name", TestData.unique("o")).formParam("description", "d")
                        .formParam("allowedRole", "MODERATOR").post("/admin/offers"));
        for (Consumer<RequestSpecification> change : changes) {
            long before = Steps.logSize();
            change.accept(admin.form());
            assertEquals(before + 1, Steps.logSize());
            assertEquals("POLICY_CHANGE", Steps.lastLogEntry().get("kind"));
        }
        long rule = ((Number) TestData.sql("select max(id) from word_rule")).longValue();
        long before = Steps.logSize();
        admin.form().when().post("/admin/rules/" + rule + "/retire").then().statusCode(303);
        assertEquals(before + 1, Steps.logSize());
        assertEquals("Word rule #" + rule + " retired", Steps.lastLogEntry().get("body"));
        // an edit keeps what was there before
        String title = TestData.unique("Versioned");
        admin.form().formParam("title", title).formParam("body", "First wording.").formParam("category", "c")
                .formParam("allowedRole", "MODERATOR").when().post("/admin/canned").then().statusCode(303);
        long canned = ((Number) TestData.sql("select id from canned_response where title = ?1", title)).longValue();
        admin.form().formParam("version", "0").formParam("title", title).formParam("body", "Second wording.")
                .formParam("category", "c").formParam("allowedRole", "MODERATOR")
                .when().post("/admin/canned/" + canned).then().statusCode(303);
        String detail = (String) TestData.sql("select detail from policy_version order by id desc limit 1");
        assertTrue(detail.contains("First wording.") && detail.contains("Second wording."), detail);
        admin.form().formParam("version", "0").formParam("title", title).formParam("body", "Stale wording.")
                .formParam("category", "c").formParam("allowedRole", "MODERATOR")
                .when().post("/admin/canned/" + canned).then().statusCode(409);
        // saving settings unchanged writes nothing
        before = Steps.logSize();
        withSettings(admin, Map.of(), () -> { });
        assertEquals(before, Steps.logSize());
        assertTrue(((Number) TestData.sql("select count(*) from policy_version")).longValue() >= 4);
    }

    @Test
    void twoAdminsSavingTheSameVersionChangeItOnceAndTheSecondIsTold() throws Exception {
        Session admin = Session.admin();
        Map<String, String> next = currentSettings();
        next.put("maxLinks", String.valueOf(Integer.parseInt(next.get("maxLinks")) + 1));
        long logSize = Steps.logSize();
        // another admin's save of the same version is under way; this one read the policy before it committed
        int status = org.candor.support.Contention.behind(
                "update moderation_policy set version = version + 1 where id = 1",
                () -> admin.form().formParams(next).when().post("/admin/policy").statusCode());
        assertEquals(409, status);
        assertEquals(logSize, Steps.logSize(), "no POLICY_CHANGE entry on the append-only log for a change never made");
        assertEquals(Integer.parseInt(next.get("maxLinks")) - 1,
                ((Number) TestData.sql("select max_links from moderation_policy where id = 1")).intValue());
    }

    // ---------------------------------------------------------------------------------------------------------------


    static Map<String, String> currentSettings() {
        Object[] row = (Object[]) TestData.sql("""
                select version, mode, hold_first_posts, hold_new_account_days, max_links, posts_per_minute,
                    target_low_minutes, target_mid_minutes, target_high_minutes, staff_in_public, words_in_public
                from moderation_policy where id = 1""");
        String[] names = { "version", "mode", "holdFirstPosts", "holdNewAccountDays", "maxLinks", "postsPerMinute",
                "targetLowMinutes", "targetMidMinutes", "targetHighMinutes", "staffInPublic", "wordsInPublic" };
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            settings.put(names[i], String.valueOf(row[i]));
        }
        return settings;
    }

    private static long addRule(String pattern, boolean regex, String action) {
        Session.admin().form().formParam("pattern", pattern).formParam("regex", Boolean.toString(regex))
                .formParam("action", action).when().post("/admin/rules").then().statusCode(303);
        return ((Number) TestData.sql("select id from word_rule where pattern = ?1", pattern)).longValue();
    }

    /** Runs {@code body} with some settings changed through the admin form, then puts them back. */
    private static void withSettings(Session admin, Map<String, String> changed, Runnable body) {
        Map<String, String> original = currentSettings();
        Map<String, String> next = new java.util.LinkedHashMap<>(original);
        next.putAll(changed);
        admin.form().formParams(next).when().post("/admin/policy").then().statusCode(303);
        try {
            body.run();
        } finally {
            if (!changed.isEmpty()) {
                Map<String, String> back = new java.util.LinkedHashMap<>(original);
                back.put("version", String.valueOf(TestData.sql("select version from moderation_policy where id = 1")));
                admin.form().formParams(back).when().post("/admin/policy").then().statusCode(303);
            }
        }
    }

    private static int number(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\">");
        assertTrue(at > 0, id + " not on the page");
        String rest = page.substring(at + id.length() + 6);
        return Integer.parseInt(rest.substring(0, rest.indexOf('<')));
    }
}
