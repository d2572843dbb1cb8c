package org.candor.subject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.support.Session;
import org.candor.support.TestData;

@QuarkusTest
class SubjectAdminTest {

    @Test
    void anAdminCreatesAndEditsASubject() {
        Session admin = Session.admin();
        String slug = TestData.unique("garden-bench");
        admin.form().formParam("name", "Garden bench").formParam("slug", slug).formParam("kind", "PRODUCT")
                .formParam("description", "Oak, seats three.").formParam("imageUrl", "")
                .when().post("/admin/subjects")
                .then().statusCode(303).header("Location", containsString("/subjects/" + slug));
        given().when().get("/subjects/" + slug).then().statusCode(200).body(containsString("Oak, seats three."));

        admin.form().formParam("name", "Garden bench (oak)").formParam("slug", slug).formParam("kind", "PRODUCT")
                .formParam("description", "Oak, seats three.").formParam("imageUrl", "https://img.example.com/b.jpg")
                .when().post("/admin/subjects/" + slug + "/edit")
                .then().statusCode(303);
        given().when().get("/api/subjects/" + slug).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Garden bench (oak)"));
    }

    @Test
    void editingASubjectKeepsTheRatingsPostedMeanwhile() throws Exception {
        Session admin = Session.admin();
        Subject subject = TestData.subject("Counted kettle");
        // a review is counted while the admin's edit is on its way: the edit read the counters before it
        int status = org.candor.support.Contention.behind("""
                update subject set review_count = review_count + 1, rating_sum = rating_sum + 5, stars_5 = stars_5 + 1
                where id = ?""", () -> admin.form().formParam("name", "Counted kettle (new lid)")
                .formParam("slug", subject.slug).formParam("kind", "PRODUCT").formParam("description", "Steel.")
                .formParam("imageUrl", "").when().post("/admin/subjects/" + subject.slug + "/edit").statusCode(),
                subject.id);
        assertEquals(303, status);
        Object[] row = (Object[]) TestData.sql("select name, review_count, rating_sum, stars_5 from subject where id = ?1",
                subject.id);
        assertEquals("Counted kettle (new lid)", row[0]);
        assertEquals(1, ((Number) row[1]).intValue(), "the review counted meanwhile is still counted");
        assertEquals(5L, ((Number) row[2]).longValue());
        assertEquals(1, ((Number) row[3]).intValue());
    }

    @Test
    void aSubjectFormWithMistakesKeepsWhatWasTyped() {
        Session admin = Session.admin();
        Subject existing = TestData.subject("Taken name");
        admin.form().formParam("name", "Second thing").formParam("slug", existing.slug).formParam("kind", "PLACE")
                .formParam("description", "Described carefully").formParam("imageUrl", "javascript:alert(1)")
                .when().post("/admin/subjects")
                .then().statusCode(400)
                .body(containsString("Another subject already uses this address name."))
                .body(containsString("The image address must start with https://"))
                .body(containsString("Described carefully"));
        admin.form().formParam("name", "").formParam("slug", "Not A Slug").formParam("kind", "PRODUCT")
                .when().post("/admin/subjects")
                .then().statusCode(400)
                .body(containsString("Please give the subject a name."))
                .body(containsString("Use lower-case letters"));
    }

    @Test
    void onlyAdminsManageSubjects() {
        Session customer = Session.customer();
        customer.request().when().get("/admin/subjects").then().statusCode(403)
                .body(containsString("You do not have access to this page"));
        customer.request().when().get("/admin").then().statusCode(403);
        customer.form().formParam("name", "Sneaky").formParam("slug", "sneaky").formParam("kind", "PRODUCT")
                .when().post("/admin/subjects").then().statusCode(403);
        assertEquals(0L, ((Number) TestData.sql("select count(*) from subject where slug = 'sneaky'")).longValue());
        given().redirects().follow(false).when().get("/admin/subjects").then().statusCode(303)
                .header("Location", containsString("/login?back="));
    }
}
