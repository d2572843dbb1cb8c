package org.candor.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.account.Account;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.TestData;

@QuarkusTest
class ReviewsTest {

    @Test
    void postingAReviewPublishesItAndCountsItInTheSummary() {
        Subject subject = TestData.subject("Posting lamp");
        Session ana = Session.customer();
        var posted = ana.form().formParam("rating", "4").formParam("title", "Warm light")
                .formParam("body", "Nice warm light for reading.")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(303)
                .header("Location", containsString("/subjects/" + subject.slug + "/reviews/"))
                .extract();

        var shown = ana.request().cookie("candor_flash", posted.cookie("candor_flash"))
                .when().get(posted.header("Location"))
                .then().statusCode(200)
                .body(containsString("Thank you! Your review is published."))
                .body(containsString("Warm light")).extract();
        assertEquals(0, shown.detailedCookie("candor_flash").getMaxAge(), "the message is shown once: its cookie cleared");
        var next = ana.request().get(posted.header("Location")).then().statusCode(200).extract();
        assertNull(next.detailedCookie("candor_flash"), "no flash cookie sent, none cleared");
        given().when().get("/subjects/" + subject.slug)
                .then().statusCode(200)
                .body(containsString("Nice warm light for reading."))
                .body(containsString("Average rating 4.0 out of 5"))
                .body(containsString("1 review"));
    }

    @Test
    void writingAgainEditsTheReviewAndKeepsEveryVersion() {
        Subject subject = TestData.subject("Editing chair");
        Session ben = Session.customer();
        post(ben, subject, "2", "Wobbly at first.");
        String location = post(ben, subject, "4", "Tightened the screws: solid now.");

        Account author = TestData.accountOf("google", ben.user());
        assertEquals(1L, ((Number) TestData.sql("select count(*) from review where author_id = ?1", author.id)).longValue());
        long reviewId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals(2L, ((Number) TestData.sql("select count(*) from review_version where review_id = ?1", reviewId)).longValue());

        given().when().get(location)
                .then().statusCode(200)
                .body(containsString("edited"))
                .body(containsString("Edit history"))
                .body(containsString("Wobbly at first."))
                .body(containsString("Tightened the screws: solid now."));
        given().when().get("/api/subjects/" + subject.slug)
                .then().statusCode(200)
                .body("reviewCount", equalTo(1))
                .body("averageRating", equalTo(4.0f))
                .body("stars", equalTo(java.util.List.of(0, 0, 0, 1, 0)));
    }

