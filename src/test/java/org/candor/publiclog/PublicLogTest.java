package org.candor.publiclog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.SqlRecorder;
import org.candor.support.TestData;

@QuarkusTest
class PublicLogTest {

    @Inject
    PublicLog log;

    @Inject
    LogStaging staging;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void everyEntryHasAnInclusionProofAndEverySizePairAConsistencyProof() {
        appendMany(40, "proof");
        long size = log.size();
        byte[] root = b64(given().get("/api/log/checkpoint").then().statusCode(200).extract().jsonPath().getString("root"));
        for (long seq = Math.max(1, size - 40); seq <= size; seq++) {
            JsonPath p = given().queryParam("seq", seq).queryParam("size", size).get("/api/log/proof/inclusion")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(Merkle.verifyInclusion(seq - 1, size, b64(p.getString("leafHash")), list(p.getList("proof")), root),
                    "inclusion of #" + seq);
        }
        Random random = new Random(5);
        for (int i = 0; i < 25; i++) {
            long to = 1 + random.nextInt((int) size);
            long from = random.nextInt((int) to + 1);
            JsonPath p = given().queryParam("from", from).queryParam("to", to).get("/api/log/proof/consistency")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(Merkle.verifyConsistency(from, to, list(p.getList("proof")), b64(p.getString("fromRoot")),
                    b64(p.getString("toRoot"))), "consistency " + from + " → " + to);
        }
        given().queryParam("seq", size + 5).get("/api/log/proof/inclusion").then().statusCode(400)
                .contentType(containsString("problem+json")).body(containsString("seq must be between 1 and size"));
        given().queryParam("from", "x").get("/api/log/proof/consistency").then().statusCode(400);
    }

