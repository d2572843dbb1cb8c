package org.candor.moderation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

import org.candor.review.PostEvent;

/**
 * Which network each review came from, for the unusual-activity signal "a burst from one network", without keeping
 * anyone's address: the network (the /24 of an IPv4 address, the /48 of an IPv6 one) is kept only as an HMAC keyed
 * with a salt of that UTC day, shared by every instance through the database; two days later the salt is destroyed,
 * after which nobody — not even us — can tell which network a hash of that day stands for. Reviews written outside an
 * HTTP request (imports, tests) have none.
 */
@ApplicationScoped
public class PostNetworks {

    /** How many days a salt lives (today's and yesterday's: a detector window never spans more). */
    static final int KEEP_DAYS = 2;

    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<LocalDate, byte[]> salts = new ConcurrentHashMap<>();

    PostNetworks(EntityManager em) {
        this.em = em;
    }

    /** In the posting transaction: the new review's network hash, when it came over HTTP. */
    void posted(@Observes PostEvent.ReviewPosted posted) {
        String address = clientAddress();
        if (address != null) {
            LocalDate day = LocalDate.now(ZoneOffset.UTC);
            em.createNativeQuery("insert into post_network (review_id, day, network) values (?1, ?2, ?3)")
                    .setParameter(1, posted.reviewId()).setParameter(2, day)
                    .setParameter(3, hash(salt(day), network(address))).executeUpdate();
        }
    }

    /** The salts of days past their time are destroyed, in place (the row says when). */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void forget() {
        em.createNativeQuery("update network_salt set salt = null, erased_at = now() where salt is not null and day < ?1")
                .setParameter(1, LocalDate.now(ZoneOffset.UTC).minusDays(KEEP_DAYS - 1)).executeUpdate();
        salts.keySet().removeIf(d -> d.isBefore(LocalDate.now(ZoneOffset.UTC).minusDays(KEEP_DAYS - 1)));
    }

    private static String clientAddress() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            HttpServerRequest request = Arc.container().instance(HttpServerRequest.class).get();
            return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        } catch (RuntimeException notAnHttpRequest) {
            return null;
        }
    }

    /**
     * The day's salt: made by whichever instance needs it first, in a transaction of its own (committed whatever
     * becomes of the post), the same for all instances, then kept in memory.
     */
    private byte[] salt(LocalDate day) {
        return salts.computeIfAbsent(day, d -> QuarkusTransaction.requiringNew().call(() -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            em.createNativeQuery("insert into network_salt (day, salt) values (?1, ?2) on conflict (day) do nothing")
                    .setParameter(1, d).setParameter(2, fresh).executeUpdate();
            return (byte[]) em.createNativeQuery("select salt from network_salt where day = ?1")
                    .setParameter(1, d).getSingleResult();
        }));
    }

    /** The network an address belongs to: "/24" of IPv4, "/48" of IPv6, as text; the address itself if unparsable. */
    static String network(String address) {
        if (!address.matches("\\[?[0-9a-fA-F:.]+(%\\w+)?\\]?")) {
            return "raw:" + address; // never a host name: nothing is looked up
        }
        try {
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                    : address).getAddress();
            byte[] prefix = Arrays.copyOf(bytes, bytes.length == 4 ? 3 : 6);
            return (bytes.length == 4 ? "v4:" : "v6:") + java.util.HexFormat.of().formatHex(prefix);
        } catch (UnknownHostException | SecurityException e) {
            return "raw:" + address;
        }
    }

    static byte[] hash(byte[] salt, String network) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(network.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
