package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Candor's static files come from memory (#19): the same bytes and types as before, with the security headers. */
@QuarkusTest
class StaticFilesTest {

    private static final Path SHIPPED = Path.of("src/main/resources/META-INF/resources");

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everyShippedFileIsServedFromMemoryWithItsTypeAndTheSecurityHeaders() throws IOException {
        List<Path> files = shipped();
        assertThat(files.size(), greaterThanOrEqualTo(7));
        for (Path file : files) {
            String path = "/" + SHIPPED.relativize(file).toString().replace('\\', '/');
            Response answer = given().when().get(path).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Cache-Control", StaticFiles.CACHE_CONTROL)
                    .header("Accept-Ranges", nullValue()) // Quarkus' file handler sends it; memory does not
                    .extract().response();
            assertArrayEquals(Files.readAllBytes(file), answer.asByteArray(), path);
            assertThat(path, answer.header("ETag"), matchesPattern("\"[A-Za-z0-9_-]{22}\""));
            assertThat(path, answer.header("Last-Modified"), not(emptyString()));
            String type = answer.header("Content-Type");
            String expected = switch (path.substring(path.lastIndexOf('.') + 1)) {
                case "css" -> "text/css;charset=UTF-8";
                case "js" -> "text/javascript;charset=UTF-8";
                case "svg" -> "image/svg+xml";
                case "ico" -> "image/x-icon";
                default -> throw new AssertionError(path + ": a kind of file this test does not know yet");
            };
            assertEquals(expected, type, path);
        }
    }

    @Test
    void pagesLinkEachFileByItsContentSoADeployNeverLeavesAnOldOneInABrowser() {
        String etag = given().get("/css/candor.css").then().statusCode(200).extract().header("ETag");
        String version = etag.substring(1, 11);
        String page = given().get("/about").then().statusCode(200).extract().asString();
        assertThat(page, containsString("href=\"/css/candor.css?v=" + version + "\""));
        assertThat(page, matchesPattern("(?s).*href=\"/favicon.svg\\?v=[A-Za-z0-9_-]{10}\".*"));
        given().when().get("/css/candor.css?v=" + version)
                .then().statusCode(200)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", StaticFiles.CACHE_CONTROL);
        // another version's address (an instance with other files during a rolling deploy) is not kept for a day
        given().when().get("/css/candor.css?v=0000000000")
                .then().statusCode(200)
                .header("Cache-Control", "no-cache");
    }

    @Test
    void aBrowserThatHasTheFileGetsNotModified() {
        String etag = given().get("/css/candor.css").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag)
                .when().get("/css/candor.css")
                .then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("X-Content-Type-Options", "nosniff")
                .body(emptyString());
        given().header("If-None-Match", "\"something-older\"")
                .when().get("/css/candor.css")
                .then().statusCode(200);
    }

    @Test
    void headAnswersWithTheLengthAndNoBody() throws IOException {
        long size = Files.size(SHIPPED.resolve("js/queue.js"));
        given().when().head("/js/queue.js")
                .then().statusCode(200)
                .header("Content-Length", String.valueOf(size))
                .header("Content-Type", "text/javascript;charset=UTF-8")
                .body(emptyString());
    }

    @Test
    void otherMethodsAndUnknownFilesAreNotServed() {
        given().when().get("/css/missing.css").then().statusCode(404);
        given().when().post("/css/candor.css").then().statusCode(404);
    }
}
