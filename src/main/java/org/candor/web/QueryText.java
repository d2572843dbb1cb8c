package org.candor.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Query parameters are held to the rule of form fields ({@link CleanText}): an address whose query carries a control
 * character (NUL, say, which PostgreSQL cannot take) is refused with 400 and a message before any page reads it.
 */
class QueryText {

    private final FormErrors messages;

    QueryText(FormErrors messages) {
        this.messages = messages;
    }

    /** Reads the raw query as Vert.x holds it: building the request's URI for it cost every request a parse (#19). */
    @ServerRequestFilter(preMatching = true)
    void refuseControlCharacters(HttpServerRequest request) {
        String query = request.query();
        if (query == null || query.isEmpty()) {
            return;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(messages.message("{candor.query.control}"));
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new BadRequestException(messages.message("{candor.query.control}"));
            }
        }
    }
}
