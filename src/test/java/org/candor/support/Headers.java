package org.candor.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.restassured.response.Response;

/** A response's headers, compared between two answers of the same page. */
public final class Headers {

    private Headers() {
    }

    /** Every header but the date, by name, each name's values in order. */
    public static Map<String, List<String>> withoutDate(Response response) {
        return response.getHeaders().asList().stream().filter(h -> !h.getName().equalsIgnoreCase("Date"))
                .collect(Collectors.groupingBy(h -> h.getName().toLowerCase(Locale.ROOT), TreeMap::new,
                        Collectors.mapping(h -> h.getValue(), Collectors.toList())));
    }
}
