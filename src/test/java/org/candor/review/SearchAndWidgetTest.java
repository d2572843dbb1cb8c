package org.candor.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Search (#16, item 6) and the widget (item 7). */
@QuarkusTest
class SearchAndWidgetTest {

    private static final Pattern HIT = Pattern.compile("/reviews/(\\d+)\"");

    @Test
    void searchRanksStemsInEnglishAndSpanishHighlightsAndFilters() {
        String word = "zq" + TestData.unique("w").replaceAll("[^a-z0-9]", "");
        Subject subject = TestData.subject("Searchable");
        Subject other = TestData.subject("Elsewhere");
        long passing = TestData.publishedReview(subject, TestData.account("Pat", Role.CUSTOMER), 4,
                "A long review about many things, and in passing the " + word + " too.").id;
        long strong = TestData.publishedReview(subject, TestData.account("Sam", Role.CUSTOMER), 2,
                word + " " + word + ": the " + word + " broke twice <b>badly</b>.").id;
        long elsewhere = TestData.publishedReview(other, TestData.account("Oli", Role.CUSTOMER), 5,
                "Nothing but " + word + ".").id;
        long english = TestData.publishedReview(subject, TestData.account("Eve", Role.CUSTOMER), 3,
                "Both deliveries " + word + "x arrived late.").id;
        long spanish = TestData.publishedReview(subject, TestData.account("Ena", Role.CUSTOMER), 3,
                "Las entregas " + word + "y llegaron tarde.").id;

        String page = given().get("/search?q=" + word).then().statusCode(200).extract().asString();
        List<Long> hits = hits(page);
        assertEquals(strong, hits.get(0), "the review that is most about it first: " + hits);
        assertTrue(hits.containsAll(List.of(passing, elsewhere)), hits.toString());
        assertTrue(page.contains("<mark>" + word + "</mark>"), "highlighted");
        assertTrue(page.contains("badly") && !page.contains("<b>badly"), "the text, never its markup");

        // stems: "delivery" finds "deliveries", "entrega" finds "entregas"
        assertEquals(List.of(english), hits(given().get("/search?q=delivery " + word + "x").asString()));
        assertEquals(List.of(spanish), hits(given().get("/search?q=entrega " + word + "y").asString()));

        // filters: subject, rating
        List<Long> onSubject = hits(given().get("/search?q=" + word + "&subject=" + subject.slug).asString());
        assertFalse(onSubject.contains(elsewhere));
        assertEquals(List.of(strong), hits(given().get("/search?q=" + word + "&rating=2").asString()));
        given().get("/search?q=" + "x".repeat(201)).then().statusCode(400).body(containsString("at most 200"));
        given().get("/search").then().statusCode(200).body(containsString("Search reviews"));
        given().get("/subjects/" + subject.slug).then().body(containsString("action=\"/search\""));
    }

    @Test
    void searchPagesWithoutRepeatingOrSkipping() {
        String word = "pg" + TestData.unique("p").replaceAll("[^a-z0-9]", "");
        Subject subject = TestData.subject("Paged search");
        Set<Long> written = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            written.add(TestData.publishedReview(subject, TestData.account("Page " + i, Role.CUSTOMER), 1 + i % 5,
                    "Review " + i + " mentions " + word + (i % 3 == 0 ? " and " + word + " again" : "") + ".").id);
        }
        String first = given().get("/search?q=" + word).asString();
        Matcher next = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertTrue(next.find(), "a next page");
        String second = given().urlEncodingEnabled(false).get(next.group(1).replace("&amp;", "&")).asString();
        List<Long> all = new ArrayList<>(hits(first));
        assertEquals(20, all.size());
        all.addAll(hits(second));
        assertEquals(25, all.size());
        assertEquals(written, new HashSet<>(all));
        assertFalse(Pattern.compile("rel=\"next\"").matcher(second).find());
    }

    @Test
    void aWordCommonOnceButNotLatelyIsFoundThroughTheWindowsAndTheWholeBoard() {
        // 3,000 older reviews with the word, then 5,000 newer ones without it: the newest slices hold none, so the
        // search widens its window (V18: the index keys reviews by slices of 1,024 ids) until it finds them
        String word = "cw" + TestData.unique("c").replaceAll("[^a-z0-9]", "");
        Subject then = TestData.subject("Common then");
        Subject now = TestData.subject("Quiet now");
        String insert = """
                with a as (insert into account (provider, provider_subject, display_name)
                    select 'test', ?1 || g, 'Bulk ' || g from generate_series(1, ?2) g returning id)
                insert into review (subject_id, author_id, rating, title, body, status)
                select ?3, a.id, 1 + a.id %% 5, 'Bulk', %s, 'PUBLISHED' from a""";
        TestData.update(insert.formatted("'The ' || ?4 || ' was fine, review ' || a.id"), word + "-then-", 3000,
                then.id, word);
        long rare = ((Number) TestData.sql("select max(id) from review where subject_id = ?1", then.id)).longValue();
        TestData.update("update review set body = body || ' and a rare ' || ?2 || 'rare' where id = ?1", rare, word);
        TestData.update(insert.formatted("'Nothing to see, review ' || a.id || ' ' || ?4"), word + "-now-", 5000,
                now.id, "elsewhere");
        TestData.update("analyze review");

        String first = given().get("/search?q=" + word).then().statusCode(200).extract().asString();
        List<Long> hits = hits(first);
        assertEquals(20, hits.size(), "a full page of the older matches");
        assertTrue(first.contains("rel=\"next\""), "and more");
        assertEquals(hits, hits(given().get("/search?q=" + word + "&subject=" + then.slug).asString()));
        assertEquals(List.of(), hits(given().get("/search?q=" + word + "&subject=" + now.slug).asString()));
        // one match in 8,000: through the index on the whole board
        assertEquals(List.of(rare), hits(given().get("/search?q=" + word + "rare").asString()));
    }

    @Test
    void theWidgetIsFramedOnlyByListedOriginsAndShowsTheLatestThreeWithReplies() {
        Subject subject = TestData.subject("Widget kettle");
        Account author = TestData.account("Wanda", Role.CUSTOMER);
        long first = TestData.publishedReview(subject, author, 2, "Oldest of four.").id;
        TestData.publishedReview(subject, TestData.account("Wes", Role.CUSTOMER), 4, "Second.");
        TestData.publishedReview(subject, TestData.account("Wyn", Role.CUSTOMER), 5, "Third.");
        long latest = TestData.publishedReview(subject, TestData.account("Wil", Role.CUSTOMER), 1, "Latest, it leaks.").id;
        Steps.act(Session.moderator(), Steps.item(latest, "REPLY"), "reply", "body", "Sorry: we send a new lid.")
                .statusCode(303);

        String origin = "https://" + TestData.unique("shop").replaceAll("[^a-z0-9]", "") + ".example";
        String framedBy = given().get("/embed/subjects/" + subject.slug).then().statusCode(200)
                .header("X-Frame-Options", (String) null)
                .header("Cache-Control", containsString("max-age"))
                .body(containsString("Latest, it leaks.")).body(containsString("Sorry: we send a new lid."))
                .body(not(containsString("Oldest of four."))).body(not(containsString("<script")))
                .extract().header("Content-Security-Policy");
        assertFalse(framedBy.contains(origin), framedBy);

        Session admin = Session.admin();
        admin.form().formParam("origin", "javascript:alert(1)").post("/admin/embed").then().statusCode(400)
                .body(containsString("no path"));
        admin.form().formParam("origin", origin + "/").post("/admin/embed").then().statusCode(303);
        String policy = given().get("/embed/subjects/" + subject.slug).header("Content-Security-Policy");
        String ancestors = policy.substring(policy.indexOf("frame-ancestors"));
        assertTrue(java.util.Arrays.asList(ancestors.split("[ ;]")).contains(origin), policy);
        // every other page is still never framed
        given().get("/subjects/" + subject.slug).then().header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));

        JsonPath json = given().header("Origin", origin).get("/api/subjects/" + subject.slug + "/widget").then()
                .statusCode(200).header("Access-Control-Allow-Origin", origin).extract().jsonPath();
        assertEquals(4, json.getInt("reviewCount"));
        assertEquals(3, json.getList("latest").size());
        assertEquals("Sorry: we send a new lid.", json.getString("latest[0].officialReplies[0].body"));
        assertNull(given().header("Origin", "https://elsewhere.example").get("/api/subjects/" + subject.slug + "/widget")
                .header("Access-Control-Allow-Origin"));
        assertTrue(first > 0);
    }

    private static List<Long> hits(String page) {
        int start = page.indexOf("class=\"search-results\"");
        List<Long> ids = new ArrayList<>();
        if (start < 0) {
            return ids;
        }
        Matcher m = HIT.matcher(page.substring(start));
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
