package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Metrics;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Anonymous visitors get public pages from the rendered-page cache, never stale by more than a second. */
@QuarkusTest
class PublicPagesTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aRepeatVisitIsAnswered304WithTheSameEntityTag() {
        Subject subject = TestData.subject("Etag");
        String first = given().get("/subjects/" + subject.slug).then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .header("Vary", containsString("Cookie"))
                .extract().header("ETag");
        assertNotNull(first);
        String second = given().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("About Etag")).extract().header("ETag");
        assertEquals(first, second);
        given().header("If-None-Match", first).get("/subjects/" + subject.slug)
                .then().statusCode(304).header("ETag", first).body(emptyString());
        given().header("If-None-Match", "\"something-else\"").get("/subjects/" + subject.slug)
                .then().statusCode(200).body(containsString("About Etag"));
    }

    @Test
    void aChangeCommittedElsewhereShowsWithinASecond() throws Exception {
        Subject subject = TestData.subject("Elsewhere");
        long review = TestData.publishedReview(subject, TestData.account("Reader", org.candor.account.Role.CUSTOMER),
                4, "Sturdy and quiet.").id;
        String page = "/subjects/" + subject.slug;
        given().get(page).then().statusCode(200).body(containsString("About Elsewhere"));
        given().get(page).then().statusCode(200); // now served from the cache

        // Another instance (or an operator with psql), on its own connection: a change to one subject's reviews ...
        try (Connection other = DriverManager.getConnection(jdbcUrl);
                PreparedStatement st = other.prepareStatement("update review set helpful_count = 41 where id = ?")) {
            st.setLong(1, review);
            st.executeUpdate();
        }
        assertShowsWithinASecond(page, "41 people found this helpful");

        // ... and a change that touches every page (operators read how many such changes were heard).
        double everything = Metrics.value("candor_public_changes_total{stale=\"everything\"}");
        try (Connection other = DriverManager.getConnection(jdbcUrl);
                PreparedStatement st = other.prepareStatement("update subject set name = ? where id = ?")) {
            st.setString(1, "Elsewhere Renamed");
            st.setLong(2, subject.id);
            st.executeUpdate();
        }
        assertShowsWithinASecond(page, "Elsewhere Renamed");
        assertTrue(Metrics.value("candor_public_changes_total{stale=\"everything\"}") >= everything + 1);
        assertShowsWithinASecond("/subjects/" + subject.slug + "/reviews/" + review, "Elsewhere Renamed");
    }

    @Test
    void aModeratorsActionShowsOnTheVeryNextAnonymousView() {
        Subject subject = TestData.subject("Next View");
        Session author = Session.customer();
        long review = Steps.post(author, subject, 1, "You are all crooks and idiots.");
        String page = "/subjects/" + subject.slug;
        given().get(page).then().statusCode(200).body(containsString("You are all crooks"));
        given().get(page).then().statusCode(200).body(containsString("You are all crooks"));

        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "hide", "reason", "ABUSE", "text",
                "Name-calling is against the guidelines.").statusCode(303);
        // no waiting: the action's response came back only once this instance had seen the change
        given().get(page).then().statusCode(200)
                .body(not(containsString("You are all crooks")))
                .body(containsString("Name-calling is against the guidelines."));
    }

    @Test
    void signedInVisitorsAreNeverServedTheAnonymousPage() {
        Subject subject = TestData.subject("Signed In");
        String page = "/subjects/" + subject.slug;
        given().get(page).then().statusCode(200);
        given().get(page).then().statusCode(200).body(not(containsString("name=\"csrf-token\"")));
        Session customer = Session.customer();
        customer.request().get(page).then().statusCode(200)
                .header("ETag", nullValue())
                .body(containsString("name=\"csrf-token\""))
                .body(containsString("href=\"/me/profile\""));
    }

    @Test
    void eachLanguageHasItsOwnCopy() {
        Subject subject = TestData.subject("Lenguas");
        String page = "/subjects/" + subject.slug;
        String english = given().header("Accept-Language", "en").get(page).then().statusCode(200)
                .body(containsString("<html lang=\"en\"")).extract().header("ETag");
        String spanish = given().header("Accept-Language", "es").get(page).then().statusCode(200)
                .body(containsString("<html lang=\"es\"")).extract().header("ETag");
        given().header("Accept-Language", "en").get(page).then().body(containsString("<html lang=\"en\""));
        assertTrue(!english.equals(spanish));
    }

    @Test
    void aFloodOfDistinctAddressesLeavesTheCacheBoundedInBytesAndNeverFails() throws Exception {
        Subject subject = TestData.subject("Flood kettle");
        PublicPages pages = io.quarkus.arc.Arc.container().instance(PublicPages.class).get();
        PageCacheConfig config = io.quarkus.arc.Arc.container().instance(PageCacheConfig.class).get();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<Integer> statuses = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < 20_000; i += 8) {
                    String path = switch (i % 4) {
                        case 0 -> "/api/log?after=" + i + "&limit=1000";
                        case 1 -> "/subjects/" + subject.slug + "?junk=" + i;
                        case 2 -> "/log?before=" + i;
                        default -> "/subjects/" + subject.slug + "?sort=" + i + "&after=x" + i;
                    };
                    int status;
                    try {
                        status = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(org.candor.support.SignInBrowser.base() + path)).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(path, e);
                    }
                    statuses.add(status);
                    if (status >= 500) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (var f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(0, failures.get(), "answers: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 400), "answers: " + statuses);
        assertTrue(pages.weight() <= config.maxBytes(), "kept " + pages.weight() + " bytes, more than " + config.maxBytes());
    }

    @Test
    void theLogApiIsNeverAnsweredFromTheCache() {
        given().get("/api/log?after=0&limit=1").then().statusCode(200)
                .header("ETag", nullValue());
    }

    private static void assertShowsWithinASecond(String page, String text) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> given().get(page).then().statusCode(200).extract().asString(), body -> body.contains(text));
    }
}
