package org.candor.web;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.TemplateInstance;

/**
 * Sends rendered pages as UTF-8 bytes encoded by the JDK. Left as a String, the page is encoded character by character
 * on its way out, which showed as the largest single cost of an HTML page in the benchmark profiles
 * (docs/benchmarks.md). Runs after every other response filter (lowest priority), so the page is final.
 */
class HtmlBytes {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @ServerResponseFilter(priority = 1)
    void encode(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof TemplateInstance || entity instanceof String && isHtml(response.getMediaType())) {
            response.setEntity(utf8(entity), null, HTML);
        }
    }

    /** A page as the bytes sent: rendered if it is a template, encoded if it is text, as is if already bytes; else null. */
    static byte[] utf8(Object page) {
        if (page instanceof byte[] bytes) {
            return bytes;
        }
        String html = page instanceof TemplateInstance template ? template.render()
                : page instanceof String text ? text : null;
        return html == null ? null : html.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isHtml(MediaType type) {
        return type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
