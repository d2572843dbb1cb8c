package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * Every route of the application (read from its own resource classes, so a new route without an entry here fails)
 * × {anonymous, customer, other customer, moderator, admin} → the expected outcome.
 * <p>
 * Outcomes: {@code A} allowed (2xx, 3xx not to sign-in, 400 invalid form, 409 conflict, 429 throttled), {@code L} sent
 * to sign-in, {@code F} forbidden (403), {@code U} the branded 401 page, {@code S} a branded 503 page, {@code N} not
 * found or gone (404, 410: a link that is not, or no longer, valid).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Route → outcome for anonymous, customer (the author), another customer, a moderator, an admin. */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /", "AAAAA"),
            Map.entry("GET /about", "AAAAA"),
            Map.entry("GET /rules", "AAAAA"),
            Map.entry("GET /about/reviews", "AAAAA"),
            Map.entry("GET /lang/{tag}", "AAAAA"),
            Map.entry("GET /login", "AAAAA"),
            Map.entry("GET /login/{provider}", "AAAAA"),
            Map.entry("GET /login/failed", "UUUUU"),
            // the branded page when a provider does not answer: 503 for everyone
            Map.entry("GET /login/unavailable/{provider}", "SSSSS"),
            Map.entry("GET /logout", "AAAAA"),
            // signing out needs no live session: an ended one is simply cleared
            Map.entry("POST /logout", "AAAAA"),
            Map.entry("GET /subjects/{slug}", "AAAAA"),
            Map.entry("POST /subjects/{slug}/reviews", "LAAAA"),
            Map.entry("GET /subjects/{slug}/reviews/{id}", "AAAAA"),
            Map.entry("GET /subjects/{slug}/reviews/{id}/edit", "LAFFF"),
            Map.entry("POST /subjects/{slug}/reviews/{id}/edit", "LAFFF"),
            Map.entry("POST /subjects/{slug}/reviews/{id}/comments", "LAAAA"),
            Map.entry("POST /subjects/{slug}/reviews/{id}/helpful", "LAAAA"),
            Map.entry("POST /subjects/{slug}/reviews/{id}/report", "LAAAA"),
            Map.entry("GET /me", "LAAAA"),
            Map.entry("GET /me/profile", "LAAAA"),
            Map.entry("POST /me/profile", "LAAAA"),
            Map.entry("GET /api/me", "UAAAA"),
            Map.entry("GET /api/subjects", "AAAAA"),
            Map.entry("GET /api/subjects/{slug}", "AAAAA"),
            Map.entry("GET /api/subjects/{slug}/reviews", "AAAAA"),
            Map.entry("GET /api/reviews/{id}", "AAAAA"),
            Map.entry("GET /log", "AAAAA"),
            Map.entry("GET /log.atom", "AAAAA"),
            Map.entry("GET /log/verify", "AAAAA"),
            Map.entry("GET /log/checkpoint", "AAAAA"),
            Map.entry("GET /log/texts/{path: .+}", "AAAAA"),
            Map.entry("GET /admin/erasure", "LFFFA"),
            Map.entry("POST /admin/erasure", "LFFFA"),
            Map.entry("GET /log/tile/{path: .+}", "AAAAA"),
            Map.entry("GET /log/entries/{seq}/proof", "AAAAA"),
            Map.entry("GET /api/log", "AAAAA"),
            Map.entry("GET /api/transparency/statements", "AAAAA"),
            Map.entry("GET /transparency", "AAAAA"),
            Map.entry("GET /transparency.json", "AAAAA"),
            Map.entry("GET /transparency.csv", "AAAAA"),
            Map.entry("GET /api/subjects/{slug}/replies", "AAAAA"),
            Map.entry("GET /robots.txt", "AAAAA"),
            Map.entry("GET /sitemap.xml", "AAAAA"),
            Map.entry("GET /sitemaps/subjects.xml", "AAAAA"),
            Map.entry("GET /sitemaps/reviews-{file}.xml", "AAAAA"),
            Map.entry("GET /notices/new", "AAAAA"),
            Map.entry("POST /notices", "AAAAA"),
            Map.entry("GET /notices/{reference}", "AAAAA"),
            Map.entry("POST /notices/{reference}/appeal", "AAAAA"),
            Map.entry("POST /me/appeals", "LAAAA"),
            Map.entry("GET /me/data", "LAAAA"),
            Map.entry("GET /api/log/{seq}", "AAAAA"),
            Map.entry("GET /api/log/checkpoint", "AAAAA"),
            Map.entry("GET /api/log/public-key", "AAAAA"),
            Map.entry("GET /api/log/proof/inclusion", "AAAAA"),
            Map.entry("GET /api/log/proof/consistency", "AAAAA"),
            Map.entry("GET /moderation", "LFFAA"),
            Map.entry("GET /moderation/list", "LFFAA"),
            Map.entry("GET /moderation/subjects", "LFFAA"),
            Map.entry("GET /moderation/items/{id}", "LFFAA"),
            Map.entry("GET /moderation/reviews/{id}", "LFFAA"),
            Map.entry("POST /moderation/open", "LFFAA"),
            Map.entry("POST /moderation/bulk", "LFFAA"),
            Map.entry("POST /moderation/items/{id}/{action}", "LFFAA"),
            Map.entry("POST /moderation/items/{id}/preview", "LFFAA"),
            Map.entry("GET /moderation/statements", "LFFAA"),
            Map.entry("GET /moderation/statements/{id}", "LFFAA"),
            Map.entry("POST /moderation/statements", "LFFAA"),
            Map.entry("POST /moderation/statements/{id}", "LFFAA"),
            Map.entry("POST /moderation/statements/{id}/retire", "LFFAA"),
            Map.entry("GET /admin", "LFFFA"),
            Map.entry("GET /admin/subjects", "LFFFA"),
            Map.entry("GET /admin/subjects/new", "LFFFA"),
            Map.entry("POST /admin/subjects", "LFFFA"),
            Map.entry("GET /admin/subjects/{slug}/edit", "LFFFA"),
            Map.entry("POST /admin/subjects/{slug}/edit", "LFFFA"),
            Map.entry("GET /admin/policy", "LFFFA"),
            Map.entry("POST /admin/policy", "LFFFA"),
            Map.entry("POST /admin/policy/subject", "LFFFA"),
            Map.entry("GET /admin/rules", "LFFFA"),
            Map.entry("POST /admin/rules", "LFFFA"),
            Map.entry("POST /admin/rules/test", "LFFFA"),
            Map.entry("POST /admin/rules/{id}/retire", "LFFFA"),
            Map.entry("GET /admin/canned", "LFFFA"),
            Map.entry("POST /admin/canned", "LFFFA"),
            Map.entry("GET /admin/canned/{id}", "LFFFA"),
            Map.entry("POST /admin/canned/{id}", "LFFFA"),
            Map.entry("POST /admin/canned/{id}/retire", "LFFFA"),
            Map.entry("GET /admin/offers", "LFFFA"),
            Map.entry("POST /admin/offers", "LFFFA"),
            Map.entry("GET /admin/offers/{id}", "LFFFA"),
            Map.entry("POST /admin/offers/{id}", "LFFFA"),
            Map.entry("POST /admin/offers/{id}/retire", "LFFFA"),
            Map.entry("GET /admin/offers/consistency", "LFFFA"),
            Map.entry("GET /admin/roles", "LFFFA"),
            Map.entry("GET /admin/roles/{id}", "LFFFA"),
            Map.entry("POST /admin/roles/{id}", "LFFFA"),
            Map.entry("GET /admin/providers", "LFFFA"),
            Map.entry("GET /moderation/events", "LFFAA"),
            // #16: e-mail sign-in, linking, closing, invitations, keys, widget, search
            Map.entry("POST /login/email", "AAAAA"),
            Map.entry("GET /login/email/sent", "AAAAA"),
            Map.entry("GET /login/email/{token}", "NNNNN"),
            Map.entry("GET /login/link", "AAAAA"),
            Map.entry("POST /login/link", "AAAAA"),
            Map.entry("POST /login/link/separate", "AAAAA"),
            Map.entry("POST /me/profile/link", "LAAAA"),
            Map.entry("GET /me/close", "LAAAA"),
            Map.entry("POST /me/close", "LAAAA"),
            Map.entry("GET /admin/invitations", "LFFFA"),
            Map.entry("POST /admin/invitations", "LFFFA"),
            Map.entry("POST /admin/incentives", "LFFFA"),
            Map.entry("POST /admin/incentives/{id}/retire", "LFFFA"),
            Map.entry("GET /admin/api-keys", "LFFFA"),
            Map.entry("POST /admin/api-keys", "LFFFA"),
            Map.entry("POST /admin/api-keys/{id}/revoke", "LFFFA"),
            Map.entry("POST /admin/roles/{id}/insider", "LFFFA"),
            // a shop's system, with a key: no session of anyone's counts
            Map.entry("POST /api/invitations", "UUUUU"),
            Map.entry("GET /invitations/{token}", "NNNNN"),
            Map.entry("GET /invitations/{token}/unsubscribe", "AAAAA"),
            Map.entry("POST /invitations/{token}/unsubscribe", "AAAAA"),
            Map.entry("GET /search", "AAAAA"),
            Map.entry("GET /embed/subjects/{slug}", "AAAAA"),
            Map.entry("GET /api/subjects/{slug}/widget", "AAAAA"),
            Map.entry("GET /admin/embed", "LFFFA"),
            Map.entry("POST /admin/embed", "LFFFA"),
            Map.entry("POST /admin/embed/remove", "LFFFA"),
            // #17: incidents (the fixture has none: a moderator is told it is not found) and the detector's thresholds
            Map.entry("GET /moderation/incidents", "LFFAA"),
            Map.entry("GET /moderation/incidents/{id}", "LFFNN"),
            Map.entry("POST /moderation/incidents/{id}/{action}", "LFFNN"),
            Map.entry("POST /moderation/incidents/{id}/answer", "LFFNN"),
            Map.entry("GET /admin/unusual", "LFFFA"),
            Map.entry("POST /admin/unusual", "LFFFA"),
            Map.entry("POST /admin/unusual/dry-run", "LFFFA"),
            // #17: alerts (the fixture's staff have no subscription of that id: not found)
            Map.entry("GET /moderation/alerts", "LFFAA"),
            Map.entry("GET /moderation/alerts/count", "LFFAA"),
            Map.entry("GET /moderation/alerts/events", "LFFAA"),
            Map.entry("POST /moderation/alerts/seen", "LFFAA"),
            Map.entry("GET /moderation/alerts/settings", "LFFAA"),
            Map.entry("POST /moderation/alerts/settings", "LFFAA"),
            Map.entry("POST /moderation/alerts/subscriptions", "LFFAA"),
            Map.entry("POST /moderation/alerts/subscriptions/{id}/end", "LFFNN"),
            // dev mode only: not a route of any other build
            Map.entry("GET /dev/mailbox", "NNNNN")));

    @Test
    void everyRouteHasAnEntryAndEveryEntryARoute() throws Exception {
        Set<String> routes = routes();
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(EXPECTED.keySet());
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), missing, "routes without an expected outcome");
        assertEquals(Set.of(), stale, "expected outcomes for routes that no longer exist");
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() throws Exception {
        Fixture f = new Fixture();
        List<String> wrong = new ArrayList<>();
        String[] who = { "anonymous", "customer", "other customer", "moderator", "admin" };
        for (var e : EXPECTED.entrySet()) {
            if (e.getKey().endsWith("/events")) {
                continue; // an endless stream: checked below
            }
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String path = f.path(e.getKey().substring(method.length() + 1));
            for (int i = 0; i < 5; i++) {
                RequestSpecification request = f.request(i, method.equals("POST"));
                Response response = method.equals("GET") ? request.get(path) : request.post(path);
                String outcome = outcome(response);
                char expected = e.getValue().charAt(i);
                if (outcome.charAt(0) != expected) {
                    wrong.add(e.getKey() + " as " + who[i] + ": expected " + expected + ", got " + outcome);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void nothingCanBeDeletedThroughAnyRoute() throws Exception {
        Fixture f = new Fixture();
        for (String route : routes()) {
            String path = f.path(route.substring(route.indexOf(' ') + 1));
            int status = f.request(4, true).delete(path).statusCode();
            assertTrue(status == 405 || status == 404, "DELETE " + path + " gave " + status);
        }
    }

    @Test
    void objectLevelChecksHold() {
        Fixture f = new Fixture();
        // another customer cannot edit the author's review, even with a valid form
        f.sessions[2].form().formParam("rating", "1").formParam("body", "Hijacked")
                .when().post("/subjects/" + f.subject.slug + "/reviews/" + f.review + "/edit").then().statusCode(403);
        assertEquals("Matrix review.", TestData.sql("select body from review where id = ?1", f.review));
        // a moderator limited to another subject cannot act here, nor see the item in the queue
        Subject elsewhere = TestData.subject("Matrix elsewhere");
        TestData.update("update account set scope_subject_ids = array[cast(?1 as bigint)] where provider_subject = ?2",
                elsewhere.id, f.sessions[3].user());
        try {
            f.sessions[3].form().formParam("version", Steps.version(f.item)).formParam("text", "scoped")
                    .when().post("/moderation/items/" + f.item + "/note").then().statusCode(403);
            f.sessions[3].form().formParam("review", f.review).when().post("/moderation/open").then().statusCode(403);
            // ... nor read it: not its page, not through a stale form (the 409 page) or an invalid one (the form again)
            f.sessions[3].request().when().get("/moderation/items/" + f.item).then().statusCode(403)
                    .body(not(containsString("Matrix review.")));
            f.sessions[3].form().formParam("version", Steps.version(f.item) + 7).formParam("text", "stale")
                    .when().post("/moderation/items/" + f.item + "/note").then().statusCode(403)
                    .body(not(containsString("Matrix review.")));
            f.sessions[3].form().formParam("version", Steps.version(f.item)).formParam("text", "")
                    .when().post("/moderation/items/" + f.item + "/note").then().statusCode(403)
                    .body(not(containsString("Matrix review.")));
            f.sessions[3].request().when().get("/moderation?tab=reply").then().statusCode(200)
                    .body(not(containsString("/moderation/items/" + f.item + "\"")));
        } finally {
            TestData.update("update account set scope_subject_ids = null where provider_subject = ?1", f.sessions[3].user());
        }
    }

    @Test
    void theEventStreamIsForStaffOnly() {
        Fixture f = new Fixture();
        for (String stream : List.of("/moderation/events", "/moderation/alerts/events")) {
            f.sessions[1].request().get(stream).then().statusCode(403);
            given().redirects().follow(false).get(stream).then().statusCode(303);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String outcome(Response r) {
        int s = r.statusCode();
        String location = r.header("Location");
        if ((s == 302 || s == 303) && location != null && location.contains("/login?back=")) {
            return "L";
        }
        if (s == 403) {
            return "F";
        }
        if (s == 401) {
            return "U";
        }
        if (s == 503) {
            return "S";
        }
        if (s == 404 || s == 410) {
            return "N";
        }
        if (s < 400 || s == 400 || s == 409 || s == 429) {
            return "A";
        }
        return "?" + s;
    }

    /** The application's routes, read from its resource classes: "METHOD /path/{param}". */
    static Set<String> routes() throws IOException, ClassNotFoundException {
        Set<String> routes = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/candor"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : null;
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    routes.add(verb + " " + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
                }
            }
        }
        return routes;
    }

    /** Content and people to try every route with. */
    static final class Fixture {
        final Subject subject = TestData.subject("Matrix");
        final Session[] sessions = { null, Session.customer(), Session.customer(), Session.moderator(), Session.admin() };
        final String anonymousCsrf;
        final long review;
        final long item;
        final long canned;
        final long offer;
        final long rule;
        final long statement;
        final long target;
        /** A notice of illegal content about the review, and the key its sender got. */
        final String notice;
        final String noticeKey;

        Fixture() {
            anonymousCsrf = given().get("/about").cookie("csrf-token");
            String location = sessions[1].form().formParam("rating", "3").formParam("body", "Matrix review.")
                    .post("/subjects/" + subject.slug + "/reviews").then().statusCode(303).extract().header("Location");
            review = Steps.idAtEndOf(location);
            item = Steps.item(review, "REPLY");
            Steps.act(sessions[3], item, "annotate", "text", "Matrix annotation.").statusCode(303);
            String title = TestData.unique("Matrix canned");
            sessions[4].form().formParam("title", title).formParam("body", "b").formParam("category", "c")
                    .formParam("allowedRole", "MODERATOR").post("/admin/canned").then().statusCode(303);
            canned = ((Number) TestData.sql("select id from canned_response where title = ?1", title)).longValue();
            String offerName = TestData.unique("Matrix offer");
            sessions[4].form().formParam("name", offerName).formParam("allowedRole", "MODERATOR").post("/admin/offers")
                    .then().statusCode(303);
            offer = ((Number) TestData.sql("select id from offer_type where name = ?1", offerName)).longValue();
            String pattern = TestData.unique("matrixword");
            sessions[4].form().formParam("pattern", pattern).formParam("action", "FLAG").post("/admin/rules")
                    .then().statusCode(303);
            rule = ((Number) TestData.sql("select id from word_rule where pattern = ?1", pattern)).longValue();
            String heading = TestData.unique("Matrix statement");
            sessions[4].form().formParam("subject", subject.slug).formParam("title", heading).formParam("body", "b")
                    .post("/moderation/statements").then().statusCode(303);
            statement = ((Number) TestData.sql("select id from statement where title = ?1", heading)).longValue();
            target = TestData.account("Matrix target", org.candor.account.Role.CUSTOMER).id;
            String receipt = given().redirects().follow(false).cookie("csrf-token", anonymousCsrf).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", anonymousCsrf).formParam("review", review).formParam("location", "http://x/")
                    .formParam("law", "Matrix law").formParam("explanation", "Matrix notice.").formParam("name", "Matrix")
                    .formParam("email", "matrix@example.org").formParam("goodFaith", "yes")
                    .post("/notices").then().statusCode(303).extract().header("Location");
            notice = receipt.replaceAll(".*/notices/([^?]+)\\?.*", "$1");
            noticeKey = receipt.replaceAll(".*[?&]key=([^&]+).*", "$1");
        }

        String path(String template) {
            String p = template.replace("{token}", "A".repeat(43)).replace("{slug}", subject.slug).replace("{provider}", "google").replace("{tag}", "en")
                    .replace("{action}", "note").replace("{seq}", "1").replace("{file}", "0")
                    .replace("/log/texts/{path: .+}", "/log/texts/000.p/1").replace("{path: .+}", "0/000.p/1");
            long id;
            if (template.startsWith("/moderation/items")) {
                id = item;
            } else if (template.startsWith("/admin/canned")) {
                id = canned;
            } else if (template.startsWith("/admin/offers")) {
                id = offer;
            } else if (template.startsWith("/admin/rules")) {
                id = rule;
            } else if (template.startsWith("/admin/roles")) {
                id = target;
            } else if (template.startsWith("/moderation/statements")) {
                id = statement;
            } else {
                id = review;
            }
            p = p.replace("{id}", Long.toString(id));
            p = p.replace("{reference}", notice);
            if (p.equals("/notices/new")) {
                p += "?review=" + review;
            } else if (p.startsWith("/notices/" + notice)) {
                p += "?key=" + noticeKey;
            }
            if (p.equals("/api/log/proof/inclusion")) {
                p += "?seq=1&size=1";
            } else if (p.equals("/api/log/proof/consistency")) {
                p += "?from=1&to=1";
            }
            return p;
        }

        RequestSpecification request(int who, boolean form) {
            return request(who, form, Map.of());
        }

        /** A request as one of the five people; a form carries every field any form needs, {@code overrides} win. */
        RequestSpecification request(int who, boolean form, Map<String, String> overrides) {
            RequestSpecification r;
            if (who == 0) {
                r = given().redirects().follow(false);
                if (form) {
                    r = r.cookie("csrf-token", anonymousCsrf).contentType("application/x-www-form-urlencoded")
                            .formParam("csrf-token", anonymousCsrf);
                }
            } else {
                r = form ? sessions[who].form() : sessions[who].request();
            }
            if (form) {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                fields.put("version", Integer.toString(Steps.version(item)));
                fields.put("text", "matrix");
                fields.put("body", "Matrix body.");
                fields.put("rating", "3");
                fields.put("reason", "OTHER");
                fields.put("title", "Matrix");
                fields.put("category", "c");
                fields.put("allowedRole", "MODERATOR");
                fields.put("name", "Matrix");
                fields.put("role", "CUSTOMER");
                fields.put("pattern", "matrix-none");
                fields.put("action", "FLAG");
                fields.put("slug", subject.slug);
                fields.put("mode", "");
                fields.put("displayName", "Matrix Person");
                fields.put("helpful", "true");
                fields.put("details", "d");
                fields.put("review", Long.toString(review));
                fields.put("subject", subject.slug);
                fields.put("note", "n");
                fields.put("handle", "h");
                fields.put("span", "Matrix");
                fields.putAll(overrides);
                r = r.formParams(fields);
            }
            return r;
        }
    }
}
