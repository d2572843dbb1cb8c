package org.candor.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Listen mode (#17, item 1): subscriptions, live alerts, e-mail at once or in digests, in the moderator's zone. */
@QuarkusTest
class AlertsTest {

    @TestHTTPResource("/moderation/alerts/events")
    URI events;

    @Inject
    Alerts alerts;

    @Inject
    AlertMail mail;

    @Inject
    Incidents incidents;

    @Test
    void aModeratorSubscribedToAPhraseHearsOfAMatchingReviewLiveAndOnlyThen() throws Exception {
        Subject subject = TestData.subject("Alert phrase");
        Session mod = Session.moderatorOf(subject);
        subscribe(mod, "WORDS", "arrived broken", null, null).statusCode(303);
        Session other = Session.moderatorOf(subject);

        try (QueueLiveTest.Listener listener = new QueueLiveTest.Listener(events, mod);
                QueueLiveTest.Listener otherListener = new QueueLiveTest.Listener(events, other)) {
            long start = System.nanoTime();
            long review = Steps.post(Session.customer(), subject, 2, "The lamp ARRIVED BROKEN, twice. Sad.");
            assertEquals("alert", listener.next(1000));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs < 1000, "alert after " + elapsedMs + " ms");
            assertNull(otherListener.poll(300), "a moderator who did not subscribe hears nothing");
            // words match whole words only
            Steps.post(Session.customer(), subject, 2, "It arrived brokenhearted staff, fine lamp otherwise.");
            assertNull(listener.poll(500));

            String page = mod.request().get("/moderation/alerts").then().statusCode(200)
                    .body(containsString("«arrived broken»")).body(containsString("ARRIVED BROKEN, twice"))
                    .body(containsString("Alerts (1 new)")).extract().asString();
            assertTrue(page.contains("/moderation/items/") || page.contains("/moderation/reviews/" + review), page);
            mod.request().get("/moderation/alerts/count").then().statusCode(200).header("X-Alerts", "1")
                    .body(containsString("Alerts (1 new)"));
            mod.form().formParam("upTo", "").post("/moderation/alerts/seen").then().statusCode(303);
            mod.request().get("/moderation/alerts/count").then().header("X-Alerts", "0");
        }
    }

    @Test
    void ratingsReportsAndOverdueItemsRaiseAlertsInScopeOnly() {
        Subject mine = TestData.subject("Alert mine");
        Subject theirs = TestData.subject("Alert theirs");
        Session mod = Session.moderatorOf(mine);
        subscribe(mod, "RATING", null, "2", null).statusCode(303);
        subscribe(mod, "REPORTS", null, null, null).statusCode(303);
        subscribe(mod, "OVERDUE", null, null, String.valueOf(mine.id)).statusCode(303);

        long low = Steps.post(Session.customer(), mine, 1, "One star: the hinge snapped.");
        Steps.post(Session.customer(), mine, 4, "Four stars, a good hinge.");
        Steps.post(Session.customer(), theirs, 1, "One star, but not on a subject this moderator moderates.");
        long reported = Steps.post(Session.customer(), mine, 5, "Five stars and a link to my shop.");
        Session reader = Session.customer();
        reader.form().formParam("reason", "SPAM").post("/subjects/" + mine.slug + "/reviews/" + reported + "/report")
                .then().statusCode(303);
        long overdue = Steps.item(low, "REPLY");
        Instant due = Instant.now().minusSeconds(30);
        TestData.update("update queue_item set due_at = ?2 where id = ?1", overdue, due);
        assertTrue(alerts.overdue(due.minusSeconds(1), Instant.now()) >= 1, "the item is found overdue");

        awaitAlerts(mod, 3);
        List<Object> kinds = TestData.sqlList("select kind from alert where account_id = ?1 order by kind", mod.accountId());
        assertEquals(List.of("OVERDUE", "RATING", "REPORTS"), kinds);
        mod.request().get("/moderation/alerts").then().body(containsString("the hinge snapped"))
                .body(containsString("Reports")).body(containsString("Items past the response target"))
                .body(not(containsString("not on a subject this moderator moderates")));
    }

    @Test
    void theScriptedSurgeAlertsTheSubscribedModeratorLiveWithinASecondAndByEmail() throws Exception {
        Subject subject = TestData.subject("Alert surge");
        Session mod = Session.moderatorOf(subject);
        String address = mod.giveEmail();
        subscribe(mod, "INCIDENTS", null, null, null).statusCode(303);
        settings(mod, "IMMEDIATE", "UTC", "09:00", "", "", "en").statusCode(303);
        IncidentsTest.quietBaseline(subject, IncidentsTest.AT);
        IncidentsTest.surge(subject, IncidentsTest.AT);

        try (QueueLiveTest.Listener listener = new QueueLiveTest.Listener(events, mod)) {
            long start = System.nanoTime();
            Optional<Long> opened = incidents.watch(subject.id, IncidentsTest.AT);
            assertTrue(opened.isPresent());
            assertEquals("alert", listener.next(1000));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs < 1000, "alert after " + elapsedMs + " ms");

            awaitAlerts(mod, 1);
            mail.sendDue(Instant.now().plusSeconds(1));
            assertEquals(1L, mails(address));
            String body = (String) TestData.sql("select body from mail_outbox where to_address = ?1 order by id desc "
                    + "limit 1", address);
            assertTrue(body.contains("Incidents (unusual activity) · Alert surge"), body);
            assertTrue(body.contains("/moderation/incidents/" + opened.get()), body);
            assertEquals("Candor: 1 alert", TestData.sql("select subject from mail_outbox where to_address = ?1 "
                    + "order by id desc limit 1", address));
            mail.sendDue(Instant.now().plusSeconds(1));
            assertEquals(1L, mails(address), "each alert is e-mailed once");
        }
    }

    @Test
    void aDigestGoesAtTheModeratorsLocalTimeOutsideQuietHoursInTheirLanguage() {
        Subject subject = TestData.subject("Alert digest");
        Session mod = Session.moderatorOf(subject);
        String address = mod.giveEmail();
        subscribe(mod, "RATING", null, "1", null).statusCode(303);
        // Kolkata (UTC+05:30): digests at 06:00 and 18:00, quiet from 22:00 to 07:00 (the 06:00 digest waits for 07:00)
        settings(mod, "DIGEST", "Asia/Kolkata", "06:00, 18:00", "22:00", "07:00", "es").statusCode(303);
        long first = TestData.publishedReview(subject, TestData.account("Dee", org.candor.account.Role.CUSTOMER), 1,
                "Una estrella: no funciona.").id;
        long second = TestData.publishedReview(subject, TestData.account("Dan", org.candor.account.Role.CUSTOMER), 1,
                "Otra estrella: tampoco.").id;
        // The live path raised both already, at the real time; set those aside (their e-mail is not due, and what they
        // are about renamed, so that the same reviews can be matched again) and raise them at fixed moments: 13:00 UTC
        // (18:30 in Kolkata, after the 18:00 digest) and 17:00 UTC (22:30 there, quiet)
        awaitAlerts(mod, 2);
        TestData.update("update alert set mail_due_at = null, about = about || ':live' where account_id = ?1",
                mod.accountId());
        Instant evening = Instant.parse("2027-06-03T13:00:00Z");
        assertEquals(1, alerts.match(new Alerts.Source.Review(first), evening));
        assertEquals(1, alerts.match(new Alerts.Source.Review(second), evening.plus(Duration.ofHours(4))));
        Instant expected = Instant.parse("2027-06-04T01:30:00Z"); // 07:00 in Kolkata
        List<Object> due = TestData.sqlList("select mail_due_at from alert where account_id = ?1 and mail_due_at is not null",
                mod.accountId());
        assertEquals(2, due.size());
        for (Object d : due) {
            assertEquals(expected, instant(d));
        }
        mail.sendDue(expected.minusSeconds(1));
        assertEquals(0L, mails(address), "nothing before the digest");
        mail.sendDue(expected);
        assertEquals(1L, mails(address), "one digest with both");
        assertEquals("Resumen de Candor: 2 alertas", TestData.sql(
                "select subject from mail_outbox where to_address = ?1 order by id desc limit 1", address));
        String body = (String) TestData.sql("select body from mail_outbox where to_address = ?1 order by id desc limit 1",
                address);
        assertTrue(body.contains("Valoraciones bajas · Alert digest") && body.contains("no funciona")
                && body.contains("tampoco"), body);
    }

    @Test
    void badSettingsAndSubscriptionsAreRefusedWithAMessageAndWhatWasTypedKept() {
        Session mod = Session.moderator();
        settings(mod, "DIGEST", "Mars/Olympus", "25:00", "22:00", "", "en").statusCode(400)
                .body(containsString("Choose a time zone from the list.")).body(containsString("value=\"25:00\""))
                .body(containsString("Give one to twelve times of day"))
                .body(containsString("Quiet hours need both a start and an end"));
        subscribe(mod, "WORDS", " ", null, null).statusCode(400).body(containsString("Give a word or phrase"));
        subscribe(mod, "RATING", null, "9", null).statusCode(400).body(containsString("Choose a rating from 1 to 5"));
        subscribe(mod, "WORDS", "refund", null, "999999999").statusCode(400)
                .body(containsString("Choose one of the subjects you moderate")).body(containsString("value=\"refund\""));
        subscribe(mod, "NOPE", null, null, null).statusCode(400).body(containsString("Choose what to be alerted to"));
        mod.form().post("/moderation/alerts/subscriptions/999999999/end").then().statusCode(404);
        // a subscription is ended, never deleted
        subscribe(mod, "APPEALS", null, null, null).statusCode(303);
        long id = ((Number) TestData.sql("select max(id) from alert_subscription where account_id = ?1", mod.accountId()))
                .longValue();
        mod.form().post("/moderation/alerts/subscriptions/" + id + "/end").then().statusCode(303);
        assertTrue(TestData.sql("select ended_at from alert_subscription where id = ?1", id) != null);
        mod.request().get("/moderation/alerts/settings").then().statusCode(200)
                .body(containsString("Nothing yet: add a subscription below."));
        Session.customer().request().get("/moderation/alerts").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse subscribe(Session s, String kind, String words,
            String maxRating, String subject) {
        var form = s.form().formParam("kind", kind);
        if (words != null) {
            form.formParam("words", words);
        }
        if (maxRating != null) {
            form.formParam("maxRating", maxRating);
        }
        if (subject != null) {
            form.formParam("subject", subject);
        }
        return form.post("/moderation/alerts/subscriptions").then();
    }

    private static io.restassured.response.ValidatableResponse settings(Session s, String email, String zone,
            String times, String quietFrom, String quietTo, String language) {
        return s.form().formParam("email", email).formParam("zone", zone).formParam("times", times)
                .formParam("quietFrom", quietFrom).formParam("quietTo", quietTo).formParam("language", language)
                .post("/moderation/alerts/settings").then();
    }

    private static long mails(String address) {
        return ((Number) TestData.sql("select count(*) from mail_outbox where to_address = ?1", address)).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    /** Alerts are raised after commit, off the request: wait (at most 5 s) until this moderator has {@code n}. */
    private static void awaitAlerts(Session s, int n) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ((Number) TestData.sql(
                "select count(*) from alert where account_id = ?1", s.accountId())).longValue() >= n);
    }
}
