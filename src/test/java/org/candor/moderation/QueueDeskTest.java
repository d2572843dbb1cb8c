package org.candor.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** The queue as a workspace: narrowed by subject, rating, rule, age and words; paged past 100; acted on in bulk. */
@QuarkusTest
class QueueDeskTest {

    private static final Pattern ITEM = Pattern.compile("id=\"item-(\\d+)\"");
    @Inject
    QueueLines lines;

    private static final Pattern MORE = Pattern.compile("href=\"(/moderation\\?tab=reply[^\"]*after=[^\"]+)\"");

    @Test
    void aTabPagesPastAHundredAndNarrowsByRatingWordsAndSubject() {
        Subject subject = TestData.subject("Paged desk");
        for (int i = 0; i < 105; i++) {
            TestData.publishedReview(subject, TestData.account("Desk author " + i, Role.CUSTOMER), i % 5 + 1,
                    (i == 42 ? "The zipper jammed on the first day. " : "Fine bag. ") + i);
        }
        Session mod = Session.moderatorOf(subject);

        List<Long> ones = ids(mod.request().get("/moderation?tab=reply&rating=1").then().statusCode(200).extract().asString());
        assertEquals(21, ones.size());
        String first = mod.request().get("/moderation?tab=reply").then().statusCode(200).extract().asString();
        List<Long> page1 = ids(first);
        assertEquals(100, page1.size());
        Matcher more = MORE.matcher(first);
        assertTrue(more.find(), "a link to the next page");
        // an item resolved meanwhile does not shift the next page
        Steps.act(mod, page1.get(0), "close", "text", "").statusCode(303);
        String second = mod.request().get(more.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        List<Long> page2 = ids(second);
        assertEquals(5, page2.size());
        Set<Long> all = new HashSet<>(page1);
        all.addAll(page2);
        assertEquals(105, all.size(), "no item twice, none left out");
        assertTrue(!MORE.matcher(second).find(), "the last page has no next");

        mod.request().queryParam("q", "zipper JAMMED").get("/moderation?tab=reply").then().statusCode(200)
                .body(containsString("The zipper jammed")).body(not(containsString("Fine bag.")));
        // the subject picker offers names; a name or an address narrows the tab
        mod.request().get("/moderation/subjects").then().statusCode(200).header("Cache-Control", "private, max-age=60")
                .body(containsString("<option value=\"Paged desk\">"));
        // fetched by the page's script when the field is used, not sent with every view
        mod.request().get("/moderation?tab=reply").then().body(containsString("data-src=\"/moderation/subjects\""))
                .body(not(containsString("<option value=\"Paged desk\">")));
        assertEquals(100, ids(mod.request().queryParam("subject", "paged DESK").get("/moderation?tab=reply").then().extract().asString()).size());
        mod.request().queryParam("subject", "Nothing like it").get("/moderation?tab=reply").then().statusCode(200)
                .body(containsString("Nothing on this tab matches"));
        // what it does not understand it leaves out
        assertEquals(100, ids(mod.request().get("/moderation?tab=reply&rating=9&rule=x&age=y&after=z").then()
                .statusCode(200).extract().asString()).size());
        assertEquals(0, ids(mod.request().get("/moderation?tab=reply&age=week").then().extract().asString()).size());
    }

    @Test
    void theSubjectPickerEscapesNamesAndOffersOnlyTheModeratorsSubjects() {
        Subject quoted = TestData.subject("Tom & Jerry's \"<b>Diner</b>\"");
        TestData.subject("Someone else's desk");
        Session mod = Session.moderatorOf(quoted);
        String page = mod.request().get("/moderation/subjects").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"Tom &amp; Jerry&#39;s &quot;&lt;b&gt;Diner&lt;/b&gt;&quot;\"></option>"),
                "the name escaped once, as Qute would");
        assertTrue(!page.contains("<b>Diner</b>"), "never raw");
        assertTrue(!page.contains("Someone else&#39;s desk"), "a scoped moderator is offered their subjects only");
        Session.customer().request().get("/moderation/subjects").then().statusCode(403);
    }

    @Test
    void aLineIsRenderedOnceForWhatItShowsAndAgainWhenThatChanges() {
        Subject subject = TestData.subject("Kept lines");
        Account author = TestData.account("Line author", Role.CUSTOMER);
        long review = TestData.publishedReview(subject, author, 2, "The strap frayed within a week.").id;
        Session mod = Session.moderatorOf(subject);
        String tab = "/moderation?tab=reply&subject=" + subject.slug;
        mod.request().get(tab).then().statusCode(200).body(containsString("The strap frayed"))
                .body(containsString("Line author")).body(containsString("name=\"items\""));
        long hits = lines.hits();
        // the tab's list, as the page's script fetches it (the page itself is kept whole for a moment: KeptQueuePagesTest)
        mod.request().get("/moderation/list?tab=reply&subject=" + subject.slug).then().statusCode(200)
                .body(containsString("Line author"));
        assertTrue(lines.hits() > hits, "the list's line came from memory");
        // a line shows what was read for this view: a renamed author is never shown under the old name
        TestData.update("update account set display_name = ?1 where id = ?2", "Renamed author", author.id);
        mod.request().get(tab).then().statusCode(200).body(containsString("Renamed author"))
                .body(not(containsString("Line author")));
        // each language its own; the bulk checkbox only on the tabs acted on in bulk
        mod.request().cookie("candor_lang", "es").get(tab).then().statusCode(200)
                .body(containsString("Esperando respuesta")).body(not(containsString("Awaiting reply")));
        mod.request().get(tab).then().body(containsString("Awaiting reply"));
        mod.request().get("/moderation?tab=escalated&subject=" + subject.slug).then().statusCode(200);
        Steps.act(mod, Steps.item(review, "REPLY"), "escalate", "text", "Needs the shop's answer.").statusCode(303);
        mod.request().get("/moderation?tab=escalated&subject=" + subject.slug).then().statusCode(200)
                .body(containsString("The strap frayed")).body(not(containsString("name=\"items\"")));
    }

    @Test
    void aKeptLineShowsTheClockOfThisViewAndWhatChangedSinceItWasKept() {
        Subject subject = TestData.subject("Clocked desk");
        long late = TestData.publishedReview(subject, TestData.account("Late author", Role.CUSTOMER), 1,
                "Still no refund after a month.").id;
        long fresh = TestData.publishedReview(subject, TestData.account("Fresh author", Role.CUSTOMER), 4,
                "Good, if a little slow.").id;
        long lateItem = Steps.item(late, "REPLY");
        long freshItem = Steps.item(fresh, "REPLY");
        TestData.update("update queue_item set created_at = now() - interval '2 days 3 hours',"
                + " due_at = now() - interval '5 hours 10 minutes' where id = ?1", lateItem);
        TestData.update("update queue_item set due_at = now() + interval '2 hours 30 minutes' where id = ?1", freshItem);
        Session mod = Session.moderatorOf(subject);
        String tab = "/moderation?tab=reply&subject=" + subject.slug;
        for (int view = 0; view < 2; view++) { // the second view's lines come from memory: the same markup
            String page = mod.request().get(tab).then().statusCode(200).extract().asString();
            assertTrue(Pattern.compile("<li class=\"queue-item overdue\" id=\"item-" + lateItem + "\" data-version=\"\\d+\">"
                    + "[^\u0000]*?<strong class=\"due\">overdue by 5 h 1\\d min</strong> · waiting 2 d 3 h\\s*</p>\\s*</li>")
                    .matcher(page).find(), page);
            assertTrue(Pattern.compile("<li class=\"queue-item\" id=\"item-" + freshItem + "\" data-version=\"\\d+\">"
                    + "[^\u0000]*?<span class=\"due\">2 h [23]\\d min left</span> · waiting \\d+ min\\s*</p>\\s*</li>")
                    .matcher(page).find(), page);
        }
        // the clock moves on: the same kept line, the new time
        TestData.update("update queue_item set due_at = now() + interval '40 minutes' where id = ?1", freshItem);
        mod.request().get(tab).then().statusCode(200).body(containsString("<span class=\"due\">39 min left</span>"));
        // a colleague takes the late one: the line is rendered again, and says so
        Account claimer = TestData.account("Desk colleague", Role.MODERATOR);
        TestData.update("update queue_item set claimed_by = ?1, claimed_at = now() where id = ?2", claimer.id, lateItem);
        String taken = mod.request().get(tab).then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("waiting 2 d 3 h\\s+· taken by Desk colleague\\s*</p>").matcher(taken).find(), taken);
        // answered, it is done: no clock, how it ended
        Steps.act(mod, freshItem, "reply", "body", "Thank you, we are speeding up.").statusCode(303);
        String done = mod.request().get("/moderation?tab=done&subject=" + subject.slug).then().statusCode(200)
                .extract().asString();
        assertTrue(Pattern.compile("<li class=\"queue-item\" id=\"item-" + freshItem + "\"[^\u0000]*?Done: [^<]+\\s*</p>\\s*</li>")
                .matcher(done).find(), done);
    }

    @Test
    void bulkActionsAreEachTheirOwnLoggedAction() {
        Subject subject = TestData.subject("Bulk desk");
        List<Long> reviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviews.add(TestData.publishedReview(subject, TestData.account("Bulk author " + i, Role.CUSTOMER), 2,
                    "Arrived late " + i).id);
        }
        Session mod = Session.moderatorOf(subject);
        long canned = ((Number) TestData.sql("select id from canned_response where title = 'Sorry, we are on it'")).longValue();
        long logBefore = Steps.logSize();
        var form = mod.form().formParam("action", "reply").formParam("canned", canned).formParam("tab", "reply");
        for (int i = 0; i < 3; i++) {
            long item = Steps.item(reviews.get(i), "REPLY");
            // the last one changed since the moderator saw it: it is left alone
            form.formParam("items", item + ":" + (Steps.version(item) + (i == 2 ? 5 : 0)));
        }
        String flash = form.post("/moderation/bulk").then().statusCode(303).extract().cookie("candor_flash");
        assertEquals("flash_bulk_partial", flash);
        Steps.sequenced();
        assertEquals(logBefore + 2, Steps.logSize(), "one log entry per reply");
        for (int i = 0; i < 3; i++) {
            assertEquals(i < 2 ? 1L : 0L, ((Number) TestData.sql("select count(*) from official_reply where review_id = ?1",
                    reviews.get(i))).longValue());
        }

        // publishing held posts under one reason
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        long held = Steps.post(Session.customer(), subject, 4, "Held then published in bulk.");
        long item = Steps.item(held, "HELD");
        mod.form().formParam("action", "publish").formParam("tab", "held").formParam("items", item + ":" + Steps.version(item))
                .post("/moderation/bulk").then().statusCode(303).cookie("candor_flash", "flash_bulk_choose");
        mod.form().formParam("action", "publish").formParam("reason", "MEETS_GUIDELINES").formParam("tab", "held")
                .formParam("items", item + ":" + Steps.version(item))
                .post("/moderation/bulk").then().statusCode(303).cookie("candor_flash", "flash_bulk_done");
        assertEquals("PUBLISHED", TestData.sql("select status from review where id = ?1", held));
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ITEM.matcher(html);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return ids;
    }
}
