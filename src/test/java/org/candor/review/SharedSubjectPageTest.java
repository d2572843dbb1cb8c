package org.candor.review;

import static org.candor.support.SubjectPages.form;
import static org.candor.support.SubjectPages.list;
import static org.candor.support.SubjectPages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Metrics;
import org.candor.support.Session;
import org.candor.support.TestData;
import org.candor.web.KeptSignedInPages;
import org.candor.web.SharedFragments;
import org.candor.web.Stencils;

/**
 * A subject's page for signed-in customers is built from one shared part (summary and review list, as a visitor sees
 * them) and their own part (header, review form): the shared part is served from memory to the next customer, and
 * nothing of one customer's own part — their form with what they wrote, their session's CSRF token, their waiting
 * post — ever reaches another.
 */
@QuarkusTest
class SharedSubjectPageTest {

    private static final String OWN_STENCILS = "cache_size{cache=\"own-stencils\"}";

    @Inject
    SharedFragments shared;

    @Inject
    ReviewReads reviews;

    @Inject
    Stencils stencils;

    @Inject
    KeptSignedInPages kept;

    @Test
    void customersShareTheListAndKeepTheirOwnParts() {
        Subject subject = TestData.subject("Shared page");
        String page = "/subjects/" + subject.slug;
        Session alice = Session.customer();
        Session bob = Session.customer();
        Session carol = Session.customer();
        write(alice, page, "4", "Alice's title", "Alice wrote these words herself.");
        // Carol's review waits for a moderator: only she (and staff) may see it
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        write(carol, page, "2", "", "Carol is still waiting for a moderator.");
        // the log has both posts and has been read (a view reads it: the subject's reply line), before views are counted
        org.candor.support.Steps.sequenced();
        io.restassured.RestAssured.given().get(page).then().statusCode(200);

        String forAlice = alice.request().get(page).then().statusCode(200).extract().asString();
        long hits = shared.hits();
        String forBob = bob.request().get(page).then().statusCode(200).extract().asString();
        assertEquals(hits + 1, shared.hits(), "Bob's page was built from the part Alice's rendering kept");
        String again = alice.request().get(page).then().statusCode(200).extract().asString();
        assertEquals(hits + 2, shared.hits(), "and Alice's second view too");
        long carolsHits = shared.hits();
        double ownStencils = Metrics.value(OWN_STENCILS);
        String forCarol = carol.request().get(page).then().statusCode(200).extract().asString();
        assertEquals(carolsHits + 1, shared.hits(), "the shared part (its subject); Carol's own list made for her");
        long answered = kept.hits();
        String carolAgain = carol.request().get(page).then().statusCode(200).extract().asString();
        assertEquals(answered + 1, kept.hits(), "Carol's second page answered from the stencil of her own list");
        assertEquals(ownStencils + 1, Metrics.value(OWN_STENCILS), "her stencil is kept apart from those everyone uses");
        String bobAfterCarol = bob.request().get(page).then().statusCode(200).extract().asString();
        assertFalse(bobAfterCarol.contains("Carol is still waiting"), "Carol's own list is hers alone");
        assertTrue(bobAfterCarol.contains(bob.cookies().get("csrf-token")));
        assertFalse(carolAgain.contains(bob.cookies().get("csrf-token")));
        assertTrue(carolAgain.contains(carol.cookies().get("csrf-token")));
        String forVisitor = io.restassured.RestAssured.given().get(page).then().statusCode(200).extract().asString();

        // the list is the same for everyone who has no waiting post there
        assertEquals(list(forAlice), list(forBob));
        assertEquals(list(forVisitor), list(forBob));
        assertTrue(list(forBob).contains("Alice wrote these words herself."));
        // Alice edits her review: her form holds her words; Bob's is empty
        assertTrue(form(forAlice).contains("Alice&#39;s title") || form(forAlice).contains("Alice's title"), form(forAlice));
        assertTrue(form(again).contains("Alice wrote these words herself."), form(again));
        assertFalse(form(forBob).contains("Alice"), form(forBob));
        // each page carries its reader's CSRF token, and only theirs
        assertTrue(forAlice.contains(alice.cookies().get("csrf-token")));
        assertTrue(forBob.contains(bob.cookies().get("csrf-token")));
        assertFalse(forBob.contains(alice.cookies().get("csrf-token")));
        assertFalse(forAlice.contains(bob.cookies().get("csrf-token")));
        // Carol's waiting review is on her page only
        assertTrue(list(forCarol).contains("Carol is still waiting for a moderator."), list(forCarol));
        assertTrue(list(carolAgain).contains("Carol is still waiting for a moderator."), list(carolAgain));
        for (String other : new String[] { forAlice, forBob, again, forVisitor }) {
            assertFalse(other.contains("Carol is still waiting"), "a waiting post reached another reader");
        }

        // her post shown (as a moderator's approval or an operator would): her next page is no longer her own list's
        TestData.update("update review set status = 'PUBLISHED' where subject_id = ?1 and body like 'Carol%'",
                subject.id);
        String carolShown = carol.request().get(page).then().statusCode(200).extract().asString();
        String visitorAfter = io.restassured.RestAssured.given().get(page).then().statusCode(200).extract().asString();
        assertTrue(list(visitorAfter).contains("Carol is still waiting for a moderator."), list(visitorAfter));
        assertEquals(list(visitorAfter), list(carolShown));
    }

