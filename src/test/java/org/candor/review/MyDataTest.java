package org.candor.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** "My data" (#16, item 8, first part): a customer takes away everything Candor holds about them, and only that. */
@QuarkusTest
class MyDataTest {

    @Test
    void aCustomerDownloadsEverythingHeldAboutThemAndCanOpenTheLogsCommitmentToTheirReview() throws Exception {
        Subject subject = TestData.subject("My data");
        Session me = Session.customer();
        String email = me.giveEmail();
        long review = Steps.post(me, subject, 2, "First words.");
        me.form().formParam("rating", "3").formParam("body", "Second thoughts.")
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/edit").then().statusCode(303);
        me.form().formParam("body", "A comment of mine.")
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/comments").then().statusCode(303);
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "annotate", "text", "Context from us.").statusCode(303);
        long other = Steps.post(Session.customer(), TestData.subject("Not mine"), 5, "Someone else's words.");
        me.form().formParam("reason", "SPAM").post("/subjects/" + TestData.sql("select s.slug from subject s join review r "
                + "on r.subject_id = s.id where r.id = ?1", other) + "/reviews/" + other + "/report").then().statusCode(303);
        Steps.sequenced();

        var response = me.request().get("/me/data").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract();
        JsonPath data = response.jsonPath();
        assertEquals(email, data.getString("account.email"));
        assertEquals(List.of("First words.", "Second thoughts."), data.getList("reviewVersions.body"));
        assertEquals(List.of("A comment of mine."), data.getList("comments.body"));
        assertEquals(List.of("SPAM"), data.getList("reports.reason"));
        assertTrue(data.getList("toldByModerators.action").contains("ANNOTATION"));
        assertEquals(List.of("LABEL"), data.getList("statementsOfReasons.restriction"));
        assertFalse(response.asString().contains("Someone else's words."), "nobody else's posts");

        // the salt opens the log's commitment to what they wrote: SHA-256(salt || text) is in the RECEIVED leaf
        List<Map<String, Object>> salts = data.getList("logCommitmentSalts");
        Map<String, Object> received = salts.stream().filter(s -> "RECEIVED".equals(s.get("kind"))
                && s.get("commentId") == null).findFirst().orElseThrow();
        byte[] salt = HexFormat.of().parseHex((String) received.get("salt"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        byte[] commitment = sha.digest("First words.".getBytes(StandardCharsets.UTF_8));
        byte[] logged = (byte[]) TestData.sql("select content_commitment from log_entry where seq = ?1",
                ((Number) received.get("seq")).longValue());
        assertEquals(HexFormat.of().formatHex(logged), HexFormat.of().formatHex(commitment));

        given().redirects().follow(false).get("/me/data").then().statusCode(303);
    }

    @Test
    void aCustomerClosesTheirAccountKeepingTheirPostsAsAFormerCustomer() {
        Subject subject = TestData.subject("Closing, kept");
        Session me = Session.customer();
        long account = me.accountId();
        String name = TestData.accountOf("google", me.user()).displayName;
        long review = Steps.post(me, subject, 4, "Kept after I leave.");
        me.form().formParam("posts", "KEEP").post("/me/close").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("Tick the box"));
        List<String> cookies = me.form().formParam("posts", "KEEP").formParam("confirm", "yes").post("/me/close").then()
                .statusCode(303).extract().headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("candor_session=;")), "signed out: " + cookies);
        TestData.settle();

        String page = given().get("/subjects/" + subject.slug + "/reviews/" + review).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Kept after I leave.") && page.contains("A former customer"), "kept, unnamed");
        assertFalse(page.contains(name));
        // the old session no longer signs anyone in, and the sign-in makes a new, empty account
        me.request().get("/me").then().statusCode(org.hamcrest.Matchers.not(200));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from account_identity where account_id = ?1 and provider <> 'closed'", account))
                .longValue());
        assertTrue(TestData.sql("select closed_at from account where id = ?1", account) != null);
        Session again = Session.signInAs("google", me.user());
        assertTrue(again.accountId() != account, "a new account");
    }

    @Test
    void closingWithErasureLeavesNoTextBehindAndTheLogStillVerifies() throws Exception {
        Subject subject = TestData.subject("Closing, erased");
        Session me = Session.customer();
        String secret = "Unforgettable " + TestData.unique("words") + " about me";
        long review = Steps.post(me, subject, 1, secret + ", first.");
        me.form().formParam("rating", "2").formParam("body", secret + ", edited.")
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/edit").then().statusCode(303);
        me.form().formParam("body", secret + " in a comment.")
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/comments").then().statusCode(303);
        Steps.sequenced();
        String rootBefore = given().get("/log/checkpoint").asString().split("\n")[2];
        long size = Steps.logSize();

        me.form().formParam("posts", "ERASE").formParam("confirm", "yes").post("/me/close").then().statusCode(303);
        TestData.settle();

        for (String table : List.of("review:body", "review:title", "review_version:body", "comment:body",
                "mail_outbox:body", "author_notice:message", "log_text:text")) {
            String[] t = table.split(":");
            assertEquals(0L, ((Number) TestData.sql("select count(*) from " + t[0] + " where " + t[1] + " like ?1",
                    "%" + secret + "%")).longValue(), "no text left in " + table);
        }
        assertEquals(0L, ((Number) TestData.sql("""
                select count(*) from log_content_salt s join log_entry e on e.seq = s.seq
                where e.review_id = ?1 and s.salt is not null""", review)).longValue(), "the commitments can no longer be opened");
        given().get("/subjects/" + subject.slug + "/reviews/" + review).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret)));
        // the log did not change: same entries, same tree
        Steps.sequenced();
        assertEquals(size, Steps.logSize());
        String checkpoint = given().get("/log/checkpoint").asString();
        assertEquals(rootBefore, checkpoint.split("\\n")[2], "same tree");
        org.candor.publiclog.Verifier.Result verified = new org.candor.publiclog.Verifier(
                org.candor.support.SignInBrowser.base(), org.candor.publiclog.SignedNote.verifierKey(given()
                        .get("/api/log/public-key").then().extract().jsonPath().getString("verifierKey"))).check(null);
        assertTrue(verified.ok(), verified.message());
    }
}
