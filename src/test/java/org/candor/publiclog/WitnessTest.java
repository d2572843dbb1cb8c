package org.candor.publiclog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.candor.support.SignInBrowser;
import org.candor.support.TestData;

/**
 * Two witnesses, each a separate process started from the verifier's own classes (what {@code candor-verify.jar
 * witness} runs), co-sign the log; the served checkpoint carries both cosignatures and a 2-of-2 policy verifies it.
 * A log that rewrites its history is refused by both, and the same policy then says FAIL.
 */
@QuarkusTest
@TestProfile(WitnessTest.TwoWitnesses.class)
class WitnessTest {

    /** Two witnesses whose keys are made for this build (target/test-witnesses), never kept in the repository. */
    public static class TwoWitnesses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("candor.log.witnesses",
                    "http://127.0.0.1:18771 " + verifierKey(1) + ",http://127.0.0.1:18772 " + verifierKey(2));
        }
    }

    /**
     * Witness {@code w}'s signing key file, made on first use. A file, so that the profile (read while Quarkus starts)
     * and the test (which starts the witnesses) agree whatever class loader each runs in.
     */
    static synchronized Path keyFile(int w) {
        Path file = Path.of("target", "test-witnesses", "w" + w + ".key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path made = Files.createTempFile(file.getParent(), "w" + w, ".key");
                Files.writeString(made, Cosignatures.generate("witness" + w + ".test.example/candor").encoded());
                try {
                    Files.move(made, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    Files.delete(made);
                }
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String verifierKey(int w) {
        try {
            return Cosignatures.cosigner(Files.readString(keyFile(w)).strip()).key().encoded();
        } catch (IOException | SignedNote.Malformed e) {
            throw new IllegalStateException(e);
        }
    }

    @Inject
    PublicLog log;

    @Inject
    Witnesses witnesses;

    @Inject
    SigningKey signingKey;

    @Test
    void twoWitnessesCosignAndRefuseARewrittenHistory() throws Exception {
        append("witnessed");
        Path dir = Files.createTempDirectory("candor-witnesses");
        List<Process> processes = new ArrayList<>();
        try {
            for (int w = 1; w <= 2; w++) {
                Path key = keyFile(w);
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", "target/classes", "org.candor.publiclog.Verifier", "witness", String.valueOf(18770 + w),
                        key.toString(), log.verifierKey(), dir.resolve("w" + w + ".state").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("w" + w + ".out").toFile()).start());
            }
            awaitListening(18771);
            awaitListening(18772);

            assertEquals(2, witnesses.submitAll());
            String note = given().get("/log/checkpoint").then().statusCode(200).extract().asString();
            assertEquals(3, SignedNote.parse(note).signatures().size(), note);
            TlogPolicy policy = TlogPolicy.parse("log " + log.verifierKey() + "\n"
                    + "witness w1 " + witnesses.configured().get(0).key().encoded() + "\n"
                    + "witness w2 " + witnesses.configured().get(1).key().encoded() + "\n"
                    + "group both all w1 w2\nquorum both\n");
            Verifier.Result ok = new Verifier(SignInBrowser.base(), policy).check(null);
            assertTrue(ok.ok(), ok.message());

            // the log grows: the witnesses check the consistency proof from what they cosigned, and cosign again
            append("grown");
            assertEquals(2, witnesses.submitAll());

            // a checkpoint of the same size with another root, validly signed by the log: both refuse it (422)
            Checkpoint current = QuarkusTransaction.requiringNew().call(log::checkpoint);
            byte[] otherRoot = Merkle.leafHash("another history".getBytes());
            String text = Checkpoint.body(current.origin(), current.size(), otherRoot);
            String forged = new SignedNote.Note(text, List.of(signingKey.signer().sign(text))).encoded();
            for (int port : new int[] { 18771, 18772 }) {
                assertEquals(422, addCheckpoint(port, "old " + current.size() + "\n\n" + forged).statusCode());
                HttpResponse<String> stale = addCheckpoint(port, "old 0\n\n" + forged);
                assertEquals(409, stale.statusCode());
                assertEquals(current.size() + "\n", stale.body(), "409 says the size it cosigned");
                assertEquals("text/x.tlog.size", stale.headers().firstValue("Content-Type").orElse(""));
            }

            // the log itself rewrites history: the largest subtree of what the witnesses saw is changed, then the log
            // grows; its next checkpoint is inconsistent with the cosigned one, so neither witness cosigns it
            long seen = current.size();
            int level = 63 - Long.numberOfLeadingZeros(seen);
            byte[] original = (byte[]) TestData.sql("select hash from log_node where level = ?1 and idx = 0", (short) level);
            PublicLogTest.asSuperuser("update log_node set hash = ?1 where level = ?2 and idx = 0", otherRoot, (short) level);
            try {
                append("after the rewrite");
                assertEquals(0, witnesses.submitAll());
                Verifier.Result refused = new Verifier(SignInBrowser.base(), policy).check(null);
                assertFalse(refused.ok());
                assertTrue(refused.message().contains("quorum"), refused.message());
            } finally {
                PublicLogTest.asSuperuser("update log_node set hash = ?1 where level = ?2 and idx = 0", original,
                        (short) level);
            }
        } finally {
            processes.forEach(Process::destroy);
        }
    }

    private void append(String text) {
        QuarkusTransaction.requiringNew().run(() -> log.append(new PublicLog.Draft(LogKind.ANNOTATION, null, null,
                null, null, "moderator", "Witnesses", null, null, text, null, null)));
        TestData.settle();
    }

    private static HttpResponse<String> addCheckpoint(int port, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/add-checkpoint")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitListening(int port) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
