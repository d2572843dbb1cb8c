package org.candor.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import org.htmlunit.util.Cookie;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A signed-in customer for REST Assured tests: signs in once through the real authorization-code flow (see
 * {@link SignInBrowser}) and replays that browser's cookies, CSRF token included.
 */
public final class Session {

    private final Map<String, String> cookies;
    private final String csrf;
    private final String user;

    private Session(String user, Map<String, String> cookies) {
        this.user = user;
        this.cookies = cookies;
        this.csrf = cookies.get("csrf-token");
    }

    /** Signs in as a new person (a fresh account) with the given provider. */
    public static Session signIn(String provider, String namePrefix) {
        return signInAs(provider, TestData.unique(namePrefix));
    }

    /** The admin named in {@code %test.candor.bootstrap-admins}. */
    public static Session admin() {
        return signInAs("google", "root-admin");
    }

    /** Signs in as exactly this person of the OIDC server. */
    public static Session signInAs(String provider, String user) {
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn(provider, user, "/about");
            Map<String, String> cookies = new HashMap<>();
            for (Cookie c : browser.client().getCookieManager().getCookies()) {
                cookies.put(c.getName(), c.getValue());
            }
            if (!cookies.containsKey("csrf-token")) {
                throw new IllegalStateException("no CSRF cookie after signing in: " + cookies.keySet());
            }
            return new Session(user, cookies);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Session customer() {
        return signIn("google", "customer");
    }

    /** A new person whose account our database makes a moderator. */
    public static Session moderator() {
        Session s = signIn("google", "moderator");
        TestData.update("update account set role = 'MODERATOR', staff_handle = ?1 where provider = 'google' "
                + "and provider_subject = ?2", "Handle " + s.user(), s.user());
        return s;
    }

    /**
     * A new moderator limited to this subject: a test that reads a queue tab reads only its own items, however many
     * other tests filled the queue.
     */
    public static Session moderatorOf(org.candor.subject.Subject subject) {
        Session s = moderator();
        TestData.update("update account set scope_subject_ids = array[cast(?1 as bigint)] where provider = 'google' "
                + "and provider_subject = ?2", subject.id, s.user());
        return s;
    }

    /** The account id behind this session. */
    /** Gives this (Google) account an e-mail address, so it is e-mailed what happens; returns the address. */
    public String giveEmail() {
        String email = user() + "@mail.example";
        TestData.update("update account set email = ?1 where provider = 'google' and provider_subject = ?2", email, user());
        return email;
    }

    public long accountId() {
        return TestData.accountOf("google", user).id;
    }

    /** The session's cookies by name, for a browser to carry. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The session's cookies as one {@code Cookie} header, for clients other than REST Assured. */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The provider's subject of this person (the dev OIDC server uses the user name). */
    public String user() {
        return user;
    }

    /** A request as this person, not following redirects. */
    public RequestSpecification request() {
        return given().cookies(cookies).redirects().follow(false);
    }

    /** A form post as this person, with a valid CSRF token. */
    public RequestSpecification form() {
        return request().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("csrf-token", csrf);
    }

    /** A multipart form post as this person, with a valid CSRF token. */
    public RequestSpecification multipart() {
        return request().multiPart("csrf-token", csrf);
    }

    /** A form post as this person without any CSRF token. */
    public RequestSpecification formWithoutCsrf() {
        return request().contentType(ContentType.URLENC.withCharset("UTF-8"));
    }
}
