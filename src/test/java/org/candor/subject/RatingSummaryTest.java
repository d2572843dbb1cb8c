package org.candor.subject;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** The rating summary kept on a subject always equals what its published reviews add up to. */
@QuarkusTest
class RatingSummaryTest {

    @Test
    void theSummaryFollowsPostingReRatingHidingAndRestoring() {
        Subject subject = TestData.subject("Summary kettle");
        Session first = Session.customer();
        long kept = Steps.post(first, subject, 4, "Four stars at first.");
        long hidden = Steps.post(Session.customer(), subject, 2, "Two stars, to be hidden.");
        assertSummaryMatchesReviews(subject);

        first.form().formParam("rating", "5").formParam("body", "Five stars now.")
                .when().post("/subjects/" + subject.slug + "/reviews/" + kept + "/edit").then().statusCode(303);
        assertSummaryMatchesReviews(subject);

        Session mod = Session.moderator();
        long item = Steps.item(hidden, "REPLY");
        Steps.act(mod, item, "hide", "reason", "OFF_TOPIC", "text", "Not about the kettle.").statusCode(303);
        assertSummaryMatchesReviews(subject);
        long restoreItem = ((Number) TestData.sql("select id from queue_item where review_id = ?1 order by id desc limit 1",
                hidden)).longValue();
        Steps.act(mod, restoreItem, "restore", "reason", "MISTAKE").statusCode(303);
        assertSummaryMatchesReviews(subject);
    }

    private static void assertSummaryMatchesReviews(Subject subject) {
        Object[] kept = (Object[]) TestData.sql("""
                select review_count, rating_sum, stars_1, stars_2, stars_3, stars_4, stars_5 from subject where id = ?1""",
                subject.id);
        Object[] counted = (Object[]) TestData.sql("""
                select count(*), coalesce(sum(rating), 0), count(*) filter (where rating = 1),
                    count(*) filter (where rating = 2), count(*) filter (where rating = 3),
                    count(*) filter (where rating = 4), count(*) filter (where rating = 5)
                from review where subject_id = ?1 and status = 'PUBLISHED'""", subject.id);
        long[] a = new long[7];
        long[] b = new long[7];
        for (int i = 0; i < 7; i++) {
            a[i] = ((Number) kept[i]).longValue();
            b[i] = ((Number) counted[i]).longValue();
        }
        assertArrayEquals(b, a, "summary on the subject vs. its published reviews");
    }
}
