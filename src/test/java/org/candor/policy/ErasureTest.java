package org.candor.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.publiclog.PublicLog;
import org.candor.publiclog.SignedNote;
import org.candor.publiclog.TilePath;
import org.candor.publiclog.Verifier;
import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * An entry's texts erased for a legal reason: the verifier still says OK (the tombstone covers the unopened
 * commitments), and the text is nowhere any more — not in any text column of the database, the API, the pages, the
 * feed or the tiles. Texts withheld without a tombstone are a FAIL.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    PublicLog log;

    private Verifier verifier() throws SignedNote.Malformed {
        return new Verifier(SignInBrowser.base(), SignedNote.verifierKey(log.verifierKey()));
    }

    @Test
    void erasedTextsAreNowhereAndTheLogStillVerifies() throws Exception {
        Subject subject = TestData.subject("Erasure");
        Session admin = Session.admin(); // signed in first: a bootstrap admin's first sign-in is itself on the log
        long review = Steps.post(Session.customer(), subject, 2, "The parcel never came.");
        String secret = TestData.unique("Dear Ada Quinn of 3 Hill Road");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "reply", "body", secret + ", we are sorry.")
                .statusCode(303);
        long entry = Steps.logSize();
        given().get("/subjects/" + subject.slug).then().statusCode(200).body(containsString(secret));

        admin.form().formParam("entry", "#" + entry).formParam("ground", "GDPR_ART_17")
                .formParam("note", "Request received 2026-12-01").post("/admin/erasure").then().statusCode(303);
        TestData.settle();
        long tombstone = Steps.logSize();
        assertEquals(entry + 1, tombstone);
        assertEquals("TEXTS_ERASED", TestData.sql("select kind from log_entry where seq = ?1", tombstone));
        assertEquals(entry, ((Number) TestData.sql("select erases from log_entry where seq = ?1", tombstone)).longValue());

        Verifier.Result ok = verifier().check(null);
        assertTrue(ok.ok(), ok.message());

        assertEquals(List.of(), columnsHolding(secret), "the erased text is still in the database");
        given().get("/api/log/" + entry).then().statusCode(200).body(not(containsString(secret)))
                .body("erased", org.hamcrest.Matchers.equalTo(true));
        given().get("/subjects/" + subject.slug).then().statusCode(200).body(not(containsString(secret)))
                .body(containsString("[erased]"));
        given().get("/log").then().statusCode(200).body(not(containsString(secret)))
                .body(containsString("were erased for a legal reason"));
        given().get("/log.atom").then().statusCode(200).body(not(containsString(secret)));
        TilePath bundle = new TilePath(0, (entry - 1) / 256, (int) Math.min(256, tombstone - (entry - 1) / 256 * 256), true);
        assertFalse(given().get("/log/" + bundle.uri()).then().statusCode(200).extract().asString().contains(secret));
        assertFalse(given().get("/log/texts/" + bundle.uri().substring("tile/entries/".length())).then().statusCode(200)
                .extract().asString().contains(secret));

        // a tombstone is final, an entry is erased once, and a wrong number is a message with the form as typed
        admin.form().formParam("entry", String.valueOf(tombstone)).formParam("ground", "GDPR_ART_17")
                .post("/admin/erasure").then().statusCode(400).body(containsString("A tombstone cannot be erased"));
        admin.form().formParam("entry", String.valueOf(entry)).formParam("ground", "COURT_ORDER")
                .post("/admin/erasure").then().statusCode(400).body(containsString("no text left to erase"));
        admin.form().formParam("entry", "forty-two").formParam("ground", "GDPR_ART_17").formParam("note", "kept note")
                .post("/admin/erasure").then().statusCode(400).body(containsString("the number of a log entry"))
                .body(containsString("value=\"forty-two\"")).body(containsString("value=\"kept note\""));
        admin.form().formParam("entry", "999999999").formParam("ground", "GDPR_ART_17")
                .post("/admin/erasure").then().statusCode(400).body(containsString("The log has no such entry"));
        admin.request().get("/admin/erasure").then().statusCode(200).body(containsString("#" + entry));
        Session.moderator().form().formParam("entry", String.valueOf(entry - 1)).formParam("ground", "GDPR_ART_17")
                .post("/admin/erasure").then().statusCode(403);
    }

    @Test
    void erasingAHideErasesTheFactsItsStatementOfReasonsCarriesToo() throws Exception {
        Subject subject = TestData.subject("Erased statement");
        Session admin = Session.admin();
        long review = Steps.post(Session.customer(), subject, 1, "The courier was rude.");
        String secret = TestData.unique("Names Bo Brandt of 9 Elm Lane");
        Steps.act(Session.moderator(), Steps.item(review, "REPLY"), "hide", "reason", "ABUSE", "text", secret)
                .statusCode(303);
        long hide = ((Number) TestData.sql("select max(seq) from log_entry where review_id = ?1 and kind = 'HIDE'",
                review)).longValue();
        long statement = ((Number) TestData.sql("select max(seq) from log_entry where review_id = ?1 "
                + "and kind = 'STATEMENT_OF_REASONS'", review)).longValue();
        admin.form().formParam("entry", "#" + hide).formParam("ground", "COURT_ORDER").post("/admin/erasure")
                .then().statusCode(303);
        TestData.settle();
        assertEquals(List.of(), columnsHolding(secret), "the erased text is still in the database");
        assertEquals(1L, ((Number) TestData.sql("select count(*) from log_entry where kind = 'TEXTS_ERASED' and erases = ?1",
                statement)).longValue(), "the statement's text has its own tombstone");
        Verifier.Result ok = verifier().check(null);
        assertTrue(ok.ok(), ok.message());
    }

    @Test
    void aTextWithheldWithoutATombstoneIsAFail() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> log.append(new PublicLog.Draft(
                org.candor.publiclog.LogKind.ANNOTATION, null, null, null, null, "moderator", "Erasure",
                null, null, "A text someone will withhold.", null, null)));
        TestData.settle();
        long seq = Steps.logSize();
        Object[] kept = (Object[]) TestData.sql("select text, salt from log_text where seq = ?1 and field = 'body'", seq);
        superuser("update log_text set text = null, salt = null, erased_by = ?1 where seq = ?1", seq);
        try {
            Verifier.Result withheld = verifier().check(null);
            assertFalse(withheld.ok());
            assertTrue(withheld.message().contains("entry #" + seq + " withholds a text without a tombstone"),
                    withheld.message());
        } finally {
            superuser("update log_text set text = ?1, salt = ?2, erased_by = null where seq = ?3 and field = 'body'",
                    kept[0], kept[1], seq);
        }
        assertTrue(verifier().check(null).ok());
    }

    /** Every text column of every table whose rows hold this text. */
    private static List<String> columnsHolding(String text) {
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> columns = QuarkusTransaction.requiringNew().call(() -> org.candor.review.Review.getEntityManager()
                .createNativeQuery("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public' and data_type in ('text', 'character varying')""")
                .getResultList());
        for (Object[] c : columns) {
            long n = ((Number) TestData.sql("select count(*) from " + c[0] + " where strpos(" + c[1] + ", ?1) > 0",
                    text)).longValue();
            if (n > 0) {
                found.add(c[0] + "." + c[1]);
            }
        }
        return found;
    }

    private static void superuser(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = org.candor.review.Review.getEntityManager();
            em.createNativeQuery("alter table log_text disable trigger user").executeUpdate();
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
            em.createNativeQuery("alter table log_text enable trigger user").executeUpdate();
        });
    }
}
