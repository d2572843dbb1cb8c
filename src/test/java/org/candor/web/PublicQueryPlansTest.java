package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.SqlRecorder;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * Every query the public pages and the public API actually send (recorded from Hibernate) can be answered from an
 * index: with sequential scans priced out, PostgreSQL's generic plan for each one reads no big table sequentially.
 * If a change makes a public query unable to use its index, this fails.
 */
@QuarkusTest
class PublicQueryPlansTest {

    /** Tables that grow with the board; a sequential scan on them makes a page's cost grow with the data. */
    static final List<String> BIG = List.of("review", "comment", "log_entry", "log_node", "log_text", "official_reply",
            "annotation", "visibility_change", "review_version", "helpful_vote", "statement", "queue_item");

    @Test
    void everyPublicQueryUsesAnIndex() {
        Subject subject = TestData.subject("Plans");
        long first = 0;
        for (int i = 0; i < 23; i++) {
            String location = Session.customer().form().formParam("rating", Integer.toString(1 + i % 5))
                    .formParam("body", "Review number " + i).post("/subjects/" + subject.slug + "/reviews")
                    .then().statusCode(303).extract().header("Location");
            first = first == 0 ? Steps.idAtEndOf(location) : first;
        }
        Steps.act(Session.moderator(), Steps.item(first, "REPLY"), "reply", "body", "Thanks.").statusCode(303);
        String next = given().get("/api/subjects/" + subject.slug + "/reviews").then().statusCode(200)
                .extract().jsonPath().getString("next");
        long size = Steps.logSize();

        SqlRecorder.start();
        List<String> pages = List.of("/", "/subjects/" + subject.slug, "/subjects/" + subject.slug + "?sort=helpful",
                "/subjects/" + subject.slug + "?sort=lowest", "/subjects/" + subject.slug + "?after=" + next,
                "/subjects/" + subject.slug + "/reviews/" + first, "/log", "/log?subject=" + subject.slug,
                "/log?kind=OFFICIAL_REPLY", "/log?before=" + size, "/log.atom", "/api/log?after=0&limit=50",
                "/api/log/1", "/api/log/checkpoint", "/api/log/proof/inclusion?seq=1&size=" + size,
                "/api/log/proof/consistency?from=1&to=" + size, "/api/subjects", "/api/subjects/" + subject.slug,
                "/api/subjects/" + subject.slug + "/reviews", "/api/subjects/" + subject.slug + "/reviews?after=" + next,
                "/api/reviews/" + first, "/log/checkpoint", "/log/tile/0/000.p/1", "/log/tile/entries/000.p/1",
                "/log/entries/1/proof");
        for (String page : pages) {
            given().get(page).then().statusCode(200);
        }
        Set<String> statements = SqlRecorder.stop();
        assertTrue(statements.size() > 10, "recorded " + statements);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "public-queries.sql"),
                    String.join(";\n\n", statements));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        List<String> scans = new ArrayList<>();
        for (String sql : statements) {
            String lower = sql.toLowerCase();
            if (!lower.startsWith("select") && !lower.startsWith("with")) {
                continue;
            }
            String plan = genericPlan(sql);
            for (String table : BIG) {
                if (plan.matches("(?s).*Seq Scan on " + table + "\\b.*")) {
                    scans.add(table + " in: " + sql + "\n" + plan);
                }
            }
        }
        assertEquals(List.of(), scans);
        long reviewQueries = statements.stream().filter(q -> q.matches("(?si).*\\bfrom\\s+review\\b.*")).count();
        long logQueries = statements.stream().filter(q -> q.contains("log_entry") || q.contains("log_node")).count();
        assertTrue(reviewQueries >= 3 && logQueries >= 3, "review: " + reviewQueries + ", log: " + logQueries);
        // and the check does see a query no index can serve
        assertTrue(genericPlan("select id from review where body = ?").contains("Seq Scan on review"));
    }

    /**
     * Posting a review, the busiest write, is four statements the statement inspector sees (lock the account, read what
     * the checks need, write review + version + rating summary, open the queue items), each served by an index.
     */
    @Test
    void postingAReviewIsFourIndexedStatements() {
        Subject subject = TestData.subject("Posting plans");
        Session customer = Session.customer();
        customer.request().get("/subjects/" + subject.slug).then().statusCode(200); // known before recording
        SqlRecorder.start();
        customer.form().formParam("rating", "4").formParam("body", "Posted while recording")
                .post("/subjects/" + subject.slug + "/reviews").then().statusCode(303);
        Set<String> statements = SqlRecorder.stop();
        List<String> posting = statements.stream().filter(q -> q.contains("from account where id = ? for update")
                || q.contains("join moderation_policy p on p.id = 1 join subject s on s.slug")
                || q.contains("insert into review (subject_id") || q.contains("insert into queue_item (kind, review_id, why")).toList();
        assertEquals(4, posting.size(), "posting statements: " + String.join("\n\n", posting));
        List<String> scans = new ArrayList<>();
        for (String sql : posting) {
            String plan = genericPlan(sql);
            for (String table : BIG) {
                if (plan.matches("(?s).*Seq Scan on " + table + "\\b.*")) {
                    scans.add(table + " in: " + sql + "\n" + plan);
                }
            }
        }
        assertEquals(List.of(), scans);
    }

    /** The statement with its JDBC parameters numbered as PostgreSQL's ($1, $2, ...), for EXPLAIN (GENERIC_PLAN). */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        Matcher m = Pattern.compile("\\?").matcher(sql);
        int n = 0;
        while (m.find()) {
            m.appendReplacement(numbered, "\\$" + (++n));
        }
        m.appendTail(numbered);
        return numbered.toString();
    }

    /** PostgreSQL's plan for the statement whatever its parameters, with sequential scans priced out. */
    static String genericPlan(String sql) {
        String numbered = numbered(sql);
        // the simple query protocol, so the driver does not ask the server to bind $1.. itself
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (var connection = java.sql.DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "preferQueryMode=simple");
                var statement = connection.createStatement()) {
            statement.execute("set enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rows = statement.executeQuery("explain (generic_plan) " + numbered)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
