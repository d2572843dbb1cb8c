package org.candor.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.qute.TemplateInstance;

/**
 * Signed-in pages rendered once with stand-ins where each reader's own words go — their name, their session's CSRF
 * token, what their form holds — and kept; a request then only puts its reader's words, escaped as Qute escapes them,
 * between the kept bytes. Rendering the layout and a form through Qute was two thirds of a signed-in subject page's
 * CPU once the shared part was kept (#19, docs/benchmarks.md).
 * <p>
 * A stencil is only as good as its key and its basis: the key names everything else the page depends on that is not
 * the basis (language, address, role, the choices a form shows), and the basis is the object it was rendered from
 * (a kept shared part): when that is replaced, so is the stencil. A stand-in a template did not write as it was
 * given (cut, changed, left out) makes the page rendered as usual and nothing kept. Bounded in bytes
 * ({@code candor.page-cache.max-bytes}, as much again as the page cache), kept no longer than its pages.
 * <p>
 * A stencil whose basis lasts only a moment ({@link #briefPage}: a moderator's queue tab or item, current two seconds
 * at most) is kept apart, within a quarter of that budget and for a few seconds: a queue page weighs 100–200 KB, and
 * kept with the others, those of moments long gone filled the budget and the heap (#19, docs/benchmarks.md).
 * <p>
 * A stencil of one reader's own ({@link #ownPage}: a customer's list with their post visitors do not see) is kept
 * apart too, within half that budget: used by its reader as often as the shared ones are by everyone, hundreds of
 * them pushed those out at random, and every customer's page was rendered again at once (#19, docs/benchmarks.md).
 */
@ApplicationScoped
public class Stencils {

    /** The slots the layout fills itself ({@link Ui}); a page's own values take the slots after these. */
    public static final int NAME = 0;
    public static final int CSRF = 1;

    /** Starts and ends a stand-in; the stand-in also names the stencil's nonce, so no reader's text passes for one. */
    private static final byte MARK = 1;
    private static final ThreadLocal<String> RENDERING = new ThreadLocal<>();

    /** The kept bytes, {@code parts.length == slots.length + 1}: part, slot, part, …, part. */
    private record Stencil(Object basis, byte[][] parts, int[] slots, int weight, long serial) {
    }

    /** How long a stencil of a moment is kept: longer than any moment lasts. */
    private static final Duration BRIEF = Duration.ofSeconds(5);

    private final Cache<String, Stencil> kept;
    private final Cache<String, Stencil> brief;
    private final Cache<String, Stencil> own;
    /** Where {@link #fill} looks for a stencil, the busiest shelf first. */
    private final List<Cache<String, Stencil>> shelves;
    /** Pages made from a kept stencil (the cache's own hits also count one kept for another basis). */
    private final LongAdder used = new LongAdder();

    Stencils(PageCacheConfig config, MeterRegistry registry) {
        // a customer's stencil is served only while its basis is current (a shared part, itself made again from the
        // database once it is five minutes old): kept while in use, so the pages remembered from it stay valid
        this.kept = cache(config.maxBytes(), config.expireAfterWrite(), true);
        this.brief = cache(config.maxBytes() / 4, BRIEF, false);
        this.own = cache(config.maxBytes() / 2, config.expireAfterWrite(), true);
        this.shelves = List.of(kept, brief, own);
        CaffeineCacheMetrics.monitor(registry, kept, "signed-in-stencils");
        CaffeineCacheMetrics.monitor(registry, brief, "staff-stencils");
        CaffeineCacheMetrics.monitor(registry, own, "own-stencils");
    }

