package org.candor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.TestData;

/**
 * What is kept per subject is made again from the database once it is older than its expiry; when the database says
 * the same, the kept value stays (what was built from it, every customer's remembered page, stays current), while a
 * change of the subject always gives a new value, even an equal one (a customer's own review may have changed where
 * the shared part shows nothing of it).
 */
@QuarkusTest
class KeptBySubjectTest {

    private static final Duration AGE = Duration.ofMillis(300);

    @Inject
    PublicPages pages;

    @Inject
    org.candor.transparency.TransparencyIndex transparency;

    record Value(long subject, String text) {
    }

    /** The log's first reading done (it makes every page stale, once), so only what a test does changes a subject. */
    @org.junit.jupiter.api.BeforeEach
    void logRead() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        transparency.report(today, today);
    }

    @Test
    void aValueMadeAgainBecauseItAgedStaysTheOneKeptWhileTheDatabaseSaysTheSame() throws Exception {
        Subject subject = TestData.subject("Kept by subject");
        TestData.settle(); // its creation heard (a NOTIFY for every page), so it does not land after the first make
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KeptBySubject<Value> kept = new KeptBySubject<>(pages, 1 << 20, AGE, Value::subject, v -> 100, registry,
                "test");
        AtomicInteger made = new AtomicInteger();
        Supplier<Value> same = () -> {
            made.incrementAndGet();
            return new Value(subject.id, "the same");
        };

        Value first = kept.get("k", same);
        assertSame(first, kept.get("k", same), "young and unchanged: from memory");
        assertEquals(1, made.get());
        assertTrue(kept.current("k", first));

        Thread.sleep(AGE.toMillis() + 50);
        assertFalse(kept.current("k", first), "past its age nothing built from it is served as it is");
        assertSame(first, kept.get("k", same), "made again, the same: the kept one stays");
        assertEquals(2, made.get(), "it was made again from the database");
        assertTrue(kept.current("k", first), "and what was built from it is current again");
        assertEquals(1, registry.counter("candor.kept.aged", "cache", "test", "found", "same").count());

        Thread.sleep(AGE.toMillis() + 50);
        Value other = kept.get("k", () -> new Value(subject.id, "what the database says now"));
        assertNotSame(first, other);
        assertEquals("what the database says now", other.text());
        assertFalse(kept.current("k", first));
        assertTrue(kept.current("k", other));
        assertEquals(1, registry.counter("candor.kept.aged", "cache", "test", "found", "different").count(),
                "operators see a change nobody announced");

        // a change of the subject (its trigger NOTIFYs every instance): a new value, however equal
        TestData.update("update subject set description = 'changed' where id = ?1", subject.id);
        long deadline = System.currentTimeMillis() + 10_000;
        while (kept.current("k", other) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(kept.current("k", other), "the change was heard");
        Value afterChange = kept.get("k", () -> new Value(subject.id, "what the database says now"));
        assertEquals(other, afterChange);
        assertNotSame(other, afterChange, "an equal value after a change replaces the kept one");
        assertTrue(kept.current("k", afterChange));
    }

    @Test
    void anAgedValueIsMadeAgainByOneReaderWhileTheOthersAreGivenTheKeptOne() throws Exception {
        Subject subject = TestData.subject("Made again once");
        TestData.settle(); // its creation heard (a NOTIFY for every page), so it does not land after the first make
        KeptBySubject<Value> kept = new KeptBySubject<>(pages, 1 << 20, AGE, Value::subject, v -> 100,
                new SimpleMeterRegistry(), "test");
        Value first = kept.get("k", () -> new Value(subject.id, "the same"));
        Thread.sleep(AGE.toMillis() + 50);
        assertFalse(kept.current("k", first), "past its age");

        java.util.concurrent.CountDownLatch making = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Value> slow = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> kept.get("k", () -> {
                    made.incrementAndGet();
                    making.countDown();
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Value(subject.id, "the same");
                }));
        assertTrue(making.await(5, java.util.concurrent.TimeUnit.SECONDS));
        // while one reader makes it again, every other one is given the kept value, and what was built from it stays
        for (int i = 0; i < 50; i++) {
            assertSame(first, kept.get("k", () -> {
                made.incrementAndGet();
                return new Value(subject.id, "the same");
            }));
        }
        assertTrue(kept.current("k", first));
        assertEquals(1, made.get(), "made again once, not once per reader");
        done.countDown();
        assertSame(first, slow.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(kept.current("k", first), "found the same: young again");

        // a change heard is never bridged: the next reader makes it, whoever else is making it again
        Thread.sleep(AGE.toMillis() + 50);
        TestData.update("update subject set description = 'changed again' where id = ?1", subject.id);
        long deadline = System.currentTimeMillis() + 10_000;
        while (kept.fresh("k") != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(null, kept.fresh("k"), "the change was heard");
        assertNotSame(first, kept.get("k", () -> new Value(subject.id, "the same")));
    }

    @Test
    void fragmentsAreEqualByTheirBytesHoweverCut() {
        Fragment whole = Fragment.of("<p>one</p><p>two</p>");
        Fragment joined = Fragment.join(java.util.List.of(Fragment.of("<p>one</p>"), Fragment.of("<p>two</p>")));
        assertEquals(whole, joined);
        assertEquals(whole.hashCode(), joined.hashCode());
        assertFalse(whole.equals(Fragment.of("<p>one</p><p>three</p>")));
    }
}
