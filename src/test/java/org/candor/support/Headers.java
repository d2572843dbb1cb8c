package org.candor.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.response.Response;

/** A response's headers, compared between two answers of the same page. */
public final class Headers {

    private Headers() {
    }

    /**
     * Every header but the date, by name, each name's values in order; a cookie's {@code Expires} date (the answer's
     * time plus its age: two answers a moment apart may be a second apart) as a word.
     */
    public static Map<String, List<String>> withoutDate(Response response) {
        return response.getHeaders().asList().stream().filter(h -> !h.getName().equalsIgnoreCase("Date"))
                .collect(Collectors.groupingBy(h -> h.getName().toLowerCase(Locale.ROOT), TreeMap::new,
                        Collectors.mapping(h -> h.getValue().replaceAll("Expires=[^;]*", "Expires=(date)"),
                                Collectors.toList())));
    }

    /** Each cookie's {@code Expires} date is now (the answer was just received) plus the cookie's age. */
    public static void assertCookieDatesAgree(Response response) {
        Instant date = Instant.now();
        for (String cookie : response.getHeaders().getValues("Set-Cookie")) {
            Matcher age = Pattern.compile("Max-Age=(\\d+)").matcher(cookie);
            Matcher expires = Pattern.compile("Expires=([^;]*)").matcher(cookie);
            if (age.find() && expires.find()) {
                Instant expected = date.plusSeconds(Long.parseLong(age.group(1)));
                Instant written = ZonedDateTime.parse(expires.group(1), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                if (Math.abs(Duration.between(expected, written).toSeconds()) > 5) {
                    throw new AssertionError("expires " + written + ", not " + expected + ": " + cookie);
                }
            }
        }
    }
}