    @Test
    void aFormWithMistakesIsShownAgainWithTheTextAndTheMessages() {
        Subject subject = TestData.subject("Mistake mug");
        Session chloe = Session.customer();
        chloe.form().formParam("title", "My <b>bold</b> title").formParam("body", "Text I do not want to lose")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("Please choose a rating from 1 to 5 stars."))
                .body(containsString("Text I do not want to lose"))
                .body(containsString("value=\"My &lt;b&gt;bold&lt;/b&gt; title\""));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id)).longValue());

        String tooLong = "x".repeat(Forms.MAX_BODY + 1);
        chloe.form().formParam("rating", "3").formParam("body", tooLong)
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("Reviews can be at most 5000 characters long."))
                .body(containsString(tooLong));

        chloe.form().formParam("rating", "9").formParam("body", "Nine stars!")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("Ratings go from 1 to 5 stars."));

        // the longest review accepted is well over Quarkus' default 2 KB form field limit
        post(chloe, subject, "3", "é".repeat(Forms.MAX_BODY));
    }

    @Test
    void aFormWithoutAValidCsrfTokenIsRefusedAndNothingIsStored() {
        Subject subject = TestData.subject("Csrf clock");
        Session dan = Session.customer();
        dan.formWithoutCsrf().formParam("rating", "5").formParam("body", "No token")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("This form has expired"));
        dan.formWithoutCsrf().formParam("csrf-token", "forged-token").formParam("rating", "5").formParam("body", "Bad token")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400);
        assertEquals(0L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id)).longValue());
    }

    @Test
    void postingTooFastIsRefusedWith429AndTheTextIsKept() {
        Subject subject = TestData.subject("Busy board");
        Session eve = Session.customer();
        String location = post(eve, subject, "5", "First post.");
        for (int i = 1; i < 5; i++) {
            eve.form().formParam("body", "Comment number " + i).when().post(location + "/comments")
                    .then().statusCode(303);
        }
        eve.form().formParam("body", "One comment too many").when().post(location + "/comments")
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("You are posting faster than this board allows."))
                .body(containsString("One comment too many"));
    }

    @Test
    void anonymousPostsAreSentToSignInAndTheirTextIsKept() {
        Subject subject = TestData.subject("Anonymous kettle");
        String csrf = given().when().get("/subjects/" + subject.slug).then().statusCode(200)
                .extract().cookie("csrf-token");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .formParam("rating", "5").formParam("body", "Who am I?")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(303)
                .header("Location", containsString("/login?back=%2Fsubjects%2F" + subject.slug))
                .cookie("candor_draft", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        assertEquals("Who am I?", TestData.sql("select fields ->> 'body' from form_draft where page = ?1",
                "/subjects/" + subject.slug));
        // without the form's security token nothing is kept: the form is refused with a page saying why
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("rating", "5").formParam("body", "No token")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400);
    }

    @Test
    void anotherCustomerCannotEditMyReview() {
        Subject subject = TestData.subject("Private pen");
        Session owner = Session.customer();
        String location = post(owner, subject, "3", "Mine.");
        Session other = Session.customer();
        other.request().when().get(location + "/edit").then().statusCode(403);
        other.form().formParam("rating", "1").formParam("body", "Hijacked")
                .when().post(location + "/edit")
                .then().statusCode(403);
        given().when().get(location).then().body(containsString("Mine.")).body(not(containsString("Hijacked")));
        owner.request().when().get(location + "/edit").then().statusCode(200).body(containsString("Mine."));
    }

    @Test
    void htmlInAReviewIsShownAsTextAndAddressesBecomeSafeLinks() {
        Subject subject = TestData.subject("Escaping lamp");
        Session fay = Session.customer();
        String location = post(fay, subject, "1",
                "<script>alert('x')</script><img src=x onerror=alert(1)>\n\nSee https://example.com/manual?page=2.");
        given().when().get(location)
                .then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<script>alert")))
                .body(containsString("<a href=\"https://example.com/manual?page=2\" rel=\"nofollow ugc noopener\">"))
                .body(containsString("</p><p>"));
    }

    @Test
    void customersCommentOnReviewsAndCommentsShowOnTheSubjectPage() {
        Subject subject = TestData.subject("Chatty toaster");
        String location = post(Session.customer(), subject, "2", "Burns the bread.");
        Session gus = Session.customer();
        var posted = gus.form().formParam("body", "Try setting 3 instead of 4.").when().post(location + "/comments")
                .then().statusCode(303).header("Location", containsString("#comment-")).extract();
        gus.request().cookie("candor_flash", posted.cookie("candor_flash")).get(posted.header("Location")).then()
                .body(containsString("Your comment is posted."));
        given().when().get("/subjects/" + subject.slug).then().body(containsString("Try setting 3 instead of 4."))
                .body(containsString("<dt>1 star</dt>")).body(containsString("<dt>2 stars</dt>"));
        given().header("Accept-Language", "es").get("/subjects/" + subject.slug).then()
                .body(containsString("<dt>1 estrella</dt>")).body(containsString("<dt>2 estrellas</dt>"));
        // under pre-moderation the flash says that it waits, not that it is posted
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        var held = gus.form().formParam("body", "Or try the crumb tray.").when().post(location + "/comments")
                .then().statusCode(303).extract();
        gus.request().cookie("candor_flash", held.cookie("candor_flash")).get(held.header("Location")).then()
                .body(containsString("a moderator checks it before it appears")).body(not(containsString("Your comment is posted.")));
        gus.form().formParam("body", "   ").when().post(location + "/comments")
                .then().statusCode(400).body(containsString("Please write your comment."));
    }

    @Test
    void helpfulMarksCountOncePerPersonAndCanBeTakenBack() {
        Subject subject = TestData.subject("Helpful hat");
        Session author = Session.customer();
        String location = post(author, subject, "5", "Keeps the rain off.");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Session reader = Session.customer();
        reader.form().formParam("helpful", "true").when().post(location + "/helpful").then().statusCode(303);
        reader.form().formParam("helpful", "true").when().post(location + "/helpful").then().statusCode(303);
        given().when().get("/api/reviews/" + id).then().body("helpfulCount", equalTo(1));
        reader.request().when().get(location).then().body(containsString("Undo: not helpful after all"));

        author.form().formParam("helpful", "true").when().post(location + "/helpful").then().statusCode(303);
        given().when().get("/api/reviews/" + id).then().body("helpfulCount", equalTo(1));

        reader.form().formParam("helpful", "false").when().post(location + "/helpful").then().statusCode(303);
        given().when().get("/api/reviews/" + id).then().body("helpfulCount", equalTo(0));
    }

    @Test
    void reportsAreStoredWithTheirReasonAndBadReportsKeepTheText() {
        Subject subject = TestData.subject("Reported rug");
        String location = post(Session.customer(), subject, "1", "Buy from my shop instead!");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Session reporter = Session.customer();
        reporter.form().formParam("reason", "NONSENSE").formParam("details", "It is an advert")
                .when().post(location + "/report")
                .then().statusCode(400)
                .body(containsString("Please choose why you are reporting this."))
                .body(containsString("It is an advert"));
        reporter.form().formParam("reason", "SPAM").formParam("details", "It is an advert")
                .when().post(location + "/report")
                .then().statusCode(303);
        assertEquals("SPAM", TestData.sql("select reason from report where review_id = ?1", id));
    }

    @Test
    void reviewsAwaitingModerationAreSeenOnlyByTheirAuthor() {
        Subject subject = TestData.subject("Pending pot");
        Session author = Session.customer();
        String location = post(author, subject, "2", "Held back for now.");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        TestData.update("update review set status = 'PENDING' where id = ?1", id);

        given().when().get(location).then().statusCode(404);
        given().when().get("/subjects/" + subject.slug).then().body(not(containsString("Held back for now.")));
        given().when().get("/api/reviews/" + id).then().statusCode(404);
        author.request().when().get(location).then().statusCode(200)
                .body(containsString("Awaiting moderation: only you and the moderators can see this review"))
                .body(containsString("Held back for now."));
        author.request().when().get("/me").then().statusCode(200)
                .body(containsString("Pending pot"))
                .body(containsString("Awaiting moderation"));
    }

    @Test
    void myActivityListsMyReviewsAndComments() {
        Subject subject = TestData.subject("Activity atlas");
        Session hal = Session.customer();
        String location = post(hal, subject, "4", "Good maps.");
        hal.form().formParam("body", "Also the index is great.").when().post(location + "/comments").then().statusCode(303);
        hal.request().when().get("/me").then().statusCode(200)
                .body(containsString("Review, 4 stars"))
                .body(containsString("Comment"))
                .body(containsString("Also the index is great."))
                .body(containsString("Published"));
    }

    @Test
    void twoFirstPostsSentAtOnceBecomeAPostAndAnEdit() throws Exception {
        Subject subject = TestData.subject("Double click");
        Session ana = Session.customer();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (String body : java.util.List.of("First click.", "Second click.")) {
            results.add(pool.submit(() -> {
                start.await();
                return ana.form().formParam("rating", "4").formParam("body", body)
                        .when().post("/subjects/" + subject.slug + "/reviews").then().extract().statusCode();
            }));
        }
        start.countDown();
        assertEquals(303, results.get(0).get());
        assertEquals(303, results.get(1).get());
        pool.shutdown();
        assertEquals(1L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id)).longValue());
        assertEquals(2L, ((Number) TestData.sql("select count(*) from review_version v join review r on r.id = v.review_id "
                + "where r.subject_id = ?1", subject.id)).longValue());
    }

    @Test
    void theRatingSummaryMatchesThePublishedReviews() {
        Subject subject = TestData.subject("Summary sofa");
        int[] ratings = {5, 3, 1, 4, 4};
        String last = null;
        for (int r : ratings) {
            last = post(Session.customer(), subject, String.valueOf(r), "Rated " + r);
        }
        long hiddenId = Long.parseLong(last.substring(last.lastIndexOf('/') + 1));
        // a moderator hides one, which un-counts it
        long item = ((Number) TestData.sql("select id from queue_item where review_id = ?1", hiddenId)).longValue();
        Session.moderator().form().formParam("version", "0").formParam("reason", "SPAM").formParam("text", "Advert")
                .when().post("/moderation/items/" + item + "/hide").then().statusCode(303);

        Object[] actual = (Object[]) TestData.sql("select count(*), coalesce(sum(rating), 0) from review where subject_id = ?1 and status = 'PUBLISHED'", subject.id);
        given().when().get("/api/subjects/" + subject.slug)
                .then().body("reviewCount", equalTo(((Number) actual[0]).intValue()))
                .body("averageRating", equalTo((float) (((Number) actual[1]).doubleValue() / ((Number) actual[0]).doubleValue())));
    }

    @Test
    void anEditThatLosesARaceIsRefusedWith409AndTheTextAsTyped() throws Exception {
        Subject subject = TestData.subject("Racing edit");
        Session author = Session.customer();
        String location = post(author, subject, "3", "First words.");
        long id = org.candor.support.Steps.idAtEndOf(location);
        // the same edit sent twice, or a moderator acting on the review, commits first
        io.restassured.response.Response lost = org.candor.support.Contention.behind(
                "update review set version = version + 1 where id = ?",
                () -> author.form().formParam("rating", "4").formParam("body", "Second words, typed with care.")
                        .when().post(location + "/edit").then().extract().response(), id);
        assertEquals(409, lost.statusCode(), lost.asString());
        assertTrue(lost.asString().contains("Second words, typed with care."), "the text as typed is in the form");
        assertTrue(lost.asString().contains("changed while you were editing it"));
        assertEquals("First words.", TestData.sql("select body from review where id = ?1", id));
    }

    @Test
    void aFormRefusedForItsSecurityTokenShowsWhatWasWritten() {
        Subject subject = TestData.subject("Expired form");
        Session author = Session.customer();
        author.formWithoutCsrf().formParam("csrf-token", "a-token-from-long-ago").formParam("rating", "3")
                .formParam("body", "Written before the form expired, and not to be lost.")
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(400)
                .body(containsString("This form has expired"))
                .body(containsString("Written before the form expired, and not to be lost."));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id))
                .longValue());
    }

    @Test
    void aRatingThatIsNotOneToFiveStarsGetsTheFormBackWithTheText() {
        Subject subject = TestData.subject("Odd ratings");
        Session author = Session.customer();
        for (String rating : List.of("2.5", "NaN", "1e3", "five", "99999999999999999999", "\u0663", "-1", "0")) {
            author.form().formParam("rating", rating).formParam("body", "Typed with an odd rating " + rating)
                    .when().post("/subjects/" + subject.slug + "/reviews")
                    .then().statusCode(400)
                    .body(containsString("Typed with an odd rating"))
                    .body(containsString("Ratings go from 1 to 5 stars."));
        }
        assertEquals(0L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", subject.id))
                .longValue());
    }

    private static String post(Session who, Subject subject, String rating, String body) {
        return who.form().formParam("rating", rating).formParam("body", body)
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(303)
                .extract().header("Location").replaceFirst("^https?://[^/]+", "");
    }
}
