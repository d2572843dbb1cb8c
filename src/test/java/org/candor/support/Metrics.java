package org.candor.support;

import io.restassured.RestAssured;

/** What an operator's Prometheus reads from the app ({@code /q/metrics}). */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the series written exactly as {@code series} (name and labels), 0 when it is not there yet. */
    public static double value(String series) {
        return sum(l -> l.startsWith(series + " "));
    }

    /** The sum of the series whose line {@code line} accepts. */
    public static double sum(java.util.function.Predicate<String> line) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
