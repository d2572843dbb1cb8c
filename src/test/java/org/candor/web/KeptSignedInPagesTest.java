package org.candor.web;

import static org.candor.support.SubjectPages.form;
import static org.candor.support.SubjectPages.list;
import static org.candor.support.SubjectPages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.candor.subject.Subject;
import org.candor.support.Headers;
import org.candor.support.Metrics;
import org.candor.support.Session;
import org.candor.support.TestData;

/**
 * A customer's subject page is answered from memory (ahead of Quarkus' security and REST layers) only while what it
 * was made from holds, and then it is exactly the page the resource renders: same bytes, same headers. Nothing of one
 * customer's page — name, CSRF token, own review — reaches another's.
 */
@QuarkusTest
class KeptSignedInPagesTest {

    @Inject
    KeptSignedInPages kept;

    @Test
    void theAnswerFromMemoryIsThePageTheResourceGives() {
        Subject subject = TestData.subject("Kept answer");
        String page = "/subjects/" + subject.slug;
        Session ann = Session.customer();
        write(ann, page, "5", "Ann's title", "Ann & <her> words.");

        long hits = kept.hits();
        double unremembered = Metrics.value("candor_kept_declined_total{reason=\"not-remembered\"}");
        Response rendered = ann.request().get(page);
        assertEquals(hits, kept.hits(), "the first view is rendered");
        assertTrue(Metrics.value("candor_kept_declined_total{reason=\"not-remembered\"}") >= unremembered + 1,
                "operators read why a page was rendered: nothing remembered for it yet");
        Response answered = ann.request().get(page);
        assertEquals(hits + 1, kept.hits(), "the second is answered from memory");
        assertTrue(Metrics.value("candor_kept_answers_total") >= kept.hits(),
                "operators read how many pages were answered from memory");

        assertEquals(200, answered.statusCode());
        assertEquals(rendered.asString(), answered.asString());
        assertEquals(Headers.withoutDate(rendered), Headers.withoutDate(answered));
        Headers.assertCookieDatesAgree(answered);
        assertTrue(answered.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", answered.getHeader("X-Content-Type-Options"), "Quarkus' own headers are on it");
        String csrf = answered.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .findFirst().orElse(null);
        assertNotNull(csrf, "the CSRF cookie is renewed, as the CSRF filter does");
        assertTrue(csrf.contains("SameSite=Lax") && csrf.toLowerCase(java.util.Locale.ROOT).contains("httponly"), csrf);
        assertTrue(answered.asString().contains("Ann &amp; &lt;her&gt; words."), "her form, her words, escaped");

        // the form of a page answered from memory is accepted
        write(ann, page, "4", "Ann's title", "Ann changed her mind a little.");
        String after = ann.request().get(page).asString();
        assertTrue(after.contains("Ann changed her mind a little."), "her edit, at once");
    }

    @Test
    void twoCustomersOnOnePageKeepTheirOwnParts() {
        Subject subject = TestData.subject("Kept apart");
        String page = "/subjects/" + subject.slug;
        Session bea = Session.customer();
        Session cal = Session.customer();
        write(bea, page, "2", "Bea's", "Bea did not like it.");
        write(cal, page, "5", "Cal's", "Cal loved every minute.");
        // Cal marks Bea's review helpful: the count is on the list everyone reads
        Object beas = TestData.sql("select id from review where subject_id = ?1 and author_id = ?2", subject.id,
                bea.accountId());
        cal.form().formParam("helpful", "true").post(page + "/reviews/" + beas + "/helpful").then().statusCode(303);

        long hits = kept.hits();
        for (int round = 0; round < 3; round++) {
            String forBea = bea.request().get(page).then().statusCode(200).extract().asString();
            String forCal = cal.request().get(page).then().statusCode(200).extract().asString();
            assertTrue(form(forBea).contains("Bea did not like it.") && !form(forBea).contains("Cal loved"), forBea);
            assertTrue(form(forCal).contains("Cal loved every minute.") && !form(forCal).contains("Bea did not"), forCal);
            assertTrue(forBea.contains(bea.cookies().get("csrf-token")) && !forBea.contains(cal.cookies().get("csrf-token")));
            assertTrue(forCal.contains(cal.cookies().get("csrf-token")) && !forCal.contains(bea.cookies().get("csrf-token")));
            assertEquals(name(bea), who(forBea), "each header names its reader");
            assertEquals(name(cal), who(forCal));
            // the list both read is the one shared part: the same for both
            assertEquals(list(forBea), list(forCal));
            assertTrue(list(forBea).contains("1 person found this helpful"), list(forBea));
        }
        assertEquals(hits + 4, kept.hits(), "after each one's first view, every view was answered from memory");
    }

    @Test
    void whatNoLongerHoldsIsRenderedAgain() {
        Subject subject = TestData.subject("Kept while it holds");
        String page = "/subjects/" + subject.slug;
        Session dan = Session.customer();
        Session eve = Session.customer();
        dan.request().get(page).then().statusCode(200);
        long hits = kept.hits();
        dan.request().get(page).then().statusCode(200);
        assertEquals(hits + 1, kept.hits());

        // the subject changes: another customer's review shows at once
        write(eve, page, "3", "Eve's", "Eve posted while Dan was reading.");
        String after = dan.request().get(page).asString();
        assertEquals(hits + 1, kept.hits(), "rendered: the shared part it was made from is stale");
        assertTrue(after.contains("Eve posted while Dan was reading."));

        // Dan's own post waits for a moderator: his next page shows it to him, and his form holds it
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        write(dan, page, "1", "Dan's", "Words by Dan wait for a moderator.");
        String waiting = dan.request().get(page).asString();
        assertTrue(list(waiting).contains("Words by Dan wait for a moderator."), list(waiting));
        assertTrue(form(waiting).contains("Words by Dan wait for a moderator."), form(waiting));
        assertFalse(eve.request().get(page).asString().contains("Words by Dan"), "his only");

        // Dan renames himself: his next page says so
        dan.form().formParam("displayName", "Daniel the Reader").post("/me/profile").then().statusCode(303);
        String renamed = dan.request().get(page).asString();
        assertTrue(renamed.contains("Daniel the Reader"), renamed);
        assertTrue(dan.request().get(page).asString().contains("Daniel the Reader"));

        // a page with a one-time message is rendered, message and all
        String withFlash = dan.request().cookie("candor_flash", "flash_review_posted").get(page).asString();
        assertTrue(withFlash.contains("class=\"flash"), "the message is shown");

        // a browser without a CSRF cookie is given one by the CSRF filter, as on any page
        Map<String, String> noCsrf = new java.util.HashMap<>(dan.cookies());
        noCsrf.remove("csrf-token");
        long before = kept.hits();
        Response fresh = io.restassured.RestAssured.given().cookies(noCsrf).get(page);
        assertEquals(before, kept.hits());
        assertNotNull(fresh.getCookie("csrf-token"));

        // promoted to moderator: the page is the staff page, never the customer's kept one
        TestData.update("update account set role = 'MODERATOR', staff_handle = ?1 where id = ?2", "Mod " + dan.user(),
                dan.accountId());
        long beforePromotion = kept.hits();
        for (int i = 0; i < 2; i++) {
            dan.request().get(page).then().statusCode(200);
        }
        assertEquals(beforePromotion, kept.hits(), "staff pages are always rendered");
    }

    @Test
    void aCustomersWordsAreReadAgainOnceDueWhileThePageIsAnsweredFromMemory() {
        readOnceDue("Kept and read again", true, 1);
    }

    @Test
    void wordsMemoryCannotVouchForAreReadOnceOnAWorkerThreadWhileThePageIsAnswered() {
        // memory cannot tell, so only the reading on a worker thread (the database) can find them the same
        readOnceDue("Kept and read on a worker", false, 3);
    }

    /**
     * A customer's remembered page made due ({@code fromMemory}: their words checked from memory, else read on a
     * worker thread) is answered from memory {@code whileDue} times while they are read, found the same once, and
     * then not due again for a while.
     */
    private void readOnceDue(String subjectName, boolean fromMemory, int whileDue) {
        Subject subject = TestData.subject(subjectName);
        String page = "/subjects/" + subject.slug;
        Session fay = Session.customer();
        String words = "Words by Fay, on " + subjectName + ".";
        write(fay, page, "4", "Fay's", words);
        fay.request().get(page).then().statusCode(200);
        long hits = kept.hits();
        String found = "candor_kept_rechecks_total{found=\"same\"}";
        double same = Metrics.value(found);

        kept.dueNow(fromMemory);
        for (int i = 0; i < whileDue; i++) {
            String answered = fay.request().get(page).asString();
            assertTrue(form(answered).contains(words), form(answered));
        }
        assertEquals(hits + whileDue, kept.hits(), "a due page is still answered from memory while it is read");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Metrics.value(found) >= same + 1);
        // found the same: kept, and not due again for a while (no second reading)
        fay.request().get(page).then().statusCode(200);
        fay.request().get(page).then().statusCode(200);
        assertEquals(hits + whileDue + 2, kept.hits(), "after the reading, still answered from memory");
        assertEquals(same + 1, Metrics.value(found), "read once");
    }

    private static String name(Session who) {
        return (String) TestData.sql("select display_name from account where id = ?1", who.accountId());
    }

    /** The name in the page's header. */
    private static String who(String html) {
        String marker = "<a href=\"/me/profile\" class=\"who\">";
        int at = html.indexOf(marker) + marker.length();
        return html.substring(at, html.indexOf("</a>", at));
    }

}
