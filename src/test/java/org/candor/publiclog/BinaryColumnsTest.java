package org.candor.publiclog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.candor.Sql;

/**
 * Reading {@code bytea} columns through a native query (the log's leaves, the head's roots) costs no exception: with
 * PostgreSQL's driver reporting them as JDBC {@code BINARY}, Hibernate looked for a {@code byte[]} type of that kind on
 * every execution, found none, tried to register one outside its bootstrap, and created and swallowed an exception,
 * stack trace and all (seen in bench/profile's allocation samples, #19).
 */
@QuarkusTest
class BinaryColumnsTest {

    @Inject
    EntityManager em;

    @Test
    void aNativeQueryReadsByteaWithoutAnException() throws Exception {
        assertArrayEquals(new byte[] { 0, (byte) 0xff }, read());
        Path dump = Files.createTempFile("binary-columns", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.start();
            for (int i = 0; i < 5; i++) {
                read();
            }
            recording.stop();
            recording.dump(dump);
        }
        List<String> thrown = RecordingFile.readAllEvents(dump).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.JavaExceptionThrow"))
                .filter(BinaryColumnsTest::fromHibernate)
                .map(e -> e.getClass("thrownClass").getName() + ": " + e.getString("message")).toList();
        Files.delete(dump);
        assertEquals(List.of(), thrown, "exceptions Hibernate made while reading bytea");
    }

    /** A {@code bytea} value read as every native query of the app reads one. */
    private byte[] read() {
        return QuarkusTransaction.requiringNew().call(() -> (byte[]) Sql.tuples(em.createNativeQuery(
                "select decode('00ff', 'hex') as bytes, 1 as one", Tuple.class)).get(0).get("bytes"));
    }

    private static boolean fromHibernate(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(f -> f.getMethod().getType().getName().startsWith("org.hibernate."));
    }
}
