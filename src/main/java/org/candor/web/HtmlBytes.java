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
        String html = entity instanceof TemplateInstance template ? template.render()
                : entity instanceof String text && isHtml(response.getMediaType()) ? text : null;
        if (html != null) {
            response.setEntity(html.getBytes(StandardCharsets.UTF_8), null, HTML);
        }
    }

    private static boolean isHtml(MediaType type) {
        return type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
