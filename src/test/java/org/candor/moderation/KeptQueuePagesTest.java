package org.candor.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.candor.subject.Subject;
import org.candor.support.Headers;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;
import org.candor.web.KeptSignedInPages;

/**
 * A moderator's queue page is kept as a stencil while nothing is written and for at most two seconds: a view meanwhile
 * is the page rendered for them, with their session's token; whatever is written through the app — a held post, an
 * action, a narrower set of subjects — shows at the next view, and a change made behind the app's back within two
 * seconds. One moderator's name and token never reach another.
 */
@QuarkusTest
class KeptQueuePagesTest {

    @Inject
    EntityManager em;

    @Inject
    KeptSignedInPages pages;

    @Test
    void aQueuePageIsKeptUntilSomethingIsWritten() {
        Subject subject = heldFirst("Kept queue");
        Session mod = Session.moderatorOf(subject);
        Session colleague = Session.moderatorOf(subject);
        long first = Steps.post(Session.customer(), subject, 3, "First words wait for a moderator.");
        String tab = "/moderation?tab=held";

        String rendered = keptAlike(mod, tab);
        assertTrue(rendered.contains("First words wait for a moderator."), rendered);

        // a colleague's page: their name, their token, never the first moderator's
        String theirs = colleague.request().get(tab).then().statusCode(200).extract().asString();
        assertTrue(theirs.contains(colleague.cookies().get("csrf-token")), "their token");
        assertFalse(theirs.contains(mod.cookies().get("csrf-token")), "not the other moderator's");
        assertTrue(theirs.contains("class=\"who\">" + name(colleague) + "</a>"), "their name in the header");
        assertFalse(theirs.contains("class=\"who\">" + name(mod) + "</a>"));

        // a new held post, written through the app: the next view shows it
        Steps.post(Session.customer(), subject, 1, "Second words wait too.");
        assertTrue(mod.request().get(tab).asString().contains("Second words wait too."));

        // the colleague publishes the first: it leaves both moderators' held tab at once
        long item = Steps.item(first, "HELD");
        Steps.act(colleague, item, "publish", "reason", "MEETS_GUIDELINES").statusCode(303);
        assertFalse(mod.request().get(tab).asString().contains("id=\"item-" + item + "\""), "published, gone");

        // an admin narrows the moderator to another subject: the next view shows none of this one's items
        Subject elsewhere = TestData.subject("Kept queue elsewhere");
        mod.request().get(tab).then().statusCode(200);
        TestData.update("update account set scope_subject_ids = array[cast(?1 as bigint)] where id = ?2", elsewhere.id,
                mod.accountId());
        String narrowed = mod.request().get(tab).asString();
        assertFalse(narrowed.contains("Second words wait too."), narrowed);

        // a moderator no longer staff is refused the queue at once, however recently it was kept for them
        keptAlike(colleague, tab);
        TestData.update("update account set role = 'CUSTOMER' where id = ?1", colleague.accountId());
        colleague.request().get(tab).then().statusCode(403);
    }

    @Test
    void aChangeNobodyAnnouncedShowsWithinTwoSeconds() throws InterruptedException {
        Subject subject = heldFirst("Kept queue clock");
        Session mod = Session.moderatorOf(subject);
        long item = Steps.item(Steps.post(Session.customer(), subject, 2, "Waiting quietly."), "HELD");
        String tab = "/moderation?tab=held";
        assertFalse(mod.request().get(tab).asString().contains("queue-item overdue\" id=\"item-" + item + "\""));
        mod.request().get(tab).then().statusCode(200);

        // straight in the database, no NOTIFY, no mark: as an operator's statement or the clock passing the target
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update queue_item set due_at = now() - interval '1 hour' where id = ?1")
                .setParameter(1, item).executeUpdate());
        Thread.sleep(QueueEvents.FRESH_NANOS / 1_000_000 + 100);
        assertTrue(mod.request().get(tab).asString().contains("queue-item overdue\" id=\"item-" + item + "\""),
                "overdue, two seconds later at most");
    }

    @Test
    void anItemPageIsKeptUntilTheItemChanges() {
        Subject subject = heldFirst("Kept item");
        Session mod = Session.moderatorOf(subject);
        Session colleague = Session.moderatorOf(subject);
        long item = Steps.item(Steps.post(Session.customer(), subject, 4, "Kept while nobody acts."), "HELD");
        String page = "/moderation/items/" + item;
        String publish = "action=\"/moderation/items/" + item + "/publish\"";
        assertTrue(keptAlike(mod, page).contains(publish), "a held post can be published");

        Steps.act(colleague, item, "publish", "reason", "MEETS_GUIDELINES").statusCode(303);
        String after = mod.request().get(page).then().statusCode(200).extract().asString();
        assertFalse(after.contains(publish), "published by a colleague: the page says what it is now");

        // a moderator no longer given the subject is refused the page at once, kept or not
        TestData.update("update account set scope_subject_ids = array[cast(?1 as bigint)] where id = ?2",
                TestData.subject("Kept item elsewhere").id, mod.accountId());
        mod.request().get(page).then().statusCode(403);
    }

    @Test
    void aModeratorsStencilsAreKeptApartFromCustomers() {
        Subject subject = heldFirst("Kept apart");
        Session mod = Session.moderatorOf(subject);
        Steps.post(Session.customer(), subject, 3, "Kept on a shelf of its own.");
        double customers = cached("signed-in-stencils");
        double staff = cached("staff-stencils");
        keptAlike(mod, "/moderation?tab=held");
        // a queue page weighs 100–200 KB and is current two seconds at most: it takes nothing of the customers' budget
        assertTrue(cached("staff-stencils") > staff, "kept with a moderator's stencils");
        assertEquals(customers, cached("signed-in-stencils"), "not with the customers'");
    }

    /** How many entries the cache named {@code name} holds, as an operator's Prometheus reads it. */
    private static double cached(String name) {
        return org.candor.support.Metrics.sum(l -> l.startsWith("cache_size{") && l.contains("cache=\"" + name + "\""));
    }

    /**
     * The page at {@code address} as rendered for {@code who}, after checking that a view right after it is answered
     * from the stencil it kept, ahead of the security chain, and is the same page with the same headers (tried again
     * when something written in between made it render again).
     */
    private String keptAlike(Session who, String address) {
        Response rendered = null;
        Response kept = null;
        for (int attempt = 0; attempt < 3 && kept == null; attempt++) {
            rendered = who.request().get(address);
            long hits = pages.hits();
            Response again = who.request().get(address);
            kept = pages.hits() == hits + 1 ? again : null;
        }
        assertNotNull(kept, "a view answered from the kept stencil");
        assertEquals(200, rendered.statusCode());
        assertEquals(rendered.asString(), kept.asString());
        assertEquals(Headers.withoutDate(rendered), Headers.withoutDate(kept));
        Headers.assertCookieDatesAgree(kept);
        return rendered.asString();
    }

    /** A new subject whose posts all wait for a moderator. */
    private static Subject heldFirst(String name) {
        Subject subject = TestData.subject(name);
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        return subject;
    }

    private static String name(Session who) {
        return (String) TestData.sql("select display_name from account where id = ?1", who.accountId());
    }
}
