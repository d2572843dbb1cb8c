package org.candor.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.account.Role;
import org.candor.subject.Subject;
import org.candor.support.TestData;

@QuarkusTest
class PagingAndApiTest {

    @Test
    void keysetPagesNeverRepeatOrSkipAReviewWhileNewOnesArrive() {
        Subject subject = TestData.subject("Paged piano");
        Set<Long> original = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            original.add(TestData.publishedReview(subject, TestData.account("Pager " + i, Role.CUSTOMER), 1 + i % 5,
                    "Review " + i).id);
        }
        for (String sort : List.of("newest", "helpful", "lowest")) {
            List<Long> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                JsonPath page = given().queryParam("sort", sort).queryParam("after", after == null ? "" : after)
                        .when().get("/api/subjects/" + subject.slug + "/reviews")
                        .then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("reviews.id", Long.class));
                after = page.getString("next");
                if (pages++ == 0) {
                    // newcomers arrive while the reader is on page one
                    for (int i = 0; i < 3; i++) {
                        TestData.publishedReview(subject, TestData.account("Late " + sort + i, Role.CUSTOMER), 3, "Late");
                    }
                }
            } while (after != null);
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": no review twice");
            assertTrue(seen.containsAll(original), sort + ": every review that existed is reached");
        }
    }

    @Test
    void sortingByLowestRatingPutsTheWorstFirst() {
        Subject subject = TestData.subject("Sorted sink");
        for (int r : new int[] {4, 1, 5, 2}) {
            TestData.publishedReview(subject, TestData.account("Sorter " + r, Role.CUSTOMER), r, "Rated " + r);
        }
        given().queryParam("sort", "lowest").when().get("/api/subjects/" + subject.slug + "/reviews")
                .then().statusCode(200).body("reviews.rating", equalTo(List.of(1, 2, 4, 5)));
        given().when().get("/subjects/" + subject.slug + "?sort=lowest").then().statusCode(200)
                .body(containsString("aria-current=\"page\">Lowest rating"));
    }

    @Test
    void theJsonApiListsSubjectsAndReviewsAndIsDocumented() {
        Subject subject = TestData.subject("Api atlas");
        long id = TestData.publishedReview(subject, TestData.account("Api author", Role.CUSTOMER), 5, "Great maps").id;
        given().when().get("/api/subjects").then().statusCode(200).body("slug", org.hamcrest.Matchers.hasItem(subject.slug));
        given().when().get("/api/reviews/" + id).then().statusCode(200)
                .body("body", equalTo("Great maps")).body("author", equalTo("Api author")).body("comments.size()", equalTo(0));
        given().when().get("/api/reviews/999999999").then().statusCode(404).contentType(containsString("problem+json"));
        given().when().get("/api/subjects/no-such-subject/reviews").then().statusCode(404);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/subjects/{slug}/reviews"))
                .body(containsString("/api/reviews/{id}"));
    }
}
