package org.candor.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.awaitility.Awaitility;

import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.subject.Subject;
import org.candor.support.SignInBrowser;
import org.candor.support.SqlRecorder;
import org.candor.support.TestData;

/** Sign-in through the real authorization-code flow against the local OIDC server. */
@QuarkusTest
class SignInTest {

    @Test
    void signingInWithAnOpenIdConnectProviderReturnsToTheStartingPage() throws Exception {
        Subject subject = TestData.subject("Sign-in kettle");
        String user = TestData.unique("olga");
        try (SignInBrowser browser = new SignInBrowser()) {
            HtmlPage page = browser.signIn("google", user, "/subjects/" + subject.slug);
            assertEquals(200, page.getWebResponse().getStatusCode());
            assertEquals("/subjects/" + subject.slug, browser.path(page));
            assertTrue(page.asNormalizedText().contains("Sign out"), "header offers to sign out");
            assertTrue(page.asNormalizedText().contains("Sign-in kettle"));
        }
        Account account = accountOf("google", user);
        assertEquals(Role.CUSTOMER, account.role, "a new person is a customer");
        assertEquals(user + "@example.com", account.email == null ? user + "@example.com" : account.email);
    }

    @Test
    void signingInWithAnOAuth2ProviderUsesItsUserInfo() throws Exception {
        String user = TestData.unique("gitta");
        try (SignInBrowser browser = new SignInBrowser()) {
            HtmlPage page = browser.signIn("github", user, "/about");
            assertEquals("/about", browser.path(page));
            assertTrue(page.asNormalizedText().contains("Sign out"));
        }
        Account account = accountOf("github", user);
        assertEquals("github", account.provider);
        assertTrue(account.displayName.toLowerCase().startsWith("gitta"), "name from the user-info endpoint: " + account.displayName);
    }

    @Test
    void theSamePersonSigningInTwiceKeepsOneAccountAndTwoProvidersGiveTwo() throws Exception {
        String user = TestData.unique("twice");
        try (SignInBrowser first = new SignInBrowser()) {
            first.signIn("google", user, "/");
        }
        try (SignInBrowser second = new SignInBrowser()) {
            second.signIn("google", user, "/");
        }
        try (SignInBrowser third = new SignInBrowser()) {
            third.signIn("microsoft", user, "/");
        }
        long count = QuarkusTransaction.requiringNew().call(() -> Account.count("providerSubject", user));
        assertEquals(2, count, "one account for google, one for microsoft");
    }

