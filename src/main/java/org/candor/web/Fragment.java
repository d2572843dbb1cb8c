package org.candor.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.Escaper;

/**
 * A rendered part of a page kept for many requests (a subject's review list, {@link SharedFragments}; a queue line),
 * held as the UTF-8 bytes it is sent as. A template writes it with {@code {part.raw}}. When the page is encoded by
 * {@link HtmlBytes#page}, the part goes into the page's bytes as kept: neither copied into the page's text nor encoded
 * again for each request. Rendered any other way, it is its HTML, as a String would be.
 * <p>
 * A part may be made of other parts ({@link #join}): kept lines and words made once, put together for one request
 * without copying their bytes until they go into the page.
 */
public final class Fragment {

    private static final Escaper HTML = Escaper.builder().add('&', "&amp;").add('<', "&lt;").add('>', "&gt;")
            .add('"', "&quot;").add('\'', "&#39;").build();

    /** The part's bytes, in pieces sent one after another. */
    private final byte[][] pieces;
    private final int size;

    private Fragment(byte[][] pieces, int size) {
        this.pieces = pieces;
        this.size = size;
    }

    /** The part rendered as {@code html}. */
    public static Fragment of(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        return new Fragment(new byte[][] { utf8 }, utf8.length);
    }

    /** Text as HTML, escaped as Qute escapes a value it writes. */
    public static String escape(String text) {
        return HTML.escape(text);
    }

    /** These parts, one after another, as one part. */
    public static Fragment join(List<Fragment> parts) {
        List<byte[]> pieces = new ArrayList<>(parts.size());
        int size = 0;
        for (Fragment part : parts) {
            for (byte[] piece : part.pieces) {
                pieces.add(piece);
            }
            size += part.size;
        }
        return new Fragment(pieces.toArray(new byte[0][]), size);
    }

    byte[][] pieces() {
        return pieces;
    }

    /** Whether {@code other} is a part with the same bytes, however either is cut into pieces. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Fragment that && size == that.size
                && Arrays.equals(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }

    /** Its bytes in one array (the one piece itself when there is only one). */
    private byte[] bytes() {
        if (pieces.length == 1) {
            return pieces[0];
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    /** Its size in bytes, as sent. */
    public int size() {
        return size;
    }

    /** Its HTML; while {@link HtmlBytes} encodes a page on this thread, a marker it puts the bytes in place of. */
    @Override
    public String toString() {
        String marker = HtmlBytes.defer(this);
        if (marker != null) {
            return marker;
        }
        if (pieces.length == 1) {
            return new String(pieces[0], StandardCharsets.UTF_8);
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return new String(all, StandardCharsets.UTF_8);
    }
}