    @Test
    void concurrentWritersGetGapFreeSequenceNumbersInOneTree() throws Exception {
        org.candor.support.Steps.sequenced();
        appendMany(1, "before the writers"); // the head now keeps the roots of its size
        long before = log.size();
        SqlRecorder.start();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> log.append(draft("writer " + writer + " entry " + n)));
                }
            }));
        }
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();
        // every append hashed its leaf with the roots the head kept, though the writer before it had just changed them
        Set<String> statements = SqlRecorder.stop();
        assertTrue(statements.stream().noneMatch(sql -> sql.contains("from log_node")), statements.toString());
        TestData.settle();
        assertEquals(before + 1000, log.size());
        Object[] stats = (Object[]) TestData.sql("select count(*), min(seq), max(seq) from log_entry");
        long count = ((Number) stats[0]).longValue();
        assertEquals(count, ((Number) stats[2]).longValue() - ((Number) stats[1]).longValue() + 1, "no gaps");
        assertEquals(log.size(), ((Number) stats[2]).longValue());
        Verifier.Result result = new Verifier(SignInBrowser.base(), SignedNote.verifierKey(log.verifierKey())).check(null);
        assertTrue(result.ok(), result.message());
    }

    @Test
    void theVerifierNamesAChangedEntryAndNoticesARemovedOne() throws Exception {
        appendMany(5, "tamper");
        Path saved = Files.createTempFile("candor-checkpoint", ".txt");
        Files.delete(saved);
        Verifier verifier = new Verifier(SignInBrowser.base(), SignedNote.verifierKey(log.verifierKey()));
        Verifier.Result first = verifier.check(saved);
        assertTrue(first.ok(), first.message());
        long size = log.size();
        long victim = size - 2;

        // a superuser changes one byte of an entry behind the log's back, its triggers off so no instance hears of it;
        // the very next run sees it (the log's API is never answered from a cache that such a change leaves stale)
        String original = (String) TestData.sql("select text from log_text where seq = ?1 and field = 'reasonText'", victim);
        asSuperuser("update log_text set text = ?1 where seq = ?2 and field = 'reasonText'", original.replace('t', 'T'), victim);
        try {
            Verifier.Result tampered = verifier.check(null);
            assertTrue(!tampered.ok() && tampered.message().contains("entry #" + victim), tampered.message());
        } finally {
            asSuperuser("update log_text set text = ?1 where seq = ?2 and field = 'reasonText'", original, victim);
        }
        appendMany(1, "moves on");
        Verifier.Result restored = verifier.check(saved); // the log still extends the first checkpoint; save this one
        assertTrue(restored.ok(), restored.message());
        size = log.size();

        // ... or removes the last entry and everything that proved it
        asSuperuser("delete from log_text where seq = ?1", size);
        asSuperuser("delete from log_entry where seq = ?1", size);
        asSuperuser("delete from log_node where ((idx + 1) << level) = ?1", size);
        asSuperuser("update log_head set size = ?1", size - 1);
        Verifier.Result shrunk = verifier.check(saved);
        assertTrue(!shrunk.ok() && shrunk.message().contains("shrank"), shrunk.message());
    }

    @Test
    void theAtomFeedStaysWellFormedWhateverTheDatabaseHolds() throws Exception {
        appendMany(1, "control");
        long seq = log.size();
        // written behind the log's back: the service refuses such text, but the feed must not depend on it
        String original = (String) TestData.sql("select text from log_text where seq = ?1 and field = 'reasonText'", seq);
        asSuperuser("update log_text set text = ?1 where seq = ?2 and field = 'reasonText'", "bell\u0007 and escape\u001b", seq);
        String xml;
        try {
            xml = given().get("/log.atom").then().statusCode(200).extract().asString();
        } finally {
            // put it back: other tests verify the whole log
            asSuperuser("update log_text set text = ?1 where seq = ?2 and field = 'reasonText'", original, seq);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength() >= 1);
        assertTrue(xml.contains("bell and escape"), "the text is there without the control characters");
    }

    @Test
    void aServerStartedInTurkishWritesTheSameLeaves() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
        try {
            // "ADMIN".toLowerCase() is "admın" (dotless i) in Turkish: the leaf would hash differently
            String title = TestData.unique("Turkish notice");
            Session.admin().form().formParam("subject", "").formParam("title", title).formParam("body", "Locale check.")
                    .when().post("/moderation/statements").then().statusCode(303);
            assertEquals("admin", TestData.sql("select e.actor_role from log_entry e join log_text b on b.seq = e.seq and b.field = 'body' where b.text like ?1", title + "%"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        appendMany(1, "locked");
        long seq = log.size();
        assertThrows(Exception.class, () -> TestData.update("update log_entry set kind = 'x' where seq = ?1", seq));
        assertThrows(Exception.class, () -> TestData.update("update log_text set text = 'x' where seq = ?1", seq));
        assertThrows(Exception.class, () -> TestData.update("update log_text set text = null, salt = null where seq = ?1", seq));
        assertThrows(Exception.class, () -> TestData.update("delete from log_text where seq = ?1", seq));
        assertThrows(Exception.class, () -> TestData.update("delete from log_entry where seq = ?1", seq));
        assertThrows(Exception.class, () -> TestData.update("delete from log_node where level = 0 and idx = ?1", seq - 1));
    }

    @Test
    void theJsonApiPagesWithoutGaps() {
        appendMany(15, "paging");
        long size = log.size();
        long expected = 1;
        Long after = 0L;
        while (after != null) {
            JsonPath page = given().queryParam("after", after).queryParam("limit", 200).get("/api/log")
                    .then().statusCode(200).extract().jsonPath();
            for (Long seq : page.getList("entries.seq", Long.class)) {
                assertEquals(expected++, seq);
            }
            after = page.getObject("next", Long.class);
        }
        assertTrue(expected - 1 >= size);
        given().queryParam("limit", 5000).get("/api/log").then().statusCode(400);
        given().get("/api/log/" + size).then().statusCode(200).body("seq", org.hamcrest.Matchers.equalTo((int) size));
        given().get("/api/log/999999999").then().statusCode(404);
    }

    @Test
    void theAtomFeedIsWellFormedAtom() throws Exception {
        appendMany(2, "feed <&> \"quoted\"");
        String xml = given().get("/log.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("feed", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2005/Atom", doc.getDocumentElement().getNamespaceURI());
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength() >= 2);
        assertTrue(xml.contains("feed &lt;&amp;&gt;"), "text is escaped");
    }

    @Test
    void theLogPagesListFilterAndExplain() {
        appendMany(1, "page");
        given().get("/log").then().statusCode(200).body(containsString("Public log")).body(containsString("Official reply"));
        given().queryParam("kind", "OFFICIAL_REPLY").get("/log").then().statusCode(200);
        given().queryParam("kind", "HIDE").queryParam("from", "2001-01-01").queryParam("to", "2001-01-02").get("/log")
                .then().statusCode(200).body(containsString("No entries match."));
        given().queryParam("from", "not-a-date").get("/log").then().statusCode(400)
                .body(containsString("Dates are written as year-month-day"))
                .body(containsString("value=\"not-a-date\""));
        String key = given().get("/api/log/public-key").then().statusCode(200).extract().jsonPath().getString("verifierKey");
        given().get("/log/verify").then().statusCode(200).body(containsString(key)).body(containsString("candor-verify.jar"));
    }

    /**
     * Numbering statements joins two tables that start empty; a plan PostgreSQL kept from then read both whole for
     * every pair (15 s to minutes a run in the benchmark, autovacuum off). It is planned afresh each time: however often
     * it runs on a connection, that connection keeps no prepared plan of it (the driver keeps one from the fifth use).
     */
    @Test
    void numberingStatementsKeepsNoPlanFromWhenItsTablesWereEmpty() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 8; i++) {
                staging.numberStatements();
            }
            Number kept = (Number) em.createNativeQuery("select count(*) from pg_prepared_statements "
                    + "where statement like '%update reasons_statement r set log_seq%'").getSingleResult();
            assertEquals(0, kept.intValue(), "a kept plan of the numbering");
        });
    }

    private void appendMany(int n, String text) {
        for (int i = 0; i < n; i++) {
            String t = text + " " + i;
            QuarkusTransaction.requiringNew().run(() -> log.append(draft(t)));
        }
        TestData.settle();
    }

    private static PublicLog.Draft draft(String text) {
        return new PublicLog.Draft(LogKind.OFFICIAL_REPLY, null, null, null, null, "moderator", "Test team",
                "REPLY", "test reason " + text, text, null, null);
    }

    /** Changes the log the way only a database superuser could: with its append-only triggers switched off. */
    static void asSuperuser(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = org.candor.review.Review.getEntityManager();
            em.createNativeQuery("alter table log_entry disable trigger user").executeUpdate();
            em.createNativeQuery("alter table log_text disable trigger user").executeUpdate();
            em.createNativeQuery("alter table log_node disable trigger user").executeUpdate();
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
            em.createNativeQuery("alter table log_entry enable trigger user").executeUpdate();
            em.createNativeQuery("alter table log_text enable trigger user").executeUpdate();
            em.createNativeQuery("alter table log_node enable trigger user").executeUpdate();
        });
        TestData.settle();
    }

    private static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    private static List<byte[]> list(List<Object> values) {
        return values.stream().map(v -> Base64.getDecoder().decode((String) v)).toList();
    }
}