    /**
     * A customer's own review (their form) is kept per customer and subject, so a signed-in page reads nothing from the
     * database; it is read again after anything of the subject changes, through the app or straight in the database
     * (as another instance or an operator would change it).
     */
    @Test
    void aCustomersOwnReviewIsKeptAndNeverStale() {
        Subject subject = TestData.subject("Own part kept");
        String page = "/subjects/" + subject.slug;
        Session frank = Session.customer();
        Session gina = Session.customer();
        assertFalse(form(frank.request().get(page).asString()).contains("Frank"));
        long hits = reviews.ownHits();
        long answered = kept.hits();
        assertFalse(form(frank.request().get(page).asString()).contains("Frank"));
        assertEquals(answered + 1, kept.hits(), "Frank's second view was answered from what his first kept");
        assertFalse(form(frank.request().get(page + "?sort=lowest").asString()).contains("Frank"));
        assertEquals(hits + 1, reviews.ownHits(), "another order of the list read his own part from memory");

        write(frank, page, "3", "Frank's view", "Frank wrote this first.");
        assertTrue(form(frank.request().get(page).asString()).contains("Frank wrote this first."), "his post, at once");
        assertFalse(form(gina.request().get(page).asString()).contains("Frank"), "and his only");

        TestData.update("update review set body = 'Frank, as an operator corrected it.' where subject_id = ?1",
                subject.id);
        String again = frank.request().get(page).asString();
        assertTrue(form(again).contains("Frank, as an operator corrected it."), form(again));
        assertFalse(form(again).contains("Frank wrote this first."), "nothing kept from before the change");
    }

    /**
     * A customer's page is the kept stencil with their name, CSRF token and own words put in, escaped as Qute escapes
     * them: what a reader typed never becomes markup, and no reader's words reach another's page.
     */
    @Test
    void aCustomersPageIsTheStencilWithOnlyTheirWordsPutIn() {
        Subject subject = TestData.subject("Stencil page");
        String page = "/subjects/" + subject.slug;
        Session hal = Session.customer();
        Session ivy = Session.customer();
        hal.form().formParam("displayName", "Hal <b>\"&'</b>").post("/me/profile").then().statusCode(303);
        write(hal, page, "4", "A \"quoted\" <i>title</i>", "</textarea><script>alert('Hal')</script> & more");
        write(ivy, page, "4", "Ivy's", "Ivy rated it four stars too.");

        String first = hal.request().get(page).then().statusCode(200).extract().asString();
        long hits = stencils.hits();
        String forIvy = ivy.request().get(page).then().statusCode(200).extract().asString();
        String again = hal.request().get(page).then().statusCode(200).extract().asString();
        assertEquals(hits + 2, stencils.hits(), "both pages were made from the stencil Hal's first view kept");
        assertEquals(first, again);

        assertTrue(first.contains("class=\"who\">Hal &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</a>"), first);
        assertTrue(form(first).contains("value=\"A &quot;quoted&quot; &lt;i&gt;title&lt;/i&gt;\""), form(first));
        assertTrue(form(first).contains(">&lt;/textarea&gt;&lt;script&gt;alert(&#39;Hal&#39;)&lt;/script&gt; &amp; more"
                + "</textarea>"), form(first));
        assertTrue(form(first).contains("value=\"4\" required checked"), form(first));
        assertEquals(2, count(first, "value=\"" + hal.cookies().get("csrf-token") + "\""), "logout and review forms");
        assertEquals(2, count(forIvy, "value=\"" + ivy.cookies().get("csrf-token") + "\""), "logout and review forms");
        // Hal's review is in the list everyone reads; his name in the header, his form and his token are his only
        assertFalse(form(forIvy).contains("Hal") || forIvy.contains(hal.cookies().get("csrf-token")), form(forIvy));
        assertFalse(forIvy.contains("class=\"who\">Hal"), "Hal's name in Ivy's header");
        assertTrue(form(forIvy).contains("Ivy rated it four stars too."), form(forIvy));
        for (String html : new String[] { first, forIvy }) {
            assertFalse(html.indexOf('\u0001') >= 0, "a stand-in was left in the page");
        }
    }

    private static int count(String html, String part) {
        int n = 0;
        for (int at = html.indexOf(part); at >= 0; at = html.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theKeptPartsAndTheReadersOwnAreOneUtf8Page() {
        // the list is kept as UTF-8 bytes and put into each page as is (HtmlBytes, Fragment); the reader's own part is
        // encoded around it: characters of every width, on both sides, arrive whole and declared as UTF-8
        Subject subject = TestData.subject("Café Ñandú ☕");
        String page = "/subjects/" + subject.slug;
        Session dana = Session.customer();
        String words = "Crème brûlée, 東京の味, a rocket 🚀 and a snowman ☃ — all of it.";
        write(dana, page, "5", "Süß 😀", words);
        Session erin = Session.customer();
        for (Session reader : new Session[] { dana, erin, dana }) {
            io.restassured.response.Response answer = reader.request().get(page);
            assertEquals(200, answer.statusCode());
            assertEquals("text/html;charset=UTF-8", answer.contentType().replace(" ", ""));
            String html = answer.asString();
            assertTrue(list(html).contains(words), list(html));
            assertTrue(html.contains("<title>Café Ñandú ☕ · Candor</title>"), html);
            assertFalse(html.indexOf('\u0000') >= 0, "a marker of a kept part was left in the page");
        }
        assertTrue(form(dana.request().get(page).asString()).contains("Süß 😀"), "Dana's own form, beside the kept list");
    }
}
