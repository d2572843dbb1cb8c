package org.candor.web;

import java.nio.charset.StandardCharsets;

/**
 * A rendered part of a page kept for many requests (a subject's review list, {@link SharedFragments}), held as the
 * UTF-8 bytes it is sent as. A template writes it with {@code {part.raw}}. When the page is encoded by
 * {@link HtmlBytes#page}, the part goes into the page's bytes as kept: neither copied into the page's text nor encoded
 * again for each request. Rendered any other way, it is its HTML, as a String would be.
 */
public final class Fragment {

    private final byte[] utf8;

    private Fragment(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The part rendered as {@code html}. */
    public static Fragment of(String html) {
        return new Fragment(html.getBytes(StandardCharsets.UTF_8));
    }

    byte[] utf8() {
        return utf8;
    }

    /** Its size in bytes, as sent. */
    public int size() {
        return utf8.length;
    }

    /** Its HTML; while {@link HtmlBytes} encodes a page on this thread, a marker it puts the bytes in place of. */
    @Override
    public String toString() {
        String marker = HtmlBytes.defer(this);
        return marker != null ? marker : new String(utf8, StandardCharsets.UTF_8);
    }
}
