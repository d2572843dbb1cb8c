package org.candor.publiclog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.jboss.logging.Logger;

/**
 * Sends the log's checkpoints to the witnesses it is configured with ({@code CANDOR_LOG_WITNESSES}: {@code <url>
 * <witness verifier key>} pairs, comma-separated), as c2sp.org/tlog-witness asks: {@code add-checkpoint} with the size
 * the witness last cosigned and a consistency proof from it, at most once per {@code candor.log.witness-interval}
 * (a minute by default) and only when the log has grown. Each cosignature that verifies is kept and served with the
 * checkpoint it signs. No database transaction is held while a witness answers.
 */
@ApplicationScoped
public class Witnesses {

    private static final Logger LOG = Logger.getLogger(Witnesses.class);

    /** A configured witness: where it listens and the key its cosignatures must verify with. */
    public record Configured(String url, Cosignatures.CosignerKey key) {
    }

    private final PublicLog log;
    private final EntityManager em;
    private final List<Configured> witnesses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Witnesses(PublicLog log, EntityManager em, LogConfig config) {
        this.log = log;
        this.em = em;
        List<Configured> list = new ArrayList<>();
        for (String entry : config.witnesses().orElse(List.of())) {
            try {
                list.add(parse(entry));
            } catch (SignedNote.Malformed e) {
                throw new IllegalStateException("CANDOR_LOG_WITNESSES: " + entry + ": " + e.getMessage(), e);
            }
        }
        this.witnesses = List.copyOf(list);
    }

    /** One entry of {@code CANDOR_LOG_WITNESSES}: {@code <http(s) url> <witness verifier key>}. */
    public static Configured parse(String entry) throws SignedNote.Malformed {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].matches("https?://\\S+")) {
            throw new SignedNote.Malformed("expected '<http(s) url> <witness verifier key>'");
        }
        return new Configured(parts[0].endsWith("/") ? parts[0] : parts[0] + "/", Cosignatures.cosignerKey(parts[1]));
    }

    public List<Configured> configured() {
        return witnesses;
    }

    @Scheduled(every = "${candor.log.witness-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        submitAll();
    }

    /** Offers the current checkpoint to every witness; returns how many cosigned it. */
    public int submitAll() {
        if (witnesses.isEmpty()) {
            return 0;
        }
        Checkpoint checkpoint = QuarkusTransaction.requiringNew().call(log::checkpoint);
        int cosigned = 0;
        for (Configured w : witnesses) {
            try {
                if (submit(w, checkpoint)) {
                    cosigned++;
                }
            } catch (Exception e) {
                LOG.warnf("witness %s did not cosign checkpoint %d: %s", w.key().name(), checkpoint.size(),
                        e.getMessage());
            }
        }
        return cosigned;
    }

    private boolean submit(Configured w, Checkpoint checkpoint) throws Exception {
        Long cosigned = QuarkusTransaction.requiringNew().call(() -> lastCosigned(w));
        if (cosigned != null && cosigned == checkpoint.size()) {
            return true;
        }
        long last = cosigned == null ? 0 : cosigned;
        HttpResponse<String> answer = post(w, last, checkpoint);
        if (answer.statusCode() == 409 && answer.body().strip().matches("0|[1-9][0-9]{0,18}")) {
            // the witness has cosigned another size (its state or ours was lost): prove from there
            answer = post(w, Long.parseLong(answer.body().strip()), checkpoint);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body().strip());
        }
        String text = Checkpoint.body(checkpoint.origin(), checkpoint.size(), Base64.getDecoder().decode(checkpoint.root()));
        for (String line : answer.body().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            SignedNote.Sig sig = SignedNote.parse(text + "\n" + line + "\n").signatures().get(0);
            if (w.key().verifies(text, sig) > 0) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into log_cosignature (witness, size, root, line) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                        .setParameter(1, w.key().encoded()).setParameter(2, checkpoint.size())
                        .setParameter(3, Base64.getDecoder().decode(checkpoint.root())).setParameter(4, line)
                        .executeUpdate());
                return true;
            }
        }
        throw new IllegalStateException("answered without a cosignature that verifies");
    }

    private HttpResponse<String> post(Configured w, long old, Checkpoint checkpoint) throws Exception {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        if (old > 0 && old < checkpoint.size()) {
            QuarkusTransaction.requiringNew().call(() -> log.consistencyProof(old, checkpoint.size()))
                    .forEach(h -> body.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        }
        body.append('\n').append(checkpoint.signedNote());
        return http.send(HttpRequest.newBuilder(URI.create(w.url() + "add-checkpoint")).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The largest size this witness has cosigned, or null when it never has. */
    private Long lastCosigned(Configured w) {
        Number n = (Number) em.createNativeQuery("select max(size) from log_cosignature where witness = ?1")
                .setParameter(1, w.key().encoded()).getSingleResult();
        return n == null ? null : n.longValue();
    }
}
