package org.candor.transparency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.publiclog.SignedNote;
import org.candor.publiclog.Verifier;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * {@code /transparency} over HTTP: every post received is on the log, the page and its downloads show the numbers, and
 * the verifier recomputes the served report from the log and names a figure that was changed.
 */
@QuarkusTest
class TransparencyPageTest {

    @jakarta.inject.Inject
    TransparencyIndex index;

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Test
    void everyPostReceivedIsOnTheLogAndCountedInTheReport() {
        Subject subject = TestData.subject("Counted");
        long before = received("received.reviews");
        long heldBefore = received("received.held");
        long reportsBefore = received("reports.received");
        long review = Steps.post(Session.customer(), subject, 2, "Counted once, published at once.");
        Session.customer().form().formParam("reason", "SPAM").post("/subjects/" + subject.slug + "/reviews/" + review
                + "/report").then().statusCode(303);
        Subject held = TestData.subject("Counted held");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", held.id);
        long heldReview = Steps.post(Session.customer(), held, 4, "Counted once, held.");
        Steps.sequenced();
        // on the log: kind, subject, rating, a commitment to the text; no text
        assertEquals("RECEIVED", TestData.sql("select kind from log_entry where review_id = ?1 and kind like 'RECEIVED%'",
                review));
        assertEquals(2, ((Number) TestData.sql("select rating from log_entry where review_id = ?1 and kind = 'RECEIVED'",
                review)).intValue());
        assertEquals("RECEIVED_HELD", TestData.sql("select kind from log_entry where review_id = ?1 and kind like 'RECEIVED%'",
                heldReview));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from log_text t join log_entry e on e.seq = t.seq "
                + "where e.review_id in (?1, ?2) and e.kind like 'RECEIVED%'", review, heldReview)).longValue());
        assertEquals(before + 2, received("received.reviews"));
        assertEquals(heldBefore + 1, received("received.held"));
        assertEquals(reportsBefore + 1, received("reports.received"));
    }

    @Test
    void theReportIsServedFromMemoryUntilTheLogGrows() {
        String page = "/transparency?period=" + TODAY.substring(0, 7);
        Steps.sequenced();
        // kept: asked again with its ETag, it is not sent again (other tests' entries may still arrive meanwhile,
        // each making the page stale once: so the question is asked until the log stands still between two views)
        String[] kept = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            kept[0] = given().get(page).then().statusCode(200).extract().header("ETag");
            return kept[0] != null && given().header("If-None-Match", kept[0]).get(page).statusCode() == 304;
        });
        String first = kept[0];
        String received = "received.reviews";
        long before = received(received);
        Steps.post(Session.customer(), TestData.subject("Recounted"), 3, "A post that moves the report.");
        Steps.sequenced();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).until(
                () -> !first.equals(given().get(page).then().statusCode(200).extract().header("ETag")));
        assertEquals(before + 1, received(received));
        // a reader who names a period that is not one gets the form again with a message, never a kept page
        given().get("/transparency?period=2026-13").then().statusCode(400);
        given().get("/transparency?period=2026-13").then().statusCode(400);
    }

    @Test
    void thePageWorksWithoutJavaScriptInBothLanguagesWithDownloads() {
        Steps.post(Session.customer(), TestData.subject("Charted"), 5, "A review for the chart.");
        Steps.sequenced();
        given().get("/transparency").then().statusCode(200)
                .body(containsString("Transparency report"))
                .body(containsString("The same for every rating"))
                .body(containsString("<svg"))
                .body(containsString("First official replies"))
                .body(containsString("transparency.json"))
                .body(not(containsString("<script")));
        given().header("Accept-Language", "es").get("/transparency").then().statusCode(200)
                .body(containsString("Informe de transparencia"));
        given().get("/").then().body(containsString("href=\"/transparency\""));
        String quarter = LocalDate.now(ZoneOffset.UTC).getYear() + "-Q" + ((LocalDate.now(ZoneOffset.UTC).getMonthValue() - 1) / 3 + 1);
        given().get("/transparency?period=" + quarter).then().statusCode(200).body(containsString(quarter));
        given().get("/transparency?period=last-week").then().statusCode(400).body(containsString("a month (2026-01)"));
        given().get("/transparency?from=2026-05-01&to=2025-01-01").then().statusCode(400)
                .body(containsString("at most a year"));
        given().get("/transparency.json?period=nonsense").then().statusCode(400);
        given().get("/transparency.csv?from=" + TODAY + "&to=" + TODAY).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("figure,value")).body(containsString("received.reviews,"));
    }

    @Test
    void theVerifierRecomputesTheServedReportAndNamesAChangedFigure() throws Exception {
        Subject subject = TestData.subject("Recomputed");
        long review = Steps.post(Session.customer(), subject, 1, "Recompute me.");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "reply", "body", "We are sorry.").statusCode(303);
        Steps.sequenced();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Verifier verifier = new Verifier(SignInBrowser.base(), SignedNote.verifierKey(
                given().get("/api/log/public-key").then().extract().jsonPath().getString("verifierKey")));
        Verifier.Result ok = verifier.report(today.withDayOfMonth(1), today);
        assertTrue(ok.ok(), ok.message());

        String served = given().get("/transparency.json?from=" + today.withDayOfMonth(1) + "&to=" + today).asString();
        JsonPath json = new JsonPath(served);
        assertTrue(json.getLong("'decisions.replied'") >= 1, served);
        String changed = served.replaceFirst("\"decisions\\.replied\":(\\d+)",
                "\"decisions.replied\":" + (json.getLong("'decisions.replied'") + 1));
        Verifier.Result fail = verifier.compareReport(changed, today.withDayOfMonth(1), today);
        assertFalse(fail.ok());
        assertTrue(fail.message().contains("decisions.replied"), fail.message());
    }

    @Test
    void aSubjectSaysHowOftenAndHowFastItsNegativeReviewsAreAnsweredAndItsNumbersRecompute() throws Exception {
        Subject subject = TestData.subject("Answered");
        long review = Steps.post(Session.customer(), subject, 1, "It broke on day one.");
        Steps.post(Session.customer(), subject, 2, "Meh, and nobody answered.");
        Steps.post(Session.customer(), subject, 5, "Lovely.");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "reply", "body", "We are sending a new one.")
                .statusCode(303);
        Steps.sequenced();
        index.catchUp(); // the first reading of the whole log is the scheduler's; a subject page never waits for it
        given().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("Replies to 50 % of negative reviews, typically within 1 min (last 12 months)."))
                .body(containsString("/transparency?subject=" + subject.slug));
        given().get("/api/subjects/" + subject.slug + "/replies").then().statusCode(200)
                .body("negativeReviews", org.hamcrest.Matchers.equalTo(2))
                .body("answered", org.hamcrest.Matchers.equalTo(1))
                .body("answeredPercent", org.hamcrest.Matchers.equalTo(50));
        given().get("/api/subjects/no-such-subject/replies").then().statusCode(404);
        given().get("/transparency?subject=" + subject.slug).then().statusCode(200)
                .body(containsString("Only what concerns Answered"));
        given().get("/transparency?subject=no-such-subject").then().statusCode(404);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath json = given().get("/transparency.json?subject=" + subject.slug + "&from=" + today + "&to=" + today)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, json.getLong("'received.reviews'"));
        assertEquals(1, json.getLong("'decisions.replied'"));
        Verifier verifier = new Verifier(SignInBrowser.base(), SignedNote.verifierKey(
                given().get("/api/log/public-key").then().extract().jsonPath().getString("verifierKey")));
        Verifier.Result ok = verifier.report(today, today, subject.slug);
        assertTrue(ok.ok(), ok.message());
    }

    @Test
    void aPageKeptBeforeTheLogNumberedANegativeReviewShowsItsLineOnceTheLogHasIt() {
        Subject subject = TestData.subject("Numbered late");
        String page = "/subjects/" + subject.slug;
        String line = "Replies to 0 % of negative reviews";
        // the review's commit is heard at once; the log numbers it up to a second later: a page rendered in between,
        // for visitors and as the shared part of customers' pages, has no line yet, and is kept
        Steps.post(Session.customer(), subject, 1, "It stopped working after a week.");
        given().get(page).then().statusCode(200);
        Session.customer().request().get(page).then().statusCode(200);
        Steps.sequenced();
        index.catchUp();
        given().get(page).then().statusCode(200).body(containsString(line));
        Session.customer().request().get(page).then().statusCode(200).body(containsString(line));
    }

    @Test
    void moderatorsSeeTheShareWithinTargetAndTheOldestWaitingPerBand() {
        Subject subject = TestData.subject("Banded");
        Steps.post(Session.customer(), subject, 1, "Waiting in the low band.");
        Session.moderatorOf(subject).request().get("/moderation").then().statusCode(200)
                .body(containsString("Waiting, by rating"))
                .body(containsString("First replies within their target over the last 30 days"))
                .body(containsString("1–2 stars: 1 waiting"));
    }

    private static long received(String figure) {
        Steps.sequenced();
        return given().get("/transparency.json?from=" + TODAY + "&to=" + TODAY).then().statusCode(200).extract()
                .jsonPath().getLong("'" + figure + "'");
    }
}