    private static Cache<String, Stencil> cache(long maxBytes, Duration expiry, boolean whileUsed) {
        Caffeine<String, Stencil> builder = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Stencil s) -> s.weight() + 2 * key.length() + 256);
        return (whileUsed ? builder.expireAfterAccess(expiry) : builder.expireAfterWrite(expiry)).recordStats().build();
    }

    /** The stand-in for {@code slot} while a stencil renders on this thread; else null (the real value is wanted). */
    public static String standIn(int slot) {
        String nonce = RENDERING.get();
        return nonce == null ? null : (char) MARK + nonce + slot + (char) MARK;
    }

    /**
     * A page as {@link #page} answered it, and the stencil it was made from ({@code stencil}, 0 when it was rendered
     * as usual): a later request may be answered from that very stencil ({@link #fill}) while its basis is current.
     */
    public record Served(Response response, long stencil) {
    }

    /**
     * The page kept under {@code key} for {@code basis}, with {@code values} in its slots ({@link #NAME},
     * {@link #CSRF}, then the page's own from 2); rendered by {@code render} and kept first when there is none, or
     * when the one kept was made from another basis. {@code render} makes the page with the value of each slot its
     * argument gives; every value must be one a template writes as it is (escaped, not cut or tested).
     */
    public Served page(String key, Object basis, Function<IntFunction<String>, TemplateInstance> render,
            String... values) {
        return page(kept, key, basis, render, values);
    }

    /** {@link #page} for a basis that is current for a moment only (a few seconds): kept apart, and briefly. */
    public Served briefPage(String key, Object basis, Function<IntFunction<String>, TemplateInstance> render,
            String... values) {
        return page(brief, key, basis, render, values);
    }

    /**
     * {@link #page} for a stencil only one reader uses ({@code key} names them): kept apart, so that many of them
     * cannot push out the stencils everyone uses.
     */
    public Served ownPage(String key, Object basis, Function<IntFunction<String>, TemplateInstance> render,
            String... values) {
        return page(own, key, basis, render, values);
    }

    private Served page(Cache<String, Stencil> shelf, String key, Object basis,
            Function<IntFunction<String>, TemplateInstance> render, String... values) {
        Stencil stencil = shelf.getIfPresent(key);
        if (stencil == null || stencil.basis() != basis) {
            stencil = make(basis, render, values.length);
            if (stencil == null) {
                return new Served(HtmlBytes.page(render.apply(slot -> values[slot])), 0);
            }
            shelf.put(key, stencil);
        } else {
            used.increment();
        }
        return new Served(HtmlBytes.page(Response.ok(), filled(stencil, values)), stencil.serial());
    }

    /**
     * The page of stencil {@code serial} (from {@link Served#stencil()}) with {@code values} in its slots, while it is
     * still the one kept under {@code key} and {@code current} says its basis is; else null.
     */
    public byte[][] fill(String key, long serial, Predicate<Object> current, String... values) {
        Stencil stencil = null;
        for (int i = 0; i < shelves.size() && stencil == null; i++) {
            Stencil found = shelves.get(i).getIfPresent(key);
            stencil = found != null && found.serial() == serial ? found : null;
        }
        if (stencil == null || !current.test(stencil.basis())) {
            return null;
        }
        used.increment();
        return filled(stencil, values);
    }

    /**
     * Why {@link #fill} gave nothing for stencil {@code serial} under {@code key}: no stencil kept there, another one
     * kept there since, or (that very one kept) its basis no longer current.
     */
    KeptSignedInPages.Declined why(String key, long serial) {
        boolean any = false;
        for (Cache<String, Stencil> shelf : shelves) {
            Stencil found = shelf.getIfPresent(key);
            if (found != null && found.serial() == serial) {
                return KeptSignedInPages.Declined.BASIS_CHANGED;
            }
            any |= found != null;
        }
        return any ? KeptSignedInPages.Declined.STENCIL_REPLACED : KeptSignedInPages.Declined.STENCIL_GONE;
    }

    /** The stencil's parts with the values, escaped, between them. */
    private static byte[][] filled(Stencil stencil, String[] values) {
        byte[][] filled = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            filled[i] = Fragment.escape(values[i]).getBytes(StandardCharsets.UTF_8);
        }
        byte[][] page = new byte[2 * stencil.parts().length - 1][];
        for (int i = 0; i < stencil.slots().length; i++) {
            page[2 * i] = stencil.parts()[i];
            page[2 * i + 1] = filled[stencil.slots()[i]];
        }
        page[page.length - 1] = stencil.parts()[stencil.parts().length - 1];
        return page;
    }

    /** How many pages were made from a kept stencil so far (for tests and operators; also in the metrics). */
    public long hits() {
        return used.sum();
    }

    /** The stencil {@code render} makes with stand-ins, or null when one of them did not come out as given. */
    private static Stencil make(Object basis, Function<IntFunction<String>, TemplateInstance> render, int slots) {
        String nonce = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + ':';
        byte[] bytes;
        RENDERING.set(nonce);
        try {
            bytes = HtmlBytes.bytes(render.apply(Stencils::standIn));
        } finally {
            RENDERING.remove();
        }
        byte[] prefix = ((char) MARK + nonce).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        boolean[] seen = new boolean[slots];
        int from = 0;
        for (int at = next(bytes, prefix, 0); at >= 0; at = next(bytes, prefix, from)) {
            int digits = at + prefix.length;
            int end = digits;
            while (end < bytes.length && end - digits < 4 && bytes[end] >= '0' && bytes[end] <= '9') {
                end++;
            }
            int slot = end == digits ? -1
                    : Integer.parseInt(new String(bytes, digits, end - digits, StandardCharsets.US_ASCII));
            if (slot < 0 || slot >= slots || end >= bytes.length || bytes[end] != MARK) {
                return null;
            }
            parts.add(Arrays.copyOfRange(bytes, from, at));
            found.add(slot);
            seen[slot] = true;
            from = end + 1;
        }
        for (boolean s : seen) {
            if (!s) {
                return null;
            }
        }
        parts.add(Arrays.copyOfRange(bytes, from, bytes.length));
        byte[][] kept = parts.toArray(new byte[0][]);
        int[] order = found.stream().mapToInt(Integer::intValue).toArray();
        return new Stencil(basis, kept, order, bytes.length, serial(kept, order));
    }

    /**
     * A stencil's serial: its bytes' fingerprint, always positive (0 says a page was not made from one). A stencil made
     * again with the same bytes (the one kept gone unused for a while, and the page read again) has the serial of the
     * first, so every page remembered from that one is still answered from memory: with a counter, the first reader's
     * new stencil "replaced" it, and every customer's page of a busy subject was rendered again at once (#19,
     * docs/benchmarks.md).
     */
    private static long serial(byte[][] parts, int[] slots) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 8 * slots.length + 4 * parts.length);
        header.putInt(slots.length);
        for (int slot : slots) {
            header.putLong(slot);
        }
        for (byte[] part : parts) {
            header.putInt(part.length);
        }
        digest.update(header.array());
        for (byte[] part : parts) {
            digest.update(part);
        }
        long serial = ByteBuffer.wrap(digest.digest()).getLong() & Long.MAX_VALUE;
        return serial == 0 ? 1 : serial;
    }

    /** Where {@code prefix} next starts in {@code bytes} at or after {@code from}; -1 when nowhere. */
    private static int next(byte[] bytes, byte[] prefix, int from) {
        for (int i = from; i <= bytes.length - prefix.length; i++) {
            if (bytes[i] == MARK && Arrays.equals(bytes, i, i + prefix.length, prefix, 0, prefix.length)) {
                return i;
            }
        }
        return -1;
    }
}
