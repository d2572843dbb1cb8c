package org.candor.publiclog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;

import org.candor.Sql;

/**
 * The Ed25519 key that signs checkpoints. From the environment ({@code CANDOR_LOG_PRIVATE_KEY}, PKCS#8, and
 * {@code CANDOR_LOG_PUBLIC_KEY}, X.509, both base64), required in production; dev and test generate one once and keep
 * it in the database.
 */
@ApplicationScoped
public class SigningKey {


    private final EntityManager em;
    private final Optional<String> privateKey;
    private final Optional<String> publicKey;
    private final String origin;
    private volatile KeyPair pair;
    private volatile SignedNote.Signer signer;

    SigningKey(EntityManager em, @ConfigProperty(name = "CANDOR_LOG_PRIVATE_KEY") Optional<String> privateKey,
            @ConfigProperty(name = "CANDOR_LOG_PUBLIC_KEY") Optional<String> publicKey, LogConfig config,
            @ConfigProperty(name = "candor.moderation.public-url") String publicUrl) {
        this.em = em;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.origin = config.origin().map(String::strip).filter(o -> !o.isEmpty()).orElseGet(() -> LogConfig.origin(publicUrl));
    }

    /** The log's origin (c2sp.org/tlog-checkpoint): the first line of its checkpoints and its key's name. */
    public String origin() {
        return origin;
    }

    /** The checkpoint signer: the log's key under the origin's name. */
    public SignedNote.Signer signer() {
        SignedNote.Signer s = signer;
        if (s == null) {
            KeyPair p = pair();
            s = SignedNote.signer(origin, p.getPrivate(), p.getPublic());
            signer = s;
        }
        return s;
    }

    /** The public key, base64 X.509 SubjectPublicKeyInfo. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair().getPublic().getEncoded());
    }

    public String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair().getPrivate());
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    private KeyPair pair() {
        KeyPair p = pair;
        if (p == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = privateKey.isPresent() && publicKey.isPresent()
                            ? decode(privateKey.get(), publicKey.get())
                            : stored();
                }
                p = pair;
            }
        }
        return p;
    }

    @Transactional
    KeyPair stored() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            // production never signs with a key kept in the database it signs for (CandorMain refuses to start first)
            throw new IllegalStateException("CANDOR_LOG_PRIVATE_KEY/CANDOR_LOG_PUBLIC_KEY are not set. Generate them with: "
                    + "java -jar target/candor-verify.jar --new-key <origin>");
        }
        Tuple row = stored(em);
        if (row == null) {
            KeyPair generated = generate();
            em.createNativeQuery("insert into log_signing_key (id, private_key, public_key) values (1, ?1, ?2) "
                    + "on conflict (id) do nothing")
                    .setParameter(1, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()))
                    .setParameter(2, Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
                    .executeUpdate();
            row = stored(em);
        }
        return decode(Sql.text(row, "private_key"), Sql.text(row, "public_key"));
    }

    private static Tuple stored(EntityManager em) {
        return Sql.tuples(em.createNativeQuery("select private_key as private_key, public_key as public_key "
                + "from log_signing_key where id = 1", Tuple.class)).stream().findFirst().orElse(null);
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    static KeyPair decode(String privateBase64, String publicBase64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64.strip())));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("CANDOR_LOG_PRIVATE_KEY / CANDOR_LOG_PUBLIC_KEY are not a base64 Ed25519 key pair", e);
        }
    }
}
