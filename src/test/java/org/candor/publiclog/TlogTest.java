package org.candor.publiclog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.candor.support.TestData;

/** The log as C2SP clients read it: checkpoint, tiles, entry bundles and receipts, over HTTP. */
@QuarkusTest
class TlogTest {

    @Inject
    PublicLog log;

    private SignedNote.VerifierKey key() throws SignedNote.Malformed {
        return SignedNote.verifierKey(given().get("/api/log/public-key").then().statusCode(200).extract().jsonPath()
                .getString("verifierKey"));
    }

    @Test
    void theCheckpointIsASignedNoteAndTheTilesAddUpToItsRoot() throws Exception {
        while (log.size() < 300) {
            QuarkusTransaction.requiringNew().run(() -> log.append(new PublicLog.Draft(LogKind.ANNOTATION, null, null,
                    null, null, "moderator", "Tiles", null, null, "tile filler", null, null)));
        }
        TestData.settle();
        Response served = given().get("/log/checkpoint").then().statusCode(200)
                .contentType(containsString("text/plain")).header("Cache-Control", containsString("max-age=5"))
                .extract().response();
        String note = served.asString();
        String[] body = SignedNote.open(note, key()).split("\n");
        assertEquals(key().name(), body[0]);
        long size = Long.parseLong(body[1]);
        byte[] root = Base64.getDecoder().decode(body[2]);
        assertTrue(size >= 300);
        given().get("/api/log/checkpoint").then().statusCode(200).body("root", equalTo(body[2]));

        byte[] fromTiles = Tiles.root(size, tile -> {
            Response r = given().get("/log/" + tile.uri()).then().extract().response();
            return r.statusCode() == 200 ? Optional.of(r.asByteArray()) : Optional.empty();
        });
        assertArrayEquals(root, fromTiles, "root from the served tiles");
        assertArrayEquals(root, log.root(size), "root from the stored tree");

        given().get("/log/tile/0/000").then().statusCode(200).contentType("application/octet-stream")
                .header("Cache-Control", containsString("immutable"));
        given().get("/log/tile/0/x000/000").then().statusCode(404);
        given().get("/log/tile/0/" + TilePath.encodeIndex(size / 256 + 1)).then().statusCode(404);
        given().get("/log/tile/entries/000.p/0").then().statusCode(404);

        // entry bundles round-trip: each entry is the entry's canonical record and hashes to its level-0 tile hash
        byte[] bundle = given().get("/log/tile/entries/000").then().statusCode(200).extract().asByteArray();
        byte[] hashes = given().get("/log/tile/0/000").then().statusCode(200).extract().asByteArray();
        int at = 0;
        for (int i = 0; i < 256; i++) {
            int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
            byte[] entry = java.util.Arrays.copyOfRange(bundle, at + 2, at + 2 + length);
            at += 2 + length;
            assertArrayEquals(java.util.Arrays.copyOfRange(hashes, 32 * i, 32 * i + 32), Merkle.leafHash(entry));
            assertArrayEquals(log.entry(i + 1).orElseThrow().canonicalBytes(), entry);
        }
        assertEquals(bundle.length, at, "nothing after the 256th entry");
    }

    @Test
    void aReceiptProvesItsEntryAndFailsWhenAnyByteChanges() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> log.append(new PublicLog.Draft(LogKind.OFFICIAL_REPLY, null, null,
                null, null, "moderator", "Receipts", null, null, "Thanks for telling us.", null, null)));
        TestData.settle();
        long seq = log.size();
        String receipt = given().get("/log/entries/" + seq + "/proof").then().statusCode(200)
                .header("Content-Disposition", containsString(".tlog-proof")).extract().asString();
        assertTrue(receipt.startsWith("c2sp.org/tlog-proof@v1\nextra "), receipt);
        Verifier.Result ok = Verifier.checkReceipt(receipt, key());
        assertTrue(ok.ok() && ok.message().contains("entry #" + seq) && ok.message().contains("Thanks for telling us."),
                ok.message());
        for (int i = 0; i < receipt.length(); i += 7) {
            char c = receipt.charAt(i);
            char other = c == 'A' ? 'B' : c == '\n' ? ' ' : 'A';
            String changed = receipt.substring(0, i) + other + receipt.substring(i + 1);
            assertFalse(Verifier.checkReceipt(changed, key()).ok(), "a change at " + i + " still verifies");
        }
        given().get("/log/entries/999999999/proof").then().statusCode(404);
    }

    @Test
    void theVerifierTrustsOnlyTheKeyItIsGivenAndSaysWhatIsWrong() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> log.append(new PublicLog.Draft(LogKind.ANNOTATION, null, null,
                null, null, "moderator", "Keys", null, null, "key check", null, null)));
        TestData.settle();
        String base = org.candor.support.SignInBrowser.base();
        Verifier.Result ok = new Verifier(base, key()).check(null);
        assertTrue(ok.ok(), ok.message());
        // a key of the same name made by someone else: the checkpoint's signature is not by it
        java.security.KeyPair other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SignedNote.VerifierKey impostor = SignedNote.signer(key().name(), other.getPrivate(), other.getPublic())
                .verifierKey();
        Verifier.Result wrongKey = new Verifier(base, impostor).check(null);
        assertFalse(wrongKey.ok());
        assertTrue(wrongKey.message().contains("not signed by the given key"), wrongKey.message());
        // a server that is not a Candor log: a reason, not a stack trace
        Verifier.Result notALog = new Verifier(base + "/subjects", key()).check(null);
        assertFalse(notALog.ok());
        assertTrue(notALog.message().contains("answered 404"), notALog.message());
        Verifier.Result nobody = new Verifier("http://127.0.0.1:9", key()).check(null);
        assertFalse(nobody.ok());
        assertTrue(nobody.message().startsWith("could not read the log"), nobody.message());
    }
}
