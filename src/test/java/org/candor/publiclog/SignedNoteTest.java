package org.candor.publiclog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** C2SP signed notes against the vectors from Go's note package (src/test/resources/c2sp). */
class SignedNoteTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = SignedNoteTest.class.getResourceAsStream("/c2sp/go-note-vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void producesTheVectorsSignedNoteFromItsSignerKey() throws Exception {
        JsonNode v = vectors();
        SignedNote.Signer signer = SignedNote.signer(v.get("signer_key").asText());
        assertEquals(v.get("verifier_key").asText(), signer.verifierKey().encoded());
        assertEquals(v.get("signer_key").asText(), signer.encoded());
        assertEquals(v.get("key_id_hex").asText(), String.format("%08x", signer.verifierKey().keyId()));
        // Ed25519 is deterministic: the same key and text give the same signature, byte for byte
        assertEquals(v.get("signed_note").asText(), SignedNote.sign(v.get("text").asText(), signer).encoded());
    }

    @Test
    void acceptsTheVectorsSignedNote() throws Exception {
        JsonNode v = vectors();
        SignedNote.VerifierKey key = SignedNote.verifierKey(v.get("verifier_key").asText());
        assertEquals(v.get("text").asText(), SignedNote.open(v.get("signed_note").asText(), key));
    }

    @Test
    void rejectsTheListedBadVerifierKeys() throws Exception {
        for (JsonNode bad : vectors().get("must_reject_verifier_keys")) {
            assertThrows(SignedNote.Malformed.class, () -> SignedNote.verifierKey(bad.asText()), bad.asText());
        }
    }

    @Test
    void rejectsTheListedBadNotes() throws Exception {
        JsonNode v = vectors();
        SignedNote.VerifierKey key = SignedNote.verifierKey(v.get("verifier_key").asText());
        for (JsonNode bad : v.get("must_reject_notes")) {
            assertThrows(SignedNote.Malformed.class, () -> SignedNote.open(bad.asText(), key), bad.asText());
        }
    }

    @Test
    void ignoresUnknownKeysButNeedsOneKnownSignature() throws Exception {
        JsonNode v = vectors();
        SignedNote.Signer signer = SignedNote.signer(v.get("signer_key").asText());
        SignedNote.Signer other = SignedNote.signer("other.example/log", SignedNote.signer(v.get("signer_key").asText())
                .privateKey(), Ed25519Keys.publicKey(signer.publicKey()));
        SignedNote.Note both = SignedNote.sign(v.get("text").asText(), signer).with(other.sign(v.get("text").asText()));
        assertEquals(v.get("text").asText(), SignedNote.open(both.encoded(), signer.verifierKey()));
        assertEquals(v.get("text").asText(), SignedNote.open(both.encoded(), other.verifierKey()));
        SignedNote.Note onlyOther = SignedNote.sign(v.get("text").asText(), other);
        assertThrows(SignedNote.Malformed.class, () -> SignedNote.open(onlyOther.encoded(), signer.verifierKey()));
    }

    @Test
    void refusesMalformedNotesWithAReason() {
        for (String bad : List.of("", "text\n", "text\n\n", "text\n\n— \n", "text\n\nno dash AAAA\n",
                "text\n\n— name !!!\n", "text\u0001\n\n— name AAAAAAA=\n", "text\n\n— na+me AAAAAAA=\n")) {
            SignedNote.Malformed e = assertThrows(SignedNote.Malformed.class, () -> SignedNote.parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
        assertTrue(SignedNote.MAX_SIGNATURES >= 16);
    }
}
