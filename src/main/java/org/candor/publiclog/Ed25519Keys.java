package org.candor.publiclog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 keys between the JDK's encodings (X.509, PKCS#8) and the raw 32 bytes signed notes use. JDK only. */
final class Ed25519Keys {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    /** The 32-byte Ed25519 public key inside an X.509 encoding. */
    static byte[] raw(PublicKey key) {
        byte[] x509 = key.getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] x509 = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    static PrivateKey privateKey(byte[] seed) throws SignedNote.Malformed {
        byte[] pkcs8 = new byte[PKCS8_PREFIX.length + 32];
        System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new SignedNote.Malformed("the signer key is not a valid Ed25519 key");
        }
    }

    /** The public half of an Ed25519 private key (the JDK derives it when signing; here by a round through a signature). */
    static byte[] publicOf(PrivateKey key) throws SignedNote.Malformed {
        try {
            // the JDK has no public API to derive it; java.security.interfaces.EdECPrivateKey gives the seed only, so
            // derive through the key-pair generator seeded with the same bytes
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("Ed25519");
            byte[] seed = ((java.security.interfaces.EdECPrivateKey) key).getBytes().orElseThrow();
            g.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedRandom(seed));
            return raw(g.generateKeyPair().getPublic());
        } catch (GeneralSecurityException | ClassCastException | java.util.NoSuchElementException e) {
            throw new SignedNote.Malformed("the signer key is not a valid Ed25519 key");
        }
    }

    /** A "random" source that returns the given seed: makes the JDK's generator derive the key pair of a known seed. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
