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
}
