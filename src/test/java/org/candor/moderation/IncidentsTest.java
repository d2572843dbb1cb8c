package org.candor.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Unusual activity and incidents (#17, items 2 and 3), judged at fixed moments: a fixed clock for the detector. */
@QuarkusTest
class IncidentsTest {

    /** A Wednesday morning, the moment every window below ends at. */
    static final Instant AT = Instant.parse("2026-06-03T10:00:00Z");

    @Inject
    Incidents incidents;

    @Inject
    UnusualActivity detector;

    @Test
    void aSurgeOfOneStarReviewsFromNewAccountsOpensAnIncidentAndChecksNewReviewsFirst() {
        Subject subject = TestData.subject("Surge kettle");
        quietBaseline(subject, AT);
        surge(subject, AT);

        Optional<Long> opened = incidents.watch(subject.id, AT);
        assertTrue(opened.isPresent(), "an incident");
        assertEquals("PRE", TestData.sql("select moderation_mode from subject where id = ?1", subject.id));
        Incidents.Incident incident = incidents.one(opened.get()).orElseThrow();
        assertEquals("OPEN", incident.status());
        UnusualActivity.Signals signals = detector.check(subject.id, AT, detector.thresholds());
        assertEquals(40, signals.reviews());
        assertTrue(signals.rate() && signals.newAccounts() && signals.duplicates() && signals.ratingShift(),
                signals.numbers().toString());

        // on the public log: the policy change, naming the signals, and the incident with its numbers
        Steps.sequenced();
        Map<String, Object> open = Steps.lastLogEntry("INCIDENT_OPENED");
        assertEquals(subject.id, ((Number) TestData.sql("select subject_id from log_entry where seq = ?1", open.get("seq")))
                .longValue());
        assertTrue(String.valueOf(open.get("body")).contains("\"reviews\":40"), open.toString());
        Map<String, Object> change = Steps.lastLogEntry("POLICY_CHANGE");
        assertTrue(String.valueOf(change.get("body")).contains("→ PRE (unusual activity, incident #" + opened.get()),
                change.toString());

        // a review posted now waits for a moderator; the live watch opens no second incident
        long held = Steps.post(Session.customer(), subject, 3, "An ordinary review of an ordinary kettle.");
        assertEquals("PENDING", TestData.sql("select status from review where id = ?1", held));
        assertEquals(Optional.empty(), incidents.watch(subject.id, AT.plusSeconds(60)));
    }

    @Test
    void anOrdinaryBusyDayOpensNone() {
        Subject subject = TestData.subject("Busy but ordinary");
        // a replayed history: 150 reviews an hour from 08:00 to 14:00 on this weekday for nine weeks, today included,
        // from long-standing accounts, with the few texts and the spread of ratings of the benchmark's corpus
        TestData.update("""
                with slots as (
                    select cast(?2 as timestamptz) - make_interval(days => 7 * w) - interval '2 hours'
                        + make_interval(secs => n * 24) as at, n
                    from generate_series(0, 8) w cross join generate_series(0, 899) n),
                numbered as (select at, n, row_number() over (order by at) as k from slots),
                authors as (
                    insert into account (provider, provider_subject, display_name, created_at)
                    select 'test', 'busy-' || ?1 || '-' || k, 'Regular', now() - interval '400 days' from numbered
                    returning id),
                authors_numbered as (select id, row_number() over (order by id) as k from authors)
                insert into review (subject_id, author_id, rating, title, body, status, created_at, updated_at)
                select ?1, a.id, 1 + (t.n * 7) % 5, null,
                    (array['Works as described and arrived on time.', 'Broke after two weeks; support was slow.',
                        'Good value, though the instructions could be clearer.', 'Excellent. Would buy again.',
                        'Not what the pictures showed. Disappointed.', 'Fine for the price. Nothing special.'])[1 + t.n % 6]
                        || ' (' || t.n || ')',
                    'PUBLISHED', t.at, t.at
                from numbered t join authors_numbered a on a.k = t.k""", subject.id, AT.toString());
        int windows = 0;
        for (Instant at = AT.minus(Duration.ofMinutes(110)); !at.isAfter(AT.plus(Duration.ofHours(4)));
                at = at.plus(Duration.ofMinutes(10))) {
            assertEquals(Optional.empty(), incidents.watch(subject.id, at), "at " + at);
            windows++;
        }
        assertTrue(windows > 30);
        assertTrue(detector.arrivals(subject.id, AT, detector.thresholds()) >= 20, "busy enough to be looked at");
    }

    @Inject
    PostNetworks networks;

    @Test
    void aBurstFromOneNetworkIsASignalAndNoAddressIsKept() {
        Subject subject = TestData.subject("Network kettle");
        quietBaseline(subject, AT);
        String[] vocabulary = ("kettle water boil lid handle spout steam quiet loud fast slow cord base light switch "
                + "blue steel plastic kitchen morning tea coffee filter scale clean heavy small large gift price box "
                + "warranty shop delivery courier cup litre pour drip hot cold noise design colour smell taste").split(" ");
        java.util.List<Long> posted = new java.util.ArrayList<>();
        TestData.update("update unusual_activity_policy set enabled = false where id = 1");
        try {
            // twenty five-star reviews in different words, from long-standing accounts, all from this test's network
            for (int i = 0; i < 20; i++) {
                StringBuilder text = new StringBuilder("Review " + i + ":");
                for (int w = 0; w < 14; w++) {
                    text.append(' ').append(vocabulary[(i * 17 + w * w * 7 + w * (i + 3)) % vocabulary.length]);
                }
                long review = Steps.post(Session.customer(), subject, 5, text + ".");
                posted.add(review);
                TestData.update("update review set created_at = ?2 where id = ?1", review,
                        AT.minus(Duration.ofMinutes(9)).plusSeconds(20L * i));
                TestData.update("update account set created_at = ?2 where id = (select author_id from review where id = ?1)",
                        review, AT.minus(Duration.ofDays(400)));
            }
        } finally {
            TestData.update("update unusual_activity_policy set enabled = true where id = 1");
        }
        UnusualActivity.Thresholds th = detector.thresholds();
        UnusualActivity.Signals s = detector.check(subject.id, AT, th);
        assertEquals(1.0, s.networkShare(), 1e-9);
        assertTrue(s.rate() && s.network() && s.fired(), s.numbers().toString());
        assertTrue(!s.newAccounts() && !s.duplicates() && !s.ratingShift(), "only the network says so: " + s.numbers());
        assertTrue(s.numbers().get("signals").toString().contains("network"));
        UnusualActivity.Thresholds strict = new UnusualActivity.Thresholds(true, th.windowMinutes(), th.minReviews(),
                th.rateFactor(), th.baselineWeeks(), th.newAccountDays(), th.newAccountShare(), th.duplicateShare(),
                th.duplicateSimilarity(), th.ratingDrop(), 1.01);
        assertTrue(!detector.check(subject.id, AT, strict).fired(), "without the network signal, nothing unusual");

        // one keyed hash of the network per review, the same for all twenty; no address anywhere
        String ids = posted.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        assertEquals(20L, ((Number) TestData.sql("select count(*) from post_network where review_id in (" + ids + ")"))
                .longValue());
        assertEquals(1L, ((Number) TestData.sql("select count(distinct network) from post_network where review_id in ("
                + ids + ")")).longValue());
        assertEquals(16, ((byte[]) TestData.sql("select network from post_network where review_id = ?1", posted.get(0)))
                .length);
        // a day's salt is destroyed once the day is past: that day's hashes can no longer be tested against an address
        TestData.update("insert into network_salt (day, salt) values (date '2020-01-01', '\\x00') on conflict do nothing");
        networks.forget();
        assertNull(TestData.sql("select salt from network_salt where day = date '2020-01-01'"));
        assertTrue(TestData.sql("select erased_at from network_salt where day = date '2020-01-01'") != null);
        assertTrue(TestData.sql("select salt from network_salt where day = cast(now() at time zone 'UTC' as date)") != null, "today's stays");
        assertEquals("v4:c0a801", PostNetworks.network("192.168.1.77"));
        assertEquals("v6:20010db8abcd", PostNetworks.network("2001:db8:abcd:12::1"));
        assertEquals("raw:example.org", PostNetworks.network("example.org"));
    }

    @Test
    void theDryRunSaysWhatItWouldHaveDoneAndDoesNothing() {
        Subject subject = TestData.subject("Dry run kettle");
        Instant recent = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        quietBaseline(subject, recent);
        surge(subject, recent);
        given().redirects().follow(false).get("/admin/unusual").then().statusCode(303);
        Session admin = Session.admin();
        admin.form().formParam("days", "7").post("/admin/unusual/dry-run").then().statusCode(200)
                .body(containsString("would have opened")).body(containsString(subject.name));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from incident where subject_id = ?1", subject.id))
                .longValue(), "a dry run opens nothing");

        admin.form().formParam("enabled", "on").formParam("windowMinutes", "10").formParam("minReviews", "abc")
                .formParam("rateFactor", "5").formParam("baselineWeeks", "8").formParam("newAccountDays", "7")
                .formParam("newAccountShare", "0.5").formParam("duplicateShare", "0.4")
                .formParam("duplicateSimilarity", "0.7").formParam("ratingDrop", "1.5").formParam("networkShare", "0.5")
                .post("/admin/unusual").then().statusCode(400).body(containsString("minReviews"));
    }

    @Test
    void aConfirmedIncidentShowsItsBannerAndBothAveragesAndClosingOrDismissingRestoresTheMode() {
        Subject subject = TestData.subject("Banner kettle");
        quietBaseline(subject, AT);
        surge(subject, AT);
        long id = incidents.watch(subject.id, AT).orElseThrow();
        Session moderator = Session.moderator();
        moderator.request().get("/moderation").then().statusCode(200)
                .body(containsString("/moderation/incidents/" + id + "\"")).body(containsString("Unusual activity now"));
        moderator.form().formParam("note", "A coordinated campaign after a viral post.")
                .post("/moderation/incidents/" + id + "/confirm").then().statusCode(303);
        String page = given().get("/subjects/" + subject.slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Unusual activity since"), "banner");
        assertTrue(!page.contains("/moderation/incidents/"), "the crisis kit is for staff only");
        moderator.request().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("href=\"/moderation/incidents/" + id + "\"")).body(containsString("crisis kit"));
        // the crisis kit's statement: published from the incident page, pinned on the subject's, back to the incident
        moderator.request().get("/moderation/incidents/" + id).then().statusCode(200)
                .body(containsString("About the recent reviews of Banner kettle"))
                .body(containsString("<input type=\"hidden\" name=\"kind\" value=\"INCIDENT\">"));
        moderator.form().formParam("subject", subject.slug).formParam("back", "/moderation/incidents/" + id)
                .formParam("kind", "INCIDENT")
                .formParam("title", "About the recent reviews of Banner kettle")
                .formParam("body", "We keep every review readable and answer each one.")
                .post("/moderation/statements").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/moderation/incidents/" + id));
        given().get("/subjects/" + subject.slug).then().body(containsString("We keep every review readable"))
                .body(containsString("class=\"statement statement-incident\""));
        // a "back" elsewhere is not followed
        moderator.form().formParam("subject", subject.slug).formParam("back", "https://elsewhere.example/")
                .formParam("title", "Second statement").formParam("body", "Still on it.")
                .post("/moderation/statements").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/moderation/statements"));
        assertTrue(page.contains("Average without the reviews of that period: 5.0 from 6"), "with and without");
        assertTrue(page.contains("rip-off"), "no review is hidden by an incident");
        // the crisis kit: one canned response to every review of the period, each its own logged reply, each author told
        long canned = ((Number) TestData.sql("select min(id) from canned_response where title = 'Sorry, we are on it'"))
                .longValue();
        long logBefore = Steps.logSize();
        moderator.form().formParam("canned", String.valueOf(canned)).post("/moderation/incidents/" + id + "/answer")
                .then().statusCode(303).header("Location", containsString("answered=40"));
        assertEquals(40L, ((Number) TestData.sql("""
                select count(*) from official_reply o join review r on r.id = o.review_id
                where r.subject_id = ?1 and o.canned_id = ?2""", subject.id, canned)).longValue());
        Steps.sequenced(); // a reply's entry is staged, numbered within a second
        assertEquals(40L, ((Number) TestData.sql("""
                select count(*) from log_entry e where e.kind = 'OFFICIAL_REPLY' and e.subject_id = ?1 and e.seq > ?2""",
                subject.id, logBefore)).longValue());
        assertEquals(40L, ((Number) TestData.sql("""
                select count(distinct n.review_id) from author_notice n join review r on r.id = n.review_id
                where r.subject_id = ?1 and n.action = 'REPLY'""", subject.id)).longValue(), "each author told");
        moderator.form().post("/moderation/incidents/" + id + "/close").then().statusCode(303);
        assertNull(TestData.sql("select moderation_mode from subject where id = ?1", subject.id), "the board's mode again");
        given().get("/subjects/" + subject.slug).then().body(containsString("Unusual activity from"));
        Steps.sequenced();
        assertTrue(String.valueOf(Steps.lastLogEntry("INCIDENT_CLOSED").get("body")).contains("#" + id + " closed"));
        assertTrue(String.valueOf(Steps.lastLogEntry("INCIDENT_CONFIRMED").get("body")).contains("coordinated campaign"));

        // dismissed: ordinary after all; the subject's own mode (post-moderation here) comes back
        Subject other = TestData.subject("Dismissed kettle");
        TestData.update("update subject set moderation_mode = 'POST' where id = ?1", other.id);
        quietBaseline(other, AT);
        surge(other, AT);
        long second = incidents.watch(other.id, AT).orElseThrow();
        moderator.form().post("/moderation/incidents/" + second + "/dismiss").then().statusCode(303);
        assertEquals("POST", TestData.sql("select moderation_mode from subject where id = ?1", other.id));
        given().get("/subjects/" + other.slug).then().body(org.hamcrest.Matchers.not(containsString("Unusual activity")));
        moderator.request().get("/moderation/incidents/" + second).then().statusCode(200)
                .body(containsString("Dismissed"));
        Session.customer().request().get("/moderation/incidents").then().statusCode(403);
    }

    @Test
    void theBoardLooksAfterEveryPostAndOpensTheIncidentByItself() {
        Subject subject = TestData.subject("Live surge");
        quietBaseline(subject, Instant.now());
        // thresholds low enough for three posts (restored after): the live path, not the arithmetic, is under test
        TestData.update("update unusual_activity_policy set min_reviews = 3, rate_factor = 1 where id = 1");
        try {
            for (int i = 0; i < 3; i++) {
                Steps.post(Session.customer(), subject, 1, "Identical complaint about the live surge kettle, really bad.");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> ((Number) TestData.sql("select count(*) from incident where subject_id = ?1", subject.id))
                            .longValue() == 1);
        } finally {
            TestData.update("update unusual_activity_policy set min_reviews = 20, rate_factor = 5 where id = 1");
        }
        assertEquals("PRE", TestData.sql("select moderation_mode from subject where id = ?1", subject.id));
    }

    /** Six five-star reviews over the past weeks, none in the window's hour of the week. */
    static void quietBaseline(Subject subject, Instant at) {
        for (int i = 0; i < 6; i++) {
            Account old = TestData.account("Regular " + i, Role.CUSTOMER);
            long review = TestData.publishedReview(subject, old, 5, "Lovely kettle number " + i + ", quiet and quick.").id;
            TestData.update("update account set created_at = ?2 where id = ?1", old.id, at.minus(Duration.ofDays(400)));
            TestData.update("update review set created_at = ?2 where id = ?1", review,
                    at.minus(Duration.ofDays(7L * (i + 1))).minus(Duration.ofHours(3)));
        }
    }

    /** Forty one-star reviews from accounts a day old, near-identical, in the ten minutes before {@code at}. */
    static void surge(Subject subject, Instant at) {
        TestData.update("update unusual_activity_policy set enabled = false where id = 1");
        try {
            for (int i = 0; i < 40; i++) {
                Account fresh = TestData.account("Fresh " + i, Role.CUSTOMER);
                long review = TestData.publishedReview(subject, fresh, 1,
                        "This kettle is a rip-off, it broke on day one and the company ignores everyone, avoid it"
                                + (i % 4 == 0 ? " now" : "") + ".").id;
                TestData.update("update account set created_at = ?2 where id = ?1", fresh.id, at.minus(Duration.ofDays(1)));
                TestData.update("update review set created_at = ?2 where id = ?1", review,
                        at.minus(Duration.ofMinutes(10)).plusSeconds(5 + 14L * i));
            }
        } finally {
            TestData.update("update unusual_activity_policy set enabled = true where id = 1");
        }
    }
}
