package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Outage;
import org.candor.support.Session;
import org.candor.support.TestData;

/** PostgreSQL restarting under a signed-in customer: a 503 that keeps what they typed, never a 401 or a 500. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseRestartsAPostGets503WithTheFormAsTypedAndTheSessionSurvives() throws Exception {
        Subject subject = TestData.subject("Outage kettle");
        Session customer = Session.customer();
        String text = "Typed while the database was restarting; it must come back to me.";
        Outage.during(() -> {
            String page = customer.form().formParam("rating", "4").formParam("body", text)
                    .when().post("/subjects/" + subject.slug + "/reviews")
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .body(containsString("Back in a moment"))
                    .header("Set-Cookie", org.hamcrest.Matchers.not(containsString("candor_session=")))
                    .extract().asString();
            if (!page.contains(text) || !page.contains("name=\"rating\" value=\"4\"")) {
                throw new AssertionError("the form as typed is not on the page: " + page);
            }
            customer.request().when().get("/me").then().statusCode(503).body(not(containsString("Exception")));
            given().when().get("/q/health/ready").then().statusCode(503);
            // and the instance says it no longer hears its colleagues' changes, once that lasts past the grace period
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> given()
                    .get("/q/health/ready").asString().matches("(?s).*\"name\"\\s*:\\s*\"listen\",\\s*\"status\"\\s*:\\s*\"DOWN\".*"));
        });
        // once it is back, sending again works, and the customer never had to sign in again
        customer.form().formParam("rating", "4").formParam("body", text)
                .when().post("/subjects/" + subject.slug + "/reviews").then().statusCode(303);
        given().when().get("/subjects/" + subject.slug).then().statusCode(200).body(containsString(text));
    }
}
