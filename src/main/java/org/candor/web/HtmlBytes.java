package org.candor.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.netty.buffer.Unpooled;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;

/**
 * Sends rendered pages as UTF-8 bytes encoded by the JDK. Left as a String, the page is encoded character by character
 * on its way out, which showed as the largest single cost of an HTML page in the benchmark profiles
 * (docs/benchmarks.md). Runs after every other response filter (lowest priority), so the page is final.
 * <p>
 * A resource that answers with {@link #page} has its template encoded as it renders, piece by piece, into one buffer,
 * and the parts kept for many requests ({@link Fragment}) put in as the bytes they were kept as. Rendered to a String
 * first (as Quarkus REST does with a template it is handed), a page with one character beyond Latin-1 is held as
 * UTF-16, two bytes a character, copied as the builder grows and again into the String, then encoded through a
 * buffer of three bytes a character: 390 KB allocated for a signed-in subject page (#19).
 */
public class HtmlBytes {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final ThreadLocal<Sink> ENCODING = new ThreadLocal<>();
    /** The size of each template's last page: the next starts in a buffer of about that size, not grown to it. */
    private static final Map<String, Integer> SIZES = new ConcurrentHashMap<>();

    @ServerResponseFilter(priority = 1)
    void encode(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof TemplateInstance || entity instanceof String && isHtml(response.getMediaType())) {
            response.setEntity(utf8(entity), null, HTML);
        }
    }

    /** The page as the bytes sent, with its UTF-8 content type (for a resource that answers with the page itself). */
    public static Response page(TemplateInstance page) {
        return page(Response.ok(), page);
    }

    /** The page as the bytes sent, in {@code response} (its status set). */
    public static Response page(Response.ResponseBuilder response, TemplateInstance page) {
        Sink sink = render(page);
        // handed to Vert.x as they are: a byte[] would be copied twice more (to its length, then into a Buffer)
        return response.entity(Buffer.buffer(Unpooled.wrappedBuffer(sink.bytes, 0, sink.size))).type(HTML).build();
    }

    /** The page in {@code response} (its status set) as these pieces, sent one after another as they are. */
    static Response page(Response.ResponseBuilder response, byte[][] pieces) {
        return response.entity(Buffer.buffer(Unpooled.wrappedBuffer(pieces))).type(HTML).build();
    }

    /** The page rendered and encoded, its kept parts put in. */
    static byte[] bytes(TemplateInstance page) {
        return render(page).bytes();
    }

    /** A page as the bytes sent: rendered if it is a template, encoded if it is text, as is if already bytes; else null. */
    static byte[] utf8(Object page) {
        if (page instanceof byte[] bytes) {
            return bytes;
        }
        if (page instanceof Buffer buffer) {
            return buffer.getBytes();
        }
        if (page instanceof TemplateInstance template) {
            return render(template).bytes();
        }
        return page instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }

    private static Sink render(TemplateInstance page) {
        String template = page.getTemplate().getId();
        Sink sink = new Sink(SIZES.getOrDefault(template, 16 * 1024 - 1024) + 1024);
        Sink outer = ENCODING.get();
        ENCODING.set(sink);
        try {
            page.consume(sink).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            if (outer == null) {
                ENCODING.remove();
            } else {
                ENCODING.set(outer);
            }
        }
        SIZES.put(template, sink.size);
        return sink;
    }

    /**
     * The marker that stands for {@code part} in the page this thread is encoding, or null when it encodes none (then
     * the part is written as text). Qute resolves a page's values and hands over its pieces on the thread that renders
     * it when, as here, no value is computed asynchronously.
     */
    static String defer(Fragment part) {
        Sink sink = ENCODING.get();
        return sink == null ? null : sink.defer(part);
    }

    /** The page's bytes as its pieces arrive, a kept part's marker replaced by the part. */
    private static final class Sink implements Consumer<String> {

        /**
         * Starts and ends a marker. A page may hold a NUL of its own (a refused form shows what was typed, as typed):
         * a marker also names this page's nonce, which nobody outside sees, so no text can pass for one.
         */
        private static final char MARK = '\u0000';

        private final List<Fragment> parts = new ArrayList<>(4);
        private final String nonce = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + ':';
        private byte[] bytes;
        private int size;

        Sink(int capacity) {
            bytes = new byte[capacity];
        }

        String defer(Fragment part) {
            parts.add(part);
            return MARK + nonce + (parts.size() - 1) + MARK;
        }

        @Override
        public void accept(String piece) {
            int mark = piece.indexOf(MARK);
            if (mark < 0) {
                append(piece.getBytes(StandardCharsets.UTF_8));
                return;
            }
            // a piece is usually one marker alone; one inside a longer piece (a part written into a template that
            // was rendered to text while this page rendered) is replaced all the same
            int from = 0;
            while (mark >= 0) {
                int end = piece.indexOf(MARK, mark + 1);
                Fragment part = end < 0 ? null : part(piece, mark + 1, end);
                if (part == null) {
                    break; // not a marker of this page: the rest goes as the text it is
                }
                if (mark > from) {
                    append(piece.substring(from, mark).getBytes(StandardCharsets.UTF_8));
                }
                for (byte[] bytes : part.pieces()) {
                    append(bytes);
                }
                from = end + 1;
                mark = piece.indexOf(MARK, from);
            }
            if (from < piece.length()) {
                append(piece.substring(from).getBytes(StandardCharsets.UTF_8));
            }
        }

        private Fragment part(String piece, int from, int to) {
            if (!piece.startsWith(nonce, from)) {
                return null;
            }
            try {
                int i = Integer.parseInt(piece, from + nonce.length(), to, 10);
                return i >= 0 && i < parts.size() ? parts.get(i) : null;
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return null;
            }
        }

        private void append(byte[] piece) {
            if (size + piece.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + piece.length));
            }
            System.arraycopy(piece, 0, bytes, size, piece.length);
            size += piece.length;
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }

    private static boolean isHtml(MediaType type) {
        return type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
