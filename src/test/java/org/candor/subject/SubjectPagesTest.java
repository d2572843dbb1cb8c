package org.candor.subject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.support.TestData;

@QuarkusTest
class SubjectPagesTest {

    @Test
    void homePageListsSubjectsWithTheirRatingSummary() {
        Subject kettle = TestData.subject("Copper kettle");
        Account author = TestData.account("Rita", Role.CUSTOMER);
        TestData.publishedReview(kettle, author, 4, "Nice and shiny.");
        Account other = TestData.account("Sam", Role.CUSTOMER);
        TestData.publishedReview(kettle, other, 5, "Best kettle.");

        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("href=\"/subjects/" + kettle.slug + "\""))
                .body(containsString("Copper kettle"))
                .body(containsString("Average rating 4.5 out of 5"))
                .body(containsString("2 reviews"));
    }

    @Test
    void subjectPageShowsItsPublishedReviewsNewestFirst() {
        Subject cafe = TestData.subject("Corner cafe");
        TestData.publishedReview(cafe, TestData.account("Older author", Role.CUSTOMER), 3, "First visit was fine.");
        TestData.publishedReview(cafe, TestData.account("Newer author", Role.CUSTOMER), 5, "Second visit was great.");

        String html = given().when().get("/subjects/" + cafe.slug)
                .then().statusCode(200)
                .body(containsString("<h1>Corner cafe</h1>"))
                .body(containsString("Average rating 4.0 out of 5"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                html.indexOf("Second visit was great.") < html.indexOf("First visit was fine."),
                "newest review comes first");
    }

    @Test
    void subjectWithoutReviewsSaysSo() {
        Subject quiet = TestData.subject("Quiet thing");
        given().when().get("/subjects/" + quiet.slug)
                .then().statusCode(200)
                .body(containsString("No reviews yet. Be the first to share your experience."));
    }

    @Test
    void unknownSubjectGivesTheBrandedNotFoundPage() {
        given().accept("text/html").when().get("/subjects/no-such-thing")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("Back to the subjects"))
                .body(not(containsString("Exception")));
    }
}
