package org.candor.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;
import org.candor.web.KeptSignedInPages;

/**
 * What search engines read (#16, item 5): JSON-LD equal to the visible figures, meta tags, robots.txt, sitemaps, favicon;
 * the structured data on visitors' pages only (crawlers do not sign in, and a signed-in page is personal: #19).
 */
@QuarkusTest
class SearchEnginesTest {

    @Inject
    KeptSignedInPages kept;

    private static JsonPath jsonLd(String page) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no JSON-LD in the page");
        return new JsonPath(m.group(1).replace("<\\/", "</"));
    }

    @Test
    void aSubjectPageDescribesItselfWithTheFiguresItShows() {
        Subject subject = TestData.subject("Structured kettle");
        long four = Steps.post(Session.customer(), subject, 4, "Boils fast.");
        Steps.post(Session.customer(), subject, 5, "Quiet and quick. </script><script>alert(1)</script>");
        long hidden = Steps.post(Session.customer(), subject, 1, "Rude words about staff.");
        Steps.act(Session.moderator(), Steps.item(hidden, "REPLY"), "hide", "reason", "ABUSE", "text", "Insults.")
                .statusCode(303);
        String page = given().get("/subjects/" + subject.slug).then().statusCode(200)
                .body(containsString("<meta name=\"description\""))
                .body(containsString("og:title"))
                .body(containsString("rel=\"icon\""))
                .extract().asString();
        assertFalse(page.contains("</script><script>alert(1)"), "a review's text closed the JSON-LD block");
        JsonPath ld = jsonLd(page);
        assertEquals("Product", ld.getString("'@type'"));
        assertEquals("Structured kettle", ld.getString("name"));
        // exactly the visible figures: the two published reviews, 4.5 on average (the hidden one counts nowhere)
        assertEquals("4.5", ld.getString("aggregateRating.ratingValue"));
        assertEquals(2, ld.getInt("aggregateRating.reviewCount"));
        assertTrue(page.contains("4.5") && page.contains("2 reviews"), "the page shows the same figures");
        List<Map<String, Object>> reviews = ld.getList("review");
        assertEquals(2, reviews.size());
        assertTrue(reviews.stream().noneMatch(r -> String.valueOf(r.get("reviewBody")).contains("Rude words")));
        assertTrue(reviews.stream().anyMatch(r -> String.valueOf(r.get("reviewBody")).contains("</script><script>alert(1)")),
                "the text is kept, escaped for the block");

        JsonPath review = jsonLd(given().get("/subjects/" + subject.slug + "/reviews/" + four).then().statusCode(200)
                .body(containsString("og:description")).extract().asString());
        assertEquals("Review", review.getString("'@type'"));
        assertEquals(4, review.getInt("reviewRating.ratingValue"));
        assertEquals("Structured kettle", review.getString("itemReviewed.name"));
        given().get("/subjects/" + subject.slug + "/reviews/" + hidden).then().statusCode(200)
                .body(not(containsString("application/ld+json")));
    }

    @Test
    void structuredDataIsForVisitorsOnlyAndASignedInPageIsNotIndexed() {
        Subject subject = TestData.subject("Structured for visitors");
        long review = Steps.post(Session.customer(), subject, 4, "Read by search engines.");
        String visitor = given().get("/subjects/" + subject.slug).then().statusCode(200).extract().asString();
        assertEquals(1, jsonLd(visitor).getList("review").size());
        assertFalse(visitor.contains("name=\"robots\""), "a visitor's page is indexed");
        Session reader = Session.customer();
        long hits = kept.hits();
        // twice: the first view renders the page, the second is answered from what it kept
        for (int view = 0; view < 2; view++) {
            reader.request().get("/subjects/" + subject.slug).then().statusCode(200)
                    .body(containsString("Read by search engines."))
                    .body(containsString("<meta name=\"robots\" content=\"noindex\">"))
                    .body(not(containsString("application/ld+json")));
        }
        assertEquals(hits + 1, kept.hits(), "the second view was answered from memory");
        reader.request().get("/subjects/" + subject.slug + "/reviews/" + review).then().statusCode(200)
                .body(containsString("Read by search engines."))
                .body(not(containsString("application/ld+json")));
        jsonLd(given().get("/subjects/" + subject.slug + "/reviews/" + review).then().statusCode(200).extract().asString());
    }

    @Test
    void robotsAndSitemapsListThePublicPagesAndEveryPublishedReview() throws Exception {
        Subject subject = TestData.subject("Mapped");
        long review = Steps.post(Session.customer(), subject, 3, "In the sitemap.");
        String robots = given().get("/robots.txt").then().statusCode(200).extract().asString();
        assertTrue(robots.contains("Disallow: /admin") && robots.contains("Disallow: /me")
                && robots.contains("Sitemap: ") && robots.contains("/sitemap.xml"), robots);
        Document index = xml(given().get("/sitemap.xml").then().statusCode(200).extract().asString());
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName() == null
                ? index.getDocumentElement().getNodeName() : index.getDocumentElement().getLocalName());
        String indexText = given().get("/sitemap.xml").asString();
        assertTrue(indexText.contains("/sitemaps/subjects.xml") && indexText.contains("/sitemaps/reviews-0.xml"), indexText);
        String subjects = given().get("/sitemaps/subjects.xml").then().statusCode(200).extract().asString();
        xml(subjects);
        assertTrue(subjects.contains("/subjects/" + subject.slug + "</loc>"), subjects);
        String file = "/sitemaps/reviews-" + ((review - 1) / 50_000) + ".xml";
        String reviews = given().get(file).then().statusCode(200).extract().asString();
        xml(reviews);
        assertTrue(reviews.contains("/subjects/" + subject.slug + "/reviews/" + review + "</loc>"));
        given().get("/sitemaps/reviews-x.xml").then().statusCode(404);
        given().get("/favicon.svg").then().statusCode(200);
        given().get("/favicon.ico").then().statusCode(200);
    }

    @Test
    void theAdminIsWarnedThatSearchEnginesShowNoStarsForSelfServingReviews() {
        Session admin = Session.admin();
        Subject place = TestData.subject("Our own shop");
        TestData.update("update subject set kind = 'PLACE' where id = ?1", place.id);
        admin.request().get("/admin/subjects/" + place.slug + "/edit").then().statusCode(200)
                .body(containsString("self-serving reviews"));
        Subject product = TestData.subject("A product we sell");
        admin.request().get("/admin/subjects/" + product.slug + "/edit").then().statusCode(200)
                .body(not(containsString("self-serving reviews")));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
