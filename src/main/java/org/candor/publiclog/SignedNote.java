package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed notes as C2SP specifies them (c2sp.org/signed-note), with Ed25519 keys: a text ending in a newline, a blank
 * line, and signature lines {@code — <key name> base64(key id || signature)}. JDK only, so the stand-alone
 * {@link Verifier} uses the same code as the log.
 */
public final class SignedNote {

    /** Signature type byte of Ed25519 signed-note keys. */
    static final byte ED25519 = 0x01;


    /** The most signature lines a note may carry (the spec asks to accept at least 16). */
    public static final int MAX_SIGNATURES = 64;

    /** The largest note accepted, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private SignedNote() {
    }

    /** A note that is not a well-formed signed note, or a key that is not a well-formed key: the reason says which. */
    public static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason);
        }
    }

    /** One signature line: the key name, the key id and the signature bytes. */
    public record Sig(String name, int keyId, byte[] signature) {

        /** The line as it appears in a note (with its final newline). */
        public String line() {
            byte[] b = new byte[4 + signature.length];
            b[0] = (byte) (keyId >>> 24);
            b[1] = (byte) (keyId >>> 16);
            b[2] = (byte) (keyId >>> 8);
            b[3] = (byte) keyId;
            System.arraycopy(signature, 0, b, 4, signature.length);
            return "— " + name + " " + Base64.getEncoder().encodeToString(b) + "\n";
        }
    }

    /** A parsed note: its text (with the final newline) and its signature lines, in order. */
    public record Note(String text, List<Sig> signatures) {

        /** The note with another signature line appended (a witness's cosignature, say). */
        public Note with(Sig sig) {
            List<Sig> all = new ArrayList<>(signatures);
            all.add(sig);
            return new Note(text, List.copyOf(all));
        }

        public String encoded() {
            StringBuilder s = new StringBuilder(text).append('\n');
            signatures.forEach(sig -> s.append(sig.line()));
            return s.toString();
        }
    }

    /** An Ed25519 verifier key: its name, id and the 32-byte public key. */
    public record VerifierKey(String name, int keyId, byte[] publicKey) {

        /** {@code <name>+<hex id>+base64(0x01 || public key)}. */
        public String encoded() {
            byte[] material = new byte[33];
            material[0] = ED25519;
            System.arraycopy(publicKey, 0, material, 1, 32);
            return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(material);
        }

        /** Whether this key made the signature line (same name and id) and the signature verifies over the text. */
        public boolean verifies(String text, Sig sig) {
            if (!sig.name().equals(name) || sig.keyId() != keyId || sig.signature().length != 64) {
                return false;
            }
            try {
                Signature v = Signature.getInstance("Ed25519");
                v.initVerify(Ed25519Keys.publicKey(publicKey));
                v.update(text.getBytes(StandardCharsets.UTF_8));
                return v.verify(sig.signature());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        public boolean signed(Sig sig) {
            return sig.name().equals(name) && sig.keyId() == keyId;
        }
    }

    /** An Ed25519 signer: a name and a private key (with its public half, for the key id). */
    public record Signer(String name, PrivateKey privateKey, byte[] publicKey) {

        public VerifierKey verifierKey() {
            return new VerifierKey(name, keyId(name, ED25519, publicKey), publicKey);
        }

        /** Signs a note text (which must end in a newline) with this key. */
        public Sig sign(String text) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(privateKey);
                s.update(text.getBytes(StandardCharsets.UTF_8));
                return new Sig(name, keyId(name, ED25519, publicKey), s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        /** {@code PRIVATE+KEY+<name>+<hex id>+base64(0x01 || seed)}, the form Go's note package reads. */
        public String encoded() {
            byte[] pkcs8 = privateKey.getEncoded();
            byte[] material = new byte[33];
            material[0] = ED25519;
            System.arraycopy(pkcs8, pkcs8.length - 32, material, 1, 32);
            return "PRIVATE+KEY+" + name + "+" + String.format("%08x", keyId(name, ED25519, publicKey)) + "+"
                    + Base64.getEncoder().encodeToString(material);
        }
    }

    /** Signs a text: the signed note with one signature line. */
    public static Note sign(String text, Signer signer) throws Malformed {
        checkText(text);
        return new Note(text, List.of(signer.sign(text)));
    }

    /** {@code SHA-256(name || 0x0A || type || public key)[:4]}, big-endian. */
    public static int keyId(String name, byte type, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(type);
            sha.update(publicKey);
            byte[] h = sha.digest();
            return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a verifier key, refusing anything but a well-formed Ed25519 key whose id matches its name and key. */
    public static VerifierKey verifierKey(String encoded) throws Malformed {
        String[] parts = encoded.strip().split("\\+", 3); // base64 may hold '+': the key is what follows the second
        if (parts.length != 3) {
            throw new Malformed("a verifier key has three parts separated by '+'");
        }
        checkName(parts[0]);
        int id = hexId(parts[1]);
        byte[] material = base64(parts[2], "the key material");
        if (material.length != 33 || material[0] != ED25519) {
            throw new Malformed("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        byte[] key = Arrays.copyOfRange(material, 1, 33);
        if (keyId(parts[0], ED25519, key) != id) {
            throw new Malformed("the verifier key's id does not match its name and key");
        }
        return new VerifierKey(parts[0], id, key);
    }

    /** Parses a signer key ({@code PRIVATE+KEY+name+id+base64(0x01 || seed)}). */
    public static Signer signer(String encoded) throws Malformed {
        String[] parts = encoded.strip().split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new Malformed("a signer key reads PRIVATE+KEY+<name>+<id>+<key>");
        }
        checkName(parts[2]);
        int id = hexId(parts[3]);
        byte[] material = base64(parts[4], "the key material");
        if (material.length != 33 || material[0] != ED25519) {
            throw new Malformed("the signer key is not an Ed25519 key");
        }
        PrivateKey privateKey = Ed25519Keys.privateKey(Arrays.copyOfRange(material, 1, 33));
        Signer signer = new Signer(parts[2], privateKey, Ed25519Keys.publicOf(privateKey));
        if (signer.verifierKey().keyId() != id) {
            throw new Malformed("the signer key's id does not match its name and key");
        }
        return signer;
    }

    /** A signer from a JDK key pair's encodings (PKCS#8 private, X.509 public), as Candor's keys are kept. */
    public static Signer signer(String name, PrivateKey privateKey, PublicKey publicKey) {
        return new Signer(name, privateKey, Ed25519Keys.raw(publicKey));
    }


    /** Parses a signed note: strictly, as the spec says; at most {@link #MAX_BYTES} and {@link #MAX_SIGNATURES}. */
    public static Note parse(String note) throws Malformed {
        if (note.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new Malformed("the note is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new Malformed("the note contains a control character");
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new Malformed("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n", -1);
        List<Sig> sigs = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (!line.startsWith("— ")) {
                throw new Malformed("signature line " + (i + 1) + " does not start with an em dash and a space");
            }
            String[] parts = line.substring(2).split(" ", -1);
            if (parts.length != 2) {
                throw new Malformed("signature line " + (i + 1) + " is not '— <name> <signature>'");
            }
            checkName(parts[0]);
            byte[] b = base64(parts[1], "signature line " + (i + 1));
            if (b.length < 5) {
                throw new Malformed("signature line " + (i + 1) + " is too short");
            }
            int id = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            sigs.add(new Sig(parts[0], id, Arrays.copyOfRange(b, 4, b.length)));
            if (sigs.size() > MAX_SIGNATURES) {
                throw new Malformed("the note has more than " + MAX_SIGNATURES + " signatures");
            }
        }
        if (sigs.isEmpty()) {
            throw new Malformed("the note has no signature");
        }
        return new Note(text, List.copyOf(sigs));
    }

    /**
     * Opens a note with the keys a client trusts: a signature line from a known key (same name and id) must verify,
     * and at least one must. Returns the text.
     */
    public static String open(String note, VerifierKey... known) throws Malformed {
        Note parsed = parse(note);
        boolean verified = false;
        for (Sig sig : parsed.signatures()) {
            for (VerifierKey key : known) {
                if (key.signed(sig)) {
                    if (!key.verifies(parsed.text(), sig)) {
                        throw new Malformed("the signature by " + key.name() + " does not verify");
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new Malformed("no signature by a known key");
        }
        return parsed.text();
    }

    private static void checkText(String text) throws Malformed {
        if (!text.endsWith("\n")) {
            throw new Malformed("a note text ends with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new Malformed("a note text has no control characters");
            }
        }
    }

    static void checkName(String name) throws Malformed {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new Malformed("a key name is not empty and has no spaces or '+'");
        }
    }

    static int hexId(String hex) throws Malformed {
        if (!hex.matches("[0-9a-f]{8}")) {
            throw new Malformed("a key id is 8 lowercase hex digits");
        }
        return (int) Long.parseLong(hex, 16);
    }

    /** Standard base64, in its one canonical spelling (no line breaks, zero padding bits): anything else is refused. */
    static byte[] base64(String text, String what) throws Malformed {
        try {
            byte[] b = Base64.getDecoder().decode(text);
            if (!Base64.getEncoder().encodeToString(b).equals(text)) {
                throw new Malformed(what + " is not canonical base64");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new Malformed(what + " is not base64");
        }
    }
}
