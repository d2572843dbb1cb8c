package org.candor.publiclog;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public log's configuration. */
@ConfigMapping(prefix = "candor.log")
public interface LogConfig {

    /**
     * The log's origin, the first line of every checkpoint and the name of its key ({@code CANDOR_LOG_ORIGIN}); by
     * default the public address's host (and port) followed by {@code /candor}. Changing it makes a new log for every
     * verifier and witness, so set it once.
     */
    Optional<String> origin();

    /**
     * The witnesses that co-sign the log's checkpoints ({@code CANDOR_LOG_WITNESSES}): {@code <url> <witness verifier
     * key>} each, comma-separated ({@link Witnesses}).
     */
    Optional<java.util.List<String>> witnesses();

    /**
     * How often the checkpoint is offered to the witnesses ({@code 60s}; {@code off} stops it): read by the
     * {@code @Scheduled} of {@link Witnesses}.
     */
    @WithDefault("60s")
    String witnessInterval();

    /**
     * How long a served checkpoint (with its cosignatures) is served again without reading the database: clients
     * are told it is fresh for 5 s anyway (c2sp.org/tlog-tiles asks for "a few seconds" at most). 0 reads every time.
     */
    @WithDefault("1s")
    java.time.Duration checkpointReuse();

    /** The default origin for a public address: {@code reviews.example.com/candor}. */
    static String origin(String publicUrl) {
        URI uri = URI.create(publicUrl.strip());
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        return host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/candor";
    }
}
