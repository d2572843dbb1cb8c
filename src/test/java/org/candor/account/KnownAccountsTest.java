package org.candor.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Metrics;
import org.candor.support.Session;
import org.candor.support.TestData;

/**
 * An account in use is read again in the background once due, and its requests are answered meanwhile as it was read:
 * what nobody announced (a change made with the triggers off) is seen after that reading, and no request waits for it.
 */
@QuarkusTest
class KnownAccountsTest {

    private static final String REREADS = "candor_known_accounts_rereads_total";

    @Inject
    KnownAccounts known;

    @Test
    void aRenameNobodyAnnouncedIsSeenOnceTheAccountIsReadAgainInTheBackground() {
        Subject subject = TestData.subject("Known and read again");
        String page = "/subjects/" + subject.slug;
        Session gil = Session.customer();
        String name = (String) TestData.sql("select display_name from account where id = ?1", gil.accountId());
        gil.request().get(page).then().statusCode(200);
        String renamed = TestData.unique("Gil, renamed unannounced");
        assertEquals(1,
                TestData.unannounced("update account set display_name = ?1 where id = ?2", renamed, gil.accountId()));

        double rereads = Metrics.value(REREADS);
        assertTrue(gil.request().get(page).asString().contains(name), "not due: as it was read");
        known.dueNow();
        String whileDue = gil.request().get(page).asString();
        assertTrue(whileDue.contains(name) && !whileDue.contains(renamed), "answered as read while it is read again");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.value(REREADS) >= rereads + 1);

        assertTrue(gil.request().get(page).asString().contains(renamed), "read again: the name as it is now");
        gil.request().get(page).then().statusCode(200);
        assertEquals(rereads + 1, Metrics.value(REREADS), "read once, then not due for a while");
    }

    @Test
    void anAccountClosedUnannouncedSignsNobodyInOnceReadAgain() {
        Session hal = Session.customer();
        hal.request().redirects().follow(false).get("/me").then().statusCode(200);
        assertEquals(1, TestData.unannounced("update account set closed_at = now() where id = ?1", hal.accountId()));
        double rereads = Metrics.value(REREADS);
        known.dueNow();
        hal.request().redirects().follow(false).get("/me").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.value(REREADS) >= rereads + 1);

        hal.request().redirects().follow(false).get("/me").then().statusCode(Matchers.not(200));
        assertFalse(hal.request().get("/").asString().contains("/me/profile\" class=\"who\""), "signed out");
    }
}
