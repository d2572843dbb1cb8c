package org.candor.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.candor.support.SignInBrowser;
import org.candor.support.TestData;

/** E-mail sign-in (#16, item 1): a one-time link, bound to the asking browser, that tells no one which addresses exist. */
@QuarkusTest
class EmailSignInTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/login/email/([A-Za-z0-9_-]{43})");

    @Inject
    MockMailbox mailbox;

    @Inject
    EmailLinks links;

    @Test
    void aLinkSignsInOnceInTheBrowserThatAskedAndIsRefusedAfterwards() throws Exception {
        String address = TestData.unique("mail-me") + "@shop.example";
        try (SignInBrowser browser = new SignInBrowser(); SignInBrowser other = new SignInBrowser()) {
            HtmlPage sent = ask(browser, address, "/about");
            assertEquals("/login/email/sent", browser.path(sent));
            assertTrue(sent.asNormalizedText().contains(address), sent.asNormalizedText());
            String link = linkIn(address);

            // opened in another browser (a mail scanner, or someone it was forwarded to): refused, and not used up
            Page foreign = other.get(path(link));
            assertEquals(403, foreign.getWebResponse().getStatusCode());
            assertTrue(foreign.getWebResponse().getContentAsString().contains("must be opened in the browser where you asked"));

            HtmlPage signedIn = browser.get(path(link));
            assertEquals("/about", browser.path(signedIn));
            assertTrue(signedIn.asNormalizedText().contains("Sign out"), signedIn.asNormalizedText());
            Account account = TestData.accountOf("email", address);
            assertEquals(address, account.email);
            assertTrue(account.emailVerified);

            Page again = browser.get(path(link));
            assertEquals(410, again.getWebResponse().getStatusCode());
            assertTrue(again.getWebResponse().getContentAsString().contains("already used"));
        }
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedWithAMessage() throws Exception {
        String address = TestData.unique("late") + "@shop.example";
        try (SignInBrowser browser = new SignInBrowser()) {
            ask(browser, address, "/");
            String link = linkIn(address);
            TestData.update("update email_sign_in set expires_at = now() - interval '1 second' where address = ?1", address);
            Page expired = browser.get(path(link));
            assertEquals(410, expired.getWebResponse().getStatusCode());
            assertTrue(expired.getWebResponse().getContentAsString().contains("has expired"));
            Page unknown = browser.get("/login/email/" + "A".repeat(43));
            assertEquals(404, unknown.getWebResponse().getStatusCode());
            assertTrue(unknown.getWebResponse().getContentAsString().contains("not one we sent"));
        }
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerInTheSameTime() throws Exception {
        String known = TestData.unique("known") + "@shop.example";
        try (SignInBrowser browser = new SignInBrowser()) {
            ask(browser, known, "/");
            browser.get(path(linkIn(known)));
        }
        assertNotNull(TestData.accountOf("email", known));
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        String knownAnswer = null;
        String unknownAnswer = null;
        // four rounds (the known address may ask five times an hour), which of the two goes first alternating, so that
        // neither is always the one a warm-up or a pause falls on
        for (int i = 0; i < 4; i++) {
            String unknown = TestData.unique("nobody") + "@shop.example";
            var knownForm = anonymousForm().formParam("email", known);
            var unknownForm = anonymousForm().formParam("email", unknown);
            io.restassured.response.Response a;
            io.restassured.response.Response b;
            if (i % 2 == 0) {
                a = timedPost(knownForm, knownTimes);
                b = timedPost(unknownForm, unknownTimes);
            } else {
                b = timedPost(unknownForm, unknownTimes);
                a = timedPost(knownForm, knownTimes);
            }
            assertEquals(a.statusCode(), b.statusCode());
            knownAnswer = a.statusCode() + " " + a.header("Location");
            unknownAnswer = b.statusCode() + " " + b.header("Location");
            assertEquals(knownAnswer, unknownAnswer);
            // the page that follows differs only by the address typed
            String knownPage = given().cookie("candor_email_asked", known).get("/login/email/sent").asString();
            String unknownPage = given().cookie("candor_email_asked", unknown).get("/login/email/sent").asString();
            assertEquals(knownPage.replace(known, "ADDRESS").replaceAll("csrf-token\" value=\"[^\"]*\"", ""),
                    unknownPage.replace(unknown, "ADDRESS").replaceAll("csrf-token\" value=\"[^\"]*\"", ""));
        }
        assertTrue(knownAnswer.startsWith("303 "), "a link is sent either way: " + knownAnswer);
        // no account is read when a link is asked for: the times are in the same bucket (within 25 ms at the median)
        long knownMedian = median(knownTimes) / 1_000_000;
        long unknownMedian = median(unknownTimes) / 1_000_000;
        assertTrue(Math.abs(knownMedian - unknownMedian) < 25, knownMedian + " ms vs " + unknownMedian + " ms");
    }

    @Test
    void asksAreLimitedPerAddressAndPerNetworkAndTheTypedAddressIsKept() throws Exception {
        String address = TestData.unique("eager") + "@shop.example";
        for (int i = 0; i < 5; i++) {
            anonymousForm().formParam("email", address)
                    .post("/login/email").then().statusCode(303);
        }
        anonymousForm().formParam("email", address)
                .post("/login/email").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many sign-in links")).body(containsString("value=\"" + address + "\""));

        // per network: the limit counts asks from one network whatever the address (a keyed hash of it is kept)
        String network = "198.51.100." + (int) (Math.random() * 250);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 40; i++) {
                links.send(TestData.unique("n") + "@shop.example", "/", "s".repeat(43), network);
            }
        });
        assertThrows(EmailLinks.TooOften.class, () -> links.send(TestData.unique("n") + "@shop.example", "/",
                "s".repeat(43), network));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from email_sign_in where "
                + "position(convert_to(?1, 'UTF8') in ip_hash) > 0 or position(?1 in address) > 0", network)).longValue(), "the network is not stored as it is");
    }

    @Test
    void aMistypedAddressComesBackWithAMessageAndTheText() {
        anonymousForm().formParam("email", "ana at example")
                .post("/login/email").then().statusCode(400)
                .body(containsString("Enter an e-mail address such as"))
                .body(containsString("value=\"ana at example\""));
    }

    /** A form post by an anonymous visitor, with the CSRF token a page gave them. */
    static io.restassured.specification.RequestSpecification anonymousForm() {
        String token = given().get("/login").cookie("csrf-token");
        return given().redirects().follow(false).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .cookie("csrf-token", token).formParam("csrf-token", token);
    }

    static HtmlPage ask(SignInBrowser browser, String address, String back) throws Exception {
        HtmlPage login = browser.get("/login?back=" + java.net.URLEncoder.encode(back, "UTF-8"));
        HtmlForm form = login.getFirstByXPath("//form[@action='/login/email']");
        form.getInputByName("email").type(address);
        org.htmlunit.html.HtmlButton send = form.getFirstByXPath(".//button[@type='submit']");
        return send.click();
    }

    /** The sign-in link of the last e-mail sent to this address. */
    String linkIn(String address) {
        var mails = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), m -> m != null && !m.isEmpty());
        Matcher m = LINK.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(m.find(), mails.get(mails.size() - 1).getText());
        return m.group();
    }

    static String path(String link) {
        return link.substring(link.indexOf("/login/email/"));
    }

    /** Posts the form and adds how long the answer took to {@code times}. */
    private static io.restassured.response.Response timedPost(io.restassured.specification.RequestSpecification form,
            List<Long> times) {
        long start = System.nanoTime();
        io.restassured.response.Response answer = form.post("/login/email");
        times.add(System.nanoTime() - start);
        return answer;
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
