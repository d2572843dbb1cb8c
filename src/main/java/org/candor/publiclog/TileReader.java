package org.candor.publiclog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

/**
 * How the {@link Verifier} reads a log over HTTP: strictly (200 only, bounded sizes, a timeout, no redirects), and,
 * once it knows the size, the level-0 tiles in order with a few read ahead of the one being checked, so memory stays
 * bounded and the waiting is hidden. JDK only.
 */
final class TileReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** A full entry bundle holds 256 entries of at most 65,535 bytes each, with their length prefixes. */
    private static final int MAX_BUNDLE = TilePath.WIDTH * (65_535 + 2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final ArrayDeque<Future<Fetched>> ahead = new ArrayDeque<>();
    private long size;
    private long next;

    TileReader(String base) {
        this.base = base;
    }

    /** Starts reading the tiles of a log of this size, in order. */
    void start(long logSize) {
        this.size = logSize;
        this.next = 0;
    }

    /** The next tile, in order. */
    Fetched next() throws Verifier.Failure, IOException, InterruptedException {
        long tiles = (size + TilePath.WIDTH - 1) / TilePath.WIDTH;
        while (ahead.size() < READ_AHEAD && next < tiles) {
            long tile = next++;
            ahead.add(readers.submit(() -> fetch(tile, (int) Math.min(TilePath.WIDTH, size - tile * TilePath.WIDTH))));
        }
        return take(ahead.poll());
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    /** How many tiles are read ahead of the one being checked. */
    private static final int READ_AHEAD = 6;

    private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(
            READ_AHEAD, r -> {
                Thread t = new Thread(r, "candor-verify-reader");
                t.setDaemon(true);
                return t;
            });

    /** One tile of entries as read: the entry bundle, the texts beside it, and its level-0 hash tile. */
    record Fetched(List<byte[]> entries, List<String> texts, byte[] hashes) {
    }

    private Fetched fetch(long tile, int width) throws IOException, InterruptedException, Verifier.Failure {
        TilePath bundlePath = new TilePath(0, tile, width, true);
        List<byte[]> entries = bundle(bundlePath, width);
        List<String> texts = lines("log/texts/" + bundlePath.uri().substring("tile/entries/".length()), width);
        byte[] hashes = bytes("log/" + new TilePath(0, tile, width, false).uri(), width * 32L);
        if (hashes.length != width * 32) {
            throw new Verifier.Failure("hash tile " + tile + " holds " + hashes.length + " bytes, not " + width * 32);
        }
        return new Fetched(entries, texts, hashes);
    }

    private static Fetched take(java.util.concurrent.Future<Fetched> read)
            throws Verifier.Failure, IOException, InterruptedException {
        try {
            return read.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Verifier.Failure f) {
                throw f;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The entries of a bundle: exactly {@code width} length-prefixed entries and nothing after them. */
    private List<byte[]> bundle(TilePath path, int width) throws Verifier.Failure, IOException, InterruptedException {
        byte[] b = bytes("log/" + path.uri(), MAX_BUNDLE);
        List<byte[]> entries = new ArrayList<>(width);
        int at = 0;
        while (at < b.length) {
            if (at + 2 > b.length) {
                throw new Verifier.Failure("entry bundle " + path.index() + " ends inside a length prefix");
            }
            int length = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
            if (at + 2 + length > b.length) {
                throw new Verifier.Failure("entry bundle " + path.index() + " ends inside entry #"
                        + (path.index() * TilePath.WIDTH + entries.size() + 1));
            }
            entries.add(Arrays.copyOfRange(b, at + 2, at + 2 + length));
            at += 2 + length;
        }
        if (entries.size() != width) {
            throw new Verifier.Failure("entry #" + (path.index() * TilePath.WIDTH + Math.min(entries.size(), width) + 1)
                    + " is missing: entry bundle " + path.index() + " holds " + entries.size() + " entries, not "
                    + width);
        }
        return entries;
    }

    /** A text answer of exactly {@code count} lines (each ending in a newline). */
    private List<String> lines(String path, int count) throws IOException, InterruptedException, Verifier.Failure {
        String text = text(path, MAX_BUNDLE * 3);
        List<String> lines = List.of(text.split("\n", -1));
        if (!text.endsWith("\n") || lines.size() - 1 != count) {
            throw new Verifier.Failure("/" + path + " does not hold " + count + " lines");
        }
        return lines.subList(0, count);
    }

    String text(String path, int max) throws IOException, InterruptedException, Verifier.Failure {
        byte[] b = bytes(path, max);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new Verifier.Failure("/" + path + " is not UTF-8");
        }
    }

    /** A GET that must answer 200 with at most {@code max} bytes, within the timeout. */
    private byte[] bytes(String path, long max) throws IOException, InterruptedException, Verifier.Failure {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new Verifier.Failure("/" + path + " answered " + response.statusCode());
            }
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new Verifier.Failure("/" + path + " is longer than " + max + " bytes");
            }
            return b;
        }
    }
}