    @Test
    void aBootstrapAdminIsAnAdmin() throws Exception {
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", "root-admin", "/");
            Page me = browser.get("/api/me");
            String json = me.getWebResponse().getContentAsString();
            assertTrue(json.contains("\"admin\""), json);
            assertTrue(json.contains("\"moderator\""), json);
        }
    }

    @Test
    void aRoleChangedInTheDatabaseCountsFromTheNextRequestOnceTheAppHasHeardOfIt() throws Exception {
        String user = TestData.unique("mod");
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", user, "/");
            String before = browser.get("/api/me").getWebResponse().getContentAsString();
            assertTrue(before.contains("\"customer\"") && !before.contains("moderator"), before);

            QuarkusTransaction.requiringNew().run(() -> {
                Account a = Account.find("provider = ?1 and providerSubject = ?2", "google", user).firstResult();
                a.role = Role.MODERATOR;
            });
            TestData.settle();
            String after = browser.get("/api/me").getWebResponse().getContentAsString();
            assertTrue(after.contains("\"moderator\""), after);
            assertTrue(!after.contains("\"admin\""), "the provider's own roles are ignored: " + after);

            TestData.update("update account set role = 'CUSTOMER' where provider = 'google' and provider_subject = ?1", user);
            assertEquals(403, browser.get("/moderation").getWebResponse().getStatusCode());
        }
    }

    @Test
    void aSignedInVisitorIsRememberedBetweenRequestsUntilTheirAccountChanges() throws Exception {
        String user = TestData.unique("regular");
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", user, "/");
            browser.get("/api/me");
            SqlRecorder.start();
            browser.get("/me");
            browser.get("/about");
            Set<String> unchanged = SqlRecorder.stop();
            assertTrue(unchanged.stream().noneMatch(SignInTest::readsAnAccount),
                    "the account was looked up again: " + unchanged);

            TestData.update("update account set display_name = 'Renamed Elsewhere' where provider = 'google' "
                    + "and provider_subject = ?1", user);
            SqlRecorder.start();
            String renamed = browser.get("/me").getWebResponse().getContentAsString();
            Set<String> changed = SqlRecorder.stop();
            assertTrue(renamed.contains("Renamed Elsewhere"), "the page shows the account as it is now");
            assertTrue(changed.stream().anyMatch(SignInTest::readsAnAccount),
                    "a changed account is looked up again: " + changed);
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", TestData.unique("leaver"), "/me/profile");
            HtmlPage profile = browser.get("/me/profile");
            assertEquals("/me/profile", browser.path(profile));
            HtmlButton signOut = profile.getFirstByXPath("//form[@action='/logout']//button");
            HtmlPage after = signOut.click();
            assertEquals("/", browser.path(after));
            assertTrue(after.asNormalizedText().contains("Sign in"));

            HtmlPage again = browser.get("/me/profile");
            assertTrue(browser.path(again).startsWith("/login?back="), "protected page sends to sign-in: " + browser.path(again));
        }
    }

    @Test
    void aSessionOutlivesTheProvidersTokens() throws Exception {
        // the local sign-in server's tokens live 10 seconds in tests (%test.quarkus.oidc.devservices.*-expires-in);
        // it cannot refresh an ID token, which once ended every session a few minutes after sign-in
        Subject subject = TestData.subject("Token expiry kettle");
        try (SignInBrowser browser = new SignInBrowser()) {
            long signedInAt = System.nanoTime();
            browser.signIn("google", TestData.unique("stayer"), "/subjects/" + subject.slug);
            Awaitility.await().pollDelay(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(30))
                    .until(() -> System.nanoTime() - signedInAt > Duration.ofSeconds(11).toNanos());
            HtmlPage page = browser.get("/subjects/" + subject.slug);
            assertTrue(page.asNormalizedText().contains("Sign out"), "still signed in after the ID token expired");
            ((org.htmlunit.html.HtmlRadioButtonInput) page.getFirstByXPath("//input[@name='rating'][@value='4']")).click();
            page.getHtmlElementById("body").setTextContent("Still signed in, and this is posted.");
            HtmlPage posted = ((HtmlButton) page.getFirstByXPath("//form[contains(@action,'/reviews')]//button")).click();
            assertEquals(200, posted.getWebResponse().getStatusCode(), posted.asNormalizedText());
            assertTrue(browser.path(posted).startsWith("/subjects/" + subject.slug + "/reviews/"), browser.path(posted));
            assertTrue(posted.asNormalizedText().contains("Still signed in, and this is posted."));
        }
    }

    @Test
    void aSessionLeftIdleTooLongEndsAndItsLastSeenCannotBeForged() throws Exception {
        CandorSession sessions = Arc.container().instance(CandorSession.class).get();
        Account account = TestData.account("Idle Ivy", Role.CUSTOMER);
        long now = Instant.now().getEpochSecond();
        String fresh = sessions.cookie(new CandorSession.Session(account.id, "google", now - 60, now - 60, null, null))
                .getValue();
        given().redirects().follow(false).cookie(CandorSession.COOKIE, fresh).when().get("/me/profile")
                .then().statusCode(200).body(containsString("Idle Ivy"));

        // last seen three hours ago (the idle timeout is two hours): signed out, and the cookie is cleared
        String idle = sessions.cookie(new CandorSession.Session(account.id, "google", now - 4 * 3600, now - 3 * 3600,
                null, null)).getValue();
        given().redirects().follow(false).cookie(CandorSession.COOKIE, idle).when().get("/me/profile")
                .then().statusCode(303)
                .header("Location", containsString("/login?back="))
                .header("Set-Cookie", containsString(CandorSession.COOKIE + "=;"));

        // last seen lives inside the encrypted value: a cookie changed by the browser is no session at all
        char[] tampered = fresh.toCharArray();
        tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
        given().redirects().follow(false).cookie(CandorSession.COOKIE, new String(tampered)).when().get("/me/profile")
                .then().statusCode(303);
        // decoded sessions are kept by their value's last characters: the genuine one was read (and kept) first, the
        // tampered one ends the same, and neither it nor the kept one past its idle time is a session
        assertTrue(sessions.read(fresh, now).isPresent());
        assertTrue(sessions.read(new String(tampered), now).isEmpty());
        assertTrue(sessions.read(fresh, now + 3 * 3600).isEmpty(), "the idle timeout counts for a kept session too");
        // a session older than candor.session.max-age ends however recently it was used
        String old = sessions.cookie(new CandorSession.Session(account.id, "google", now - 8 * 86400, now - 10, null,
                null)).getValue();
        given().redirects().follow(false).cookie(CandorSession.COOKIE, old).when().get("/me/profile")
                .then().statusCode(303);
    }

    @Test
    void aStaleProviderCookieIsClearedAndTheNextSignInWorks() throws Exception {
        given().redirects().follow(false).cookie("q_session_google", "stale-from-an-earlier-session")
                .when().get("/about")
                .then().statusCode(200)
                .header("Set-Cookie", containsString("q_session_google=;"));
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.client().getCookieManager().addCookie(new org.htmlunit.util.Cookie("localhost",
                    "q_session_google", "stale-from-an-earlier-session", "/", null, false, true));
            HtmlPage page = browser.signIn("google", TestData.unique("returning"), "/about");
            assertEquals("/about", browser.path(page));
            assertTrue(page.asNormalizedText().contains("Sign out"));
        }
    }

    @Test
    void aReviewWrittenAfterTheSessionEndedIsKeptThroughSignInAndSentAfterwards() throws Exception {
        Subject subject = TestData.subject("Draft kettle");
        String user = TestData.unique("drafter");
        String text = "Written while my session ended; it must survive the trip to the provider.";
        try (SignInBrowser browser = new SignInBrowser()) {
            HtmlPage page = browser.signIn("google", user, "/subjects/" + subject.slug);
            ((org.htmlunit.html.HtmlRadioButtonInput) page.getFirstByXPath("//input[@name='rating'][@value='2']")).click();
            page.getHtmlElementById("body").setTextContent(text);
            // the session ends (idle, expired, or signed out in another tab) while the customer writes
            browser.client().getCookieManager().removeCookie(browser.client().getCookieManager()
                    .getCookie(CandorSession.COOKIE));
            HtmlPage login = ((HtmlButton) page.getFirstByXPath("//form[contains(@action,'/reviews')]//button")).click();
            assertEquals("/login?back=%2Fsubjects%2F" + subject.slug, browser.path(login));
            assertTrue(login.asNormalizedText().contains("What you wrote is kept"), login.asNormalizedText());
            assertEquals(0L, ((Number) TestData.sql("select count(*) from review r join subject s on s.id = r.subject_id "
                    + "where s.slug = ?1", subject.slug)).longValue(), "nothing was posted without a session");

            HtmlPage back = browser.signInFrom(login, "google", user);
            assertEquals("/subjects/" + subject.slug, browser.path(back));
            assertEquals(text, back.getHtmlElementById("body").getTextContent(), "the text is back in the form");
            assertTrue(((org.htmlunit.html.HtmlRadioButtonInput) back.getFirstByXPath(
                    "//input[@name='rating'][@value='2']")).isChecked(), "and so is the rating");
            HtmlPage posted = ((HtmlButton) back.getFirstByXPath("//form[contains(@action,'/reviews')]//button")).click();
            assertTrue(browser.path(posted).startsWith("/subjects/" + subject.slug + "/reviews/"), browser.path(posted));
            assertTrue(posted.asNormalizedText().contains(text));

            HtmlPage again = browser.get("/subjects/" + subject.slug);
            assertTrue(!again.asNormalizedText().contains("What you wrote is kept"), "a draft is given back once");
        }
    }

    @Test
    void aBootstrapAdminIsPromotedOnceAndThePromotionIsOnTheLog() throws Exception {
        long logBefore = org.candor.support.Steps.logSize();
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", "promoted-once", "/");
            assertTrue(browser.get("/api/me").getWebResponse().getContentAsString().contains("\"admin\""));
        }
        Object[] entry = (Object[]) TestData.sql("""
                select e.kind, e.actor_role, e.actor_handle, b.text from log_entry e
                left join log_text b on b.seq = e.seq and b.field = 'body'
                where e.seq > ?1 and e.kind = 'ROLE_GRANTED' order by e.seq desc limit 1""", logBefore);
        assertEquals("ROLE_GRANTED", entry[0]);
        assertEquals("system", entry[1]);
        assertTrue(!String.valueOf(entry[3]).contains("promoted-once") && entry[2] == null, "the log names no one");

        // an admin takes the role away; the configuration does not give it back at the next sign-in
        TestData.update("update account set role = 'CUSTOMER' where provider = 'google' and provider_subject = 'promoted-once'");
        long logAfter = org.candor.support.Steps.logSize();
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", "promoted-once", "/");
            String me = browser.get("/api/me").getWebResponse().getContentAsString();
            assertTrue(!me.contains("\"admin\""), me);
        }
        assertEquals(0L, ((Number) TestData.sql("select count(*) from log_entry where seq > ?1 and kind = 'ROLE_GRANTED'",
                logAfter)).longValue());
    }

    @Test
    void signingOutEndsAtTheProviderWhoseOriginAloneThePageAllowsFormsToReach() {
        String issuer = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.auth-server-url", String.class);
        java.net.URI i = java.net.URI.create(issuer);
        String origin = i.getScheme() + "://" + i.getRawAuthority();
        org.candor.support.Session customer = org.candor.support.Session.customer();
        String csp = customer.request().when().get("/about").then().statusCode(200).extract()
                .header("Content-Security-Policy");
        assertTrue(csp.contains("form-action 'self' " + origin + ";"), csp);
        String anonymous = given().when().get("/about").then().extract().header("Content-Security-Policy");
        assertTrue(anonymous.contains("form-action 'self';"), "no other origin, no wildcard: " + anonymous);

        io.restassured.response.Response out = customer.form().when().post("/logout").then().statusCode(303)
                .extract().response();
        assertTrue(out.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(CandorSession.COOKIE + "=;")
                && c.contains("Max-Age=0")), "the session cookie is cleared: " + out.headers().getValues("Set-Cookie"));
        String location = out.header("Location");
        assertTrue(location.startsWith(origin) && location.contains("id_token_hint=")
                && location.contains("post_logout_redirect_uri="), location);
    }

    @Test
    void theIdTokenTravelsOnlyToTheSignOutRouteAndOnlyForItsOwnSession() throws Exception {
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", TestData.unique("small-cookie"), "/about");
            org.htmlunit.util.Cookie session = browser.client().getCookieManager().getCookie(CandorSession.COOKIE);
            org.htmlunit.util.Cookie signOut = browser.client().getCookieManager().getCookie(CandorSession.SIGN_OUT);
            assertTrue(session.getValue().length() < 400, "every request carries the session cookie: "
                    + session.getValue().length() + " characters");
            assertEquals("/logout", signOut.getPath(), "the ID token is sent to the sign-out route alone");
            assertTrue(signOut.isHttpOnly());
        }
        org.candor.support.Session alice = org.candor.support.Session.customer();
        org.candor.support.Session bob = org.candor.support.Session.customer();
        // Bob's session with Alice's sign-out cookie: not his session's, so the provider is not given her token
        java.util.Map<String, String> crossedCookies = new java.util.HashMap<>(bob.cookies());
        crossedCookies.put(CandorSession.SIGN_OUT, alice.cookies().get(CandorSession.SIGN_OUT));
        String crossed = given().cookies(crossedCookies).redirects().follow(false)
                .contentType(io.restassured.http.ContentType.URLENC.withCharset("UTF-8"))
                .formParam("csrf-token", crossedCookies.get("csrf-token"))
                .when().post("/logout").then().statusCode(303).extract().header("Location");
        assertTrue(!crossed.contains("id_token_hint="), crossed);
        io.restassured.response.Response own = alice.form().when().post("/logout").then().statusCode(303).extract()
                .response();
        assertTrue(own.header("Location").contains("id_token_hint="), own.header("Location"));
        assertTrue(own.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(CandorSession.SIGN_OUT
                + "=;") && c.contains("Path=/logout") && c.contains("Max-Age=0")), "and its cookie is dropped");
    }

    @Test
    void aSessionWrittenWithItsIdTokenInsideHandsItToTheSignOutCookieWhenRenewed() {
        CandorSession sessions = Arc.container().instance(CandorSession.class).get();
        Account account = TestData.account("Legacy Lee", Role.CUSTOMER);
        long now = Instant.now().getEpochSecond();
        // a value as written before the ID token had a cookie of its own, last seen two minutes ago (due for renewal)
        String legacy = sessions.encode(new CandorSession.Session(account.id, "google", now - 600, now - 120,
                "the-id-token", "https://idp.example/logout"));
        io.restassured.response.Response renewed = given().redirects().follow(false)
                .cookie(CandorSession.COOKIE, legacy).when().get("/me/profile").then().statusCode(200)
                .body(containsString("Legacy Lee")).extract().response();
        java.util.Map<String, String> cookies = renewed.getCookies();
        assertTrue(cookies.get(CandorSession.COOKIE).length() < 400, "the renewed session cookie holds no token");
        assertTrue(renewed.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(CandorSession.SIGN_OUT
                + "=") && c.contains("Path=/logout")), renewed.headers().getValues("Set-Cookie").toString());
        String csrf = given().cookies(cookies).when().get("/logout").then().statusCode(200).extract().cookie("csrf-token");
        String location = given().redirects().follow(false).cookies(cookies).cookie("csrf-token", csrf)
                .contentType(io.restassured.http.ContentType.URLENC.withCharset("UTF-8")).formParam("csrf-token", csrf)
                .when().post("/logout").then().statusCode(303).extract().header("Location");
        assertTrue(location.startsWith("https://idp.example/logout?") && location.contains("id_token_hint=the-id-token"),
                location);
    }

    /**
     * A customer's page answered from memory (web/KeptSignedInPages) signs in as the full authentication would: the
     * sign-out form may end at their provider, and a session due to be written again is renewed, never skipped.
     */
    @Test
    void aKeptPageKeepsTheSessionsRules() {
        CandorSession sessions = Arc.container().instance(CandorSession.class).get();
        org.candor.web.KeptSignedInPages kept = Arc.container().instance(org.candor.web.KeptSignedInPages.class).get();
        Account account = TestData.account("Kept Kim", Role.CUSTOMER);
        String page = "/subjects/" + TestData.subject("Kim's subject").slug;
        long now = Instant.now().getEpochSecond();
        String fresh = sessions.encode(new CandorSession.Session(account.id, "google", now - 60, now, null,
                "https://idp.example/logout"));
        String csrf = given().cookie(CandorSession.COOKIE, fresh).when().get(page).then().statusCode(200).extract()
                .cookie("csrf-token");
        long hits = kept.hits();
        io.restassured.response.Response answered = given().cookie(CandorSession.COOKIE, fresh).cookie("csrf-token", csrf)
                .when().get(page).then().statusCode(200).body(containsString("Kept Kim")).extract().response();
        assertEquals(hits + 1, kept.hits(), "answered from memory");
        assertTrue(answered.header("Content-Security-Policy").contains("form-action 'self' https://idp.example;"),
                answered.header("Content-Security-Policy"));

        String due = sessions.encode(new CandorSession.Session(account.id, "google", now - 600, now - 120, null,
                "https://idp.example/logout"));
        io.restassured.response.Response renewed = given().cookie(CandorSession.COOKIE, due).cookie("csrf-token", csrf)
                .when().get(page).then().statusCode(200).body(containsString("Kept Kim")).extract().response();
        assertEquals(hits + 1, kept.hits(), "rendered: the session had to be written again");
        assertTrue(renewed.getCookies().containsKey(CandorSession.COOKIE), "and it was renewed");
    }

    @Test
    void aProviderThatDoesNotAnswerGetsABrandedPageNotA500() {
        // the test profile points the generic provider at a port where nothing listens
        String location = given().redirects().follow(false).accept("text/html").when().get("/login/oidc")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.contains("/login/unavailable/oidc"), location);
        given().accept("text/html").when().get("/login/unavailable/oidc")
                .then().statusCode(503)
                .body(containsString("Unreachable company sign-in sign-in is not answering"))
                .body(containsString("provider-google"));
        given().when().get("/login/unavailable/nobody").then().statusCode(404);
    }

    private static boolean readsAnAccount(String sql) {
        return sql.toLowerCase(java.util.Locale.ROOT).contains("from account a1_0 where");
    }

    @Test
    void aProtectedPageSendsAnonymousVisitorsToSignInAndTheApiAnswers401() {
        given().redirects().follow(false).when().get("/me/profile")
                .then().statusCode(303)
                .header("Location", containsString("/login?back=%2Fme%2Fprofile"));
        given().accept("application/json").when().get("/api/me")
                .then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aProviderThatIsNotEnabledIsNotShownAndItsPathIs404() {
        given().when().get("/login")
                .then().statusCode(200)
                .body(containsString("provider-google"))
                .body(containsString("provider-github"))
                .body(org.hamcrest.Matchers.not(containsString("provider-facebook")));
        given().accept("text/html").when().get("/login/facebook")
                .then().statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void aForgedCallbackIsRejectedWithAFriendlyPage() {
        // the visitor has started a sign-in, so their browser holds the state cookie of that attempt
        io.restassured.response.Response started = given().redirects().follow(false)
                .when().get("/login/google?back=/");
        started.then().statusCode(302);
        var stateCookies = started.getDetailedCookies();
        // a callback carrying another state (a forged or replayed link) does not sign anyone in
        given().redirects().follow(false).accept("text/html").cookies(stateCookies)
                .when().get("/login/google?code=Zm9yZ2VkfHVzZXI&state=not-the-state")
                .then().statusCode(401)
                .header("Set-Cookie", org.hamcrest.Matchers.not(containsString("q_session")))
                .body(containsString("Sign-in did not complete"));
    }

    @Test
    void aCallbackWithoutAStartedSignInSignsNobodyIn() {
        given().redirects().follow(false).accept("text/html")
                .when().get("/login/google?code=Zm9yZ2VkfHVzZXI&state=not-the-state")
                .then().statusCode(401)
                .header("Set-Cookie", org.hamcrest.Matchers.not(containsString("q_session")))
                .body(containsString("Sign-in did not complete"));
    }

    @Test
    void aCustomerCanChangeTheirDisplayNameAndBadInputKeepsTheText() throws Exception {
        String user = TestData.unique("renamer");
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", user, "/me/profile");
            HtmlPage profile = browser.get("/me/profile");
            profile.getHtmlElementById("displayName").setAttribute("value", "");
            HtmlPage invalid = ((HtmlButton) profile.getFirstByXPath("//main//form//button")).click();
            assertEquals(400, invalid.getWebResponse().getStatusCode());
            assertTrue(invalid.asNormalizedText().contains("Please enter the name to show on your reviews."));

            invalid.getHtmlElementById("displayName").setAttribute("value", "Renata R.");
            HtmlPage saved = ((HtmlButton) invalid.getFirstByXPath("//main//form//button")).click();
            assertEquals("/me/profile", browser.path(saved));
            assertTrue(saved.asNormalizedText().contains("Your profile was saved."));
            assertEquals("Renata R.", accountOf("google", user).displayName);
        }
    }

    private static Account accountOf(String provider, String subject) {
        return QuarkusTransaction.requiringNew().call(
                () -> Account.<Account>find("provider = ?1 and providerSubject = ?2", provider, subject).firstResult());
    }
}
