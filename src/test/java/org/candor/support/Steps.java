package org.candor.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import io.restassured.response.ValidatableResponse;

/** Steps the moderation and policy tests share: queue items, acting on them, and reading the public log. */
public final class Steps {

    private Steps() {
    }

    /** Posts a review as this person and returns its id. */
    public static long post(Session author, org.candor.subject.Subject subject, int rating, String body) {
        String location = author.form().formParam("rating", Integer.toString(rating)).formParam("body", body)
                .when().post("/subjects/" + subject.slug + "/reviews")
                .then().statusCode(303).extract().header("Location");
        return idAtEndOf(location);
    }

    /** A comment on a review, by {@code author}; returns its id. */
    public static long comment(Session author, org.candor.subject.Subject subject, long review, String body) {
        String location = author.form().formParam("body", body)
                .post("/subjects/" + subject.slug + "/reviews/" + review + "/comments").then().statusCode(303)
                .extract().header("Location");
        return Long.parseLong(location.replaceAll(".*#comment-(\\d+).*", "$1"));
    }

    public static long idAtEndOf(String location) {
        String path = location.replaceAll("[?#].*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    public static long item(long reviewId, String kind) {
        Object id = TestData.sql("select id from queue_item where review_id = ?1 and kind = ?2 order by id desc limit 1",
                reviewId, kind);
        assertNotNull(id, "no " + kind + " item for review " + reviewId);
        return ((Number) id).longValue();
    }

    public static int version(long item) {
        return ((Number) TestData.sql("select version from queue_item where id = ?1", item)).intValue();
    }

    public static ValidatableResponse act(Session s, long item, String action, String... fields) {
        var request = s.form().formParam("version", version(item));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.when().post("/moderation/items/" + item + "/" + action).then();
    }

    /**
     * Sequences what posting staged and numbers its statements of reasons (the sequencer would within a second), so
     * the log is as the test left it.
     */
    public static void sequenced() {
        var log = io.quarkus.arc.Arc.container().instance(org.candor.publiclog.LogStaging.class).get();
        for (int attempt = 0; attempt < 200; attempt++) {
            log.integrate(100_000);
            if (((Number) TestData.sql("select count(*) from log_staged where seq is null")).longValue() == 0) {
                log.numberStatements();
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("staged log entries were not sequenced");
    }

    public static long logSize() {
        sequenced();
        return ((Number) TestData.sql("select size from log_head where id = 1")).longValue();
    }

    /** The latest log entry of this kind (an action is followed by its statement of reasons). */
    public static Map<String, Object> lastLogEntry(String kind) {
        return entry(((Number) TestData.sql("select max(seq) from log_entry where kind = ?1", kind)).longValue());
    }

    public static Map<String, Object> lastLogEntry() {
        return entry(logSize());
    }

    private static Map<String, Object> entry(long seq) {
        Object[] row = (Object[]) TestData.sql("""
                select e.kind, e.review_id, e.comment_id, e.actor_role, e.actor_handle, e.reason_code, r.text, b.text, e.seq
                from log_entry e left join log_text r on r.seq = e.seq and r.field = 'reasonText'
                left join log_text b on b.seq = e.seq and b.field = 'body' where e.seq = ?1""", seq);
        Map<String, Object> entry = new java.util.HashMap<>();
        String[] names = { "kind", "review_id", "comment_id", "actor_role", "actor_handle", "reason_code", "reason_text",
                "body", "seq" };
        for (int i = 0; i < names.length; i++) {
            entry.put(names[i], row[i]);
        }
        return entry;
    }
}
