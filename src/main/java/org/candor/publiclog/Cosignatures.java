package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Witness cosignatures on checkpoints (c2sp.org/tlog-cosignature, {@code cosignature/v1}, Ed25519): a signed-note
 * signature line whose key id uses type 0x04 and whose signature is an 8-byte big-endian POSIX time followed by an
 * Ed25519 signature over {@code "cosignature/v1\ntime <t>\n"} and the checkpoint's text. JDK only.
 */
public final class Cosignatures {

    /** Signature type byte of timestamped Ed25519 cosignatures. */
    static final byte TYPE = 0x04;

    private Cosignatures() {
    }

    /** What a witness signs: the header, the time and the checkpoint's text. */
    static String message(String checkpointText, long time) {
        return "cosignature/v1\ntime " + time + "\n" + checkpointText;
    }

    /** A witness's public key: {@code <name>+<id>+base64(0x04 || key)}. */
    public record CosignerKey(String name, int keyId, byte[] publicKey) {

        public String encoded() {
            byte[] material = new byte[33];
            material[0] = TYPE;
            System.arraycopy(publicKey, 0, material, 1, 32);
            return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(material);
        }

        public boolean signed(SignedNote.Sig sig) {
            return sig.name().equals(name) && sig.keyId() == keyId;
        }

        /** The cosignature's time if this key made it over this checkpoint text, or -1. */
        public long verifies(String checkpointText, SignedNote.Sig sig) {
            byte[] b = sig.signature();
            if (!signed(sig) || b.length != 72) {
                return -1;
            }
            long time = 0;
            for (int i = 0; i < 8; i++) {
                time = (time << 8) | (b[i] & 0xff);
            }
            if (time <= 0) {
                return -1;
            }
            try {
                Signature v = Signature.getInstance("Ed25519");
                v.initVerify(Ed25519Keys.publicKey(publicKey));
                v.update(message(checkpointText, time).getBytes(StandardCharsets.UTF_8));
                return v.verify(Arrays.copyOfRange(b, 8, 72)) ? time : -1;
            } catch (GeneralSecurityException e) {
                return -1;
            }
        }
    }

    /** A witness's signing key. */
    public record Cosigner(String name, PrivateKey privateKey, byte[] publicKey) {

        public CosignerKey key() {
            return new CosignerKey(name, SignedNote.keyId(name, TYPE, publicKey), publicKey);
        }

        /** The cosignature line on a checkpoint text at this time (seconds since the epoch). */
        public SignedNote.Sig cosign(String checkpointText, long time) {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(privateKey);
                s.update(message(checkpointText, time).getBytes(StandardCharsets.UTF_8));
                byte[] sig = s.sign();
                byte[] b = new byte[72];
                for (int i = 0; i < 8; i++) {
                    b[i] = (byte) (time >>> (56 - 8 * i));
                }
                System.arraycopy(sig, 0, b, 8, 64);
                return new SignedNote.Sig(name, key().keyId(), b);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }

        /** {@code PRIVATE+KEY+<name>+<id>+base64(0x04 || seed)}. */
        public String encoded() {
            byte[] pkcs8 = privateKey.getEncoded();
            byte[] material = new byte[33];
            material[0] = TYPE;
            System.arraycopy(pkcs8, pkcs8.length - 32, material, 1, 32);
            return "PRIVATE+KEY+" + name + "+" + String.format("%08x", key().keyId()) + "+"
                    + Base64.getEncoder().encodeToString(material);
        }
    }

    /** A new witness key of this name. */
    public static Cosigner generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Cosigner(name, pair.getPrivate(), Ed25519Keys.raw(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** Parses a witness's verifier key (type 0x04), refusing one whose id does not match its name and key. */
    public static CosignerKey cosignerKey(String encoded) throws SignedNote.Malformed {
        String[] parts = encoded.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new SignedNote.Malformed("a witness key has three parts separated by '+'");
        }
        SignedNote.checkName(parts[0]);
        int id = SignedNote.hexId(parts[1]);
        byte[] material = SignedNote.base64(parts[2], "the witness key");
        if (material.length != 33 || material[0] != TYPE) {
            throw new SignedNote.Malformed("the witness key is not a cosignature/v1 Ed25519 key (type 0x04)");
        }
        byte[] key = Arrays.copyOfRange(material, 1, 33);
        if (SignedNote.keyId(parts[0], TYPE, key) != id) {
            throw new SignedNote.Malformed("the witness key's id does not match its name and key");
        }
        return new CosignerKey(parts[0], id, key);
    }

    /** Parses a witness's signing key. */
    public static Cosigner cosigner(String encoded) throws SignedNote.Malformed {
        String[] parts = encoded.strip().split("\\+", 5);
        if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
            throw new SignedNote.Malformed("a witness signing key reads PRIVATE+KEY+<name>+<id>+<key>");
        }
        SignedNote.checkName(parts[2]);
        int id = SignedNote.hexId(parts[3]);
        byte[] material = SignedNote.base64(parts[4], "the witness signing key");
        if (material.length != 33 || material[0] != TYPE) {
            throw new SignedNote.Malformed("the witness signing key is not a type 0x04 key");
        }
        PrivateKey key = Ed25519Keys.privateKey(Arrays.copyOfRange(material, 1, 33));
        Cosigner cosigner = new Cosigner(parts[2], key, Ed25519Keys.publicOf(key));
        if (cosigner.key().keyId() != id) {
            throw new SignedNote.Malformed("the witness signing key's id does not match its name and key");
        }
        return cosigner;
    }
}
