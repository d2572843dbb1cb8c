package org.candor.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** The queue updates live, across instances, and nothing in the code base deletes content. */
@QuarkusTest
class QueueLiveTest {

    @TestHTTPResource("/moderation/events")
    URI events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aModeratorsBrowserHearsOfAnActionWithinASecond() throws Exception {
        Subject subject = TestData.subject("Live");
        Session author = Session.customer();
        String location = author.form().formParam("rating", "2").formParam("body", "Live event please.")
                .when().post("/subjects/" + subject.slug + "/reviews").then().statusCode(303).extract().header("Location");
        long item = Steps.item(Steps.idAtEndOf(location), "REPLY");
        Session mod = Session.moderator();

        try (Listener listener = new Listener(events, mod)) {
            long start = System.nanoTime();
            Steps.act(mod, item, "take").statusCode(303);
            String data = listener.next(1000);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(Long.toString(item), data);
            assertTrue(elapsedMs < 1000, "event after " + elapsedMs + " ms");
        }
    }

    @Test
    void aScopedModeratorHearsOnlyOfTheSubjectsTheyModerate() throws Exception {
        Subject mine = TestData.subject("Live mine");
        Subject theirs = TestData.subject("Live theirs");
        Session scoped = Session.moderator();
        TestData.update("update account set scope_subject_ids = array[cast(?1 as bigint)] where provider_subject = ?2",
                mine.id, scoped.user());
        long outside = Steps.item(Steps.post(Session.customer(), theirs, 2, "Not for the scoped moderator."), "REPLY");
        long inside = Steps.item(Steps.post(Session.customer(), mine, 2, "For the scoped moderator."), "REPLY");
        Session colleague = Session.moderator();
        try (Listener listener = new Listener(events, scoped)) {
            Steps.act(colleague, outside, "take").statusCode(303);
            Steps.act(colleague, inside, "take").statusCode(303);
            assertEquals(Long.toString(inside), listener.next(2000), "the first event heard is the item in scope");
        }
    }

    @Test
    void anEmptyScopeIsNoSubjectNotTheWholeBoard() throws Exception {
        // the admin page stores no scope as null; an empty list written some other way must not widen to every subject
        Subject subject = TestData.subject("Live empty scope");
        Session scoped = Session.moderator();
        TestData.update("update account set scope_subject_ids = cast('{}' as bigint[]) where provider_subject = ?1",
                scoped.user());
        long item = Steps.item(Steps.post(Session.customer(), subject, 2, "Not for a moderator of nothing."), "REPLY");
        Session colleague = Session.moderator();
        try (Listener listener = new Listener(events, scoped)) {
            Steps.act(scoped, item, "take").statusCode(403);
            Steps.act(colleague, item, "take").statusCode(303);
            assertNull(listener.poll(1500), "a moderator of no subject hears of no item");
        }
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceReachesTheBrowserWithinASecond() throws Exception {
        Session mod = Session.moderator();
        try (Listener listener = new Listener(events, mod);
                Connection other = DriverManager.getConnection(jdbcUrl);
                Statement st = other.createStatement()) {
            // another instance, on its own connection, commits a change to item 987654321 and announces it
            long start = System.nanoTime();
            st.execute("select pg_notify('" + ModerationQueue.CHANNEL + "', '987654321:1')");
            assertEquals("987654321", listener.next(1000));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
        }
    }

    @Test
    void noCodePathDeletesContent() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .filter(p -> {
                        try {
                            // drafts a visitor typed while signed out (web/Drafts) are not content: they go after a day
                            String text = Files.readString(p).toLowerCase().replaceAll("delete from form_draft\\b", "");
                            return text.matches("(?s).*\\bdelete\\s+from\\b.*") || text.matches("(?s).*(?<!before )\\btruncate\\s.*")
                                    || text.contains("em.remove(") || text.contains(".delete(")
                                    || text.contains("deletebyid(") || text.contains("on delete cascade");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
        // and the database refuses it anyway, for every content and moderation table
        for (String table : List.of("review", "review_version", "comment", "report", "queue_item", "queue_event",
                "official_reply", "annotation", "visibility_change", "redaction", "author_notice", "canned_response")) {
            Object trigger = TestData.sql("select count(*) from pg_trigger where tgrelid = cast(?1 as regclass) "
                    + "and tgname like '%no_delete'", table);
            assertEquals(1L, ((Number) trigger).longValue(), table + " has no delete guard");
        }
    }

    /** A browser's EventSource, reading data lines as they arrive; ready once the server says the stream is open. */
    static final class Listener implements AutoCloseable {

        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        Listener(URI uri, Session session) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .header("Cookie", session.cookieHeader()).GET().build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            lines = response.body();
            Thread reader = new Thread(() -> {
                try {
                    lines.filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip())
                            .filter(d -> !"ping".equals(d)).forEach(data::add);
                } catch (RuntimeException closed) {
                    // the stream ends when the test closes the listener
                }
            });
            reader.setDaemon(true);
            reader.start();
            assertEquals("ready", next(5000));
        }

        String next(long timeoutMs) throws InterruptedException {
            String d = data.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (d == null) {
                throw new AssertionError("no event within " + timeoutMs + " ms");
            }
            return d;
        }

        /** The next event within the time, or null when none came. */
        String poll(long timeoutMs) throws InterruptedException {
            return data.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
