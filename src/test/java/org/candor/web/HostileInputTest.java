package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.candor.support.Session;
import org.candor.support.TestData;

/**
 * A corpus of hostile input against every form and JSON endpoint: never a 5xx, always a 4xx with a human message
 * (HTML for forms, problem JSON for the API), the typed text kept on form errors, nothing stored on rejection.
 */
@QuarkusTest
class HostileInputTest {

    static final String MEGABYTE = "x".repeat(1024 * 1024);

    /** Values every text field of every form receives in turn. */
    static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("oversized", MEGABYTE);
        VALUES.put("nul", "before\u0000after");
        VALUES.put("controls", "bell\u0007 escape\u001B backspace\u0008");
        VALUES.put("rtl-override", "\u202Egnp.exe");
        VALUES.put("script", "<script>alert(1)</script><img src=x onerror=alert(2)>");
        VALUES.put("javascript-url", "javascript:alert(document.cookie)");
        VALUES.put("sql", "'; drop table review; --");
        VALUES.put("huge-number", "99999999999999999999999");
        VALUES.put("negative", "-1");
        VALUES.put("empty", "");
    }

    @Test
    void everyFormSurvivesEveryHostileValue() throws Exception {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        List<String> problems = new ArrayList<>();
        for (String route : AuthorizationMatrixTest.routes()) {
            if (!route.startsWith("POST ") || route.equals("POST /logout")) {
                continue;
            }
            String path = f.path(route.substring(5));
            for (var value : VALUES.entrySet()) {
                // every text field hostile, the numbers valid...
                Map<String, String> text = new LinkedHashMap<>();
                List<String> fields = value.getKey().equals("oversized")
                        ? List.of("body", "text", "displayName") // 3 MB: under the 10 MB request limit, over every field's
                        : List.of("body", "text", "title", "displayName", "pattern", "name", "details", "note", "handle",
                                "span", "category", "description", "scope", "subject", "slug", "location", "law",
                                "explanation", "email", "goodFaith");
                for (String field : fields) {
                    text.put(field, value.getValue());
                }
                check(problems, route + " with " + value.getKey() + " text", f.request(4, true, text).post(path));
                // ...and the numbers and choices hostile, the text valid
                Map<String, String> numbers = new LinkedHashMap<>();
                for (String field : List.of("rating", "version", "canned", "offer", "assignee", "review", "comment",
                        "reason", "mode", "role", "action", "allowedRole", "staffInPublic", "maxLinks", "statement",
                        "report")) {
                    numbers.put(field, value.getKey().equals("oversized") ? value.getValue().substring(0, 100_000)
                            : value.getValue());
                }
                check(problems, route + " with " + value.getKey() + " numbers", f.request(4, true, numbers).post(path));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void queryAndPathParametersSurviveHostileValues() throws Exception {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        List<String> problems = new ArrayList<>();
        for (String route : AuthorizationMatrixTest.routes()) {
            // the page saying a provider does not answer is a 503 by design (AuthorizationMatrixTest checks it)
            if (!route.startsWith("GET ") || route.endsWith("/events")
                    || route.startsWith("GET /login/unavailable/")) {
                continue;
            }
            String path = f.path(route.substring(4));
            for (String q : List.of("?back=%00", "?subject=%00&kind=%00&from=%00&to=%00&after=%00&before=%00&sort=%00&tab=%00&q=%00",
                    "?after=-1&limit=-1&before=-1", "?after=99999999999999999999&limit=99999999999999999999",
                    "?subject=%27--&q=%25%5F%5C&back=javascript:alert(1)")) {
                // sent as typed: %00 must reach the server as a NUL, not as the text "%00"
                check(problems, "GET " + path + q, f.request(4, false).urlEncodingEnabled(false).get(path + q));
            }
        }
        for (String path : List.of("/subjects/%00", "/subjects/%00/reviews/1", "/api/subjects/%00", "/lang/%00",
                "/login/%00", "/subjects/x/reviews/99999999999999999999", "/moderation/items/-1")) {
            check(problems, "GET " + path, f.request(4, false).urlEncodingEnabled(false).get(path));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void rejectedReviewsKeepTheTextAndStoreNothing() {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        Session newcomer = Session.customer();
        for (var value : List.of("NUL \u0000 inside", "Bell \u0007 inside")) {
            newcomer.form().formParam("rating", "4").formParam("body", value)
                    .post("/subjects/" + f.subject.slug + "/reviews")
                    .then().statusCode(400)
                    .body(containsString("control characters"))
                    .body(containsString(value.replaceAll("[\\u0000-\\u001F]", "").substring(0, 4)));
        }
        newcomer.form().formParam("rating", "4").formParam("body", MEGABYTE)
                .post("/subjects/" + f.subject.slug + "/reviews").then().statusCode(400);
        newcomer.form().formParam("rating", "-3").formParam("body", "Negative stars")
                .post("/subjects/" + f.subject.slug + "/reviews")
                .then().statusCode(400).body(containsString("Negative stars"));
        assertEquals(1L, ((Number) TestData.sql("select count(*) from review where subject_id = ?1", f.subject.id)).longValue());
    }

    @Test
    void invalidUtf8WrongContentTypesAndDuplicatedFieldsAreRefusedPolitely() throws Exception {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        Session s = f.sessions[1];
        String path = "/subjects/" + f.subject.slug + "/reviews";
        byte[] broken = "rating=4&body=caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
        List<String> problems = new ArrayList<>();
        check(problems, "invalid UTF-8", raw(path, "application/x-www-form-urlencoded", withCsrf(broken, s), s));
        check(problems, "JSON to a form", s.request().contentType("application/json").body("{\"rating\":4}").post(path));
        check(problems, "text/plain to a form", s.request().contentType("text/plain").body("rating=4").post(path));
        check(problems, "duplicated fields", s.form().formParam("rating", "1", "5").formParam("body", "a", "b").post(path));
        check(problems, "missing fields", s.form().post(path));
        check(problems, "no CSRF token", s.formWithoutCsrf().formParam("rating", "4").formParam("body", "x").post(path));
        check(problems, "stale CSRF token", s.formWithoutCsrf().formParam("csrf-token", "AAAAAAAAAAAAAAAA")
                .formParam("rating", "4").formParam("body", "x").post(path));
        assertEquals(List.of(), problems);
    }

    @Test
    void theJsonApiAnswersBadQueriesWithProblemJson() {
        List<String> problems = new ArrayList<>();
        for (String q : List.of("/api/log?after=-5", "/api/log?after=abc", "/api/log?limit=999999999999",
                "/api/log?limit=-1", "/api/log/0", "/api/log/99999999999999999999", "/api/log/proof/inclusion?seq=x&size=1",
                "/api/log/proof/inclusion?seq=5&size=1", "/api/log/proof/consistency?from=-1&to=2",
                "/api/log/proof/consistency?from=9&to=2", "/api/subjects/%00/reviews", "/api/subjects/x/reviews?after=%27--",
                "/api/subjects/x/reviews?sort=<script>", "/api/reviews/-1", "/api/reviews/abc")) {
            Response r = given().get(q);
            check(problems, q, r);
            if (r.statusCode() >= 400 && !r.contentType().contains("problem+json")) {
                problems.add(q + ": " + r.statusCode() + " as " + r.contentType() + ", not problem JSON");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A request REST Assured would not send: raw bytes, as a broken client might. */
    private static Response raw(String path, String contentType, byte[] body, Session s) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(org.candor.support.SignInBrowser.base() + path))
                .header("Content-Type", contentType).header("Cookie", s.cookieHeader())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        // wrap the answer so the same checks apply
        return new io.restassured.builder.ResponseBuilder().setStatusCode(response.statusCode())
                .setBody(response.body()).setContentType(response.headers().firstValue("Content-Type").orElse(""))
                .build();
    }

    private static byte[] withCsrf(byte[] body, Session s) {
        String cookie = s.cookieHeader().replaceAll(".*csrf-token=([^;]*).*", "$1");
        byte[] token = ("&csrf-token=" + cookie).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[body.length + token.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(token, 0, all, body.length, token.length);
        return all;
    }

    /** Never a 5xx; a 4xx says something human and nothing internal. */
    private static void check(List<String> problems, String what, Response r) {
        int status = r.statusCode();
        String body = r.asString();
        if (status >= 500) {
            problems.add(what + ": " + status);
        } else if (status >= 400) {
            if (body.length() < 40) {
                problems.add(what + ": " + status + " without a message: '" + body + "'");
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.hibernate")) {
                problems.add(what + ": " + status + " leaks internals");
            }
        }
        assertFalse(what.isEmpty());
        assertTrue(status > 0);
    }
}
