package org.candor.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Candor as it is deployed: the packaged app in the prod profile, two instances on one database behind HAProxy
 * terminating TLS, and a real Keycloak (the realm of {@code docker/keycloak}). Run by {@code .ci/e2e-keycloak}, which
 * starts all of it and passes the addresses; not part of {@code ./mvnw verify} (the name ends in IT).
 */
class KeycloakJourneyIT {

    private static final String BASE = System.getProperty("candor.e2e.base", "https://localhost:18443");
    private static final List<String> INSTANCES = List.of(
            System.getProperty("candor.e2e.instances", "http://localhost:18081,http://localhost:18082").split(","));
    private static final String DB = System.getProperty("candor.e2e.db");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void aCustomerSignsInThroughKeycloakOverTlsPostsSignsOutAndMustSignInAgain() throws Exception {
        String slug = "e2e-kettle-" + UUID.randomUUID().toString().substring(0, 8);
        sql("insert into subject (slug, name, description, kind) values (?, 'E2E kettle', 'Behind TLS.', 'PRODUCT')", slug);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = chromium(playwright)) {
            BrowserContext customer = context(browser);
            Page page = customer.newPage();
            signIn(page, "ana", "ana-demo-password", "/subjects/" + slug);
            assertTrue(page.url().startsWith(BASE + "/subjects/" + slug), "back on the subject over https: " + page.url());
            page.locator("input[name=rating][value='4']").check();
            page.locator("#body").fill("Reviewed through the real sign-in, behind TLS.");
            page.locator("form[action$='/reviews'] button[type=submit]").click();
            page.waitForURL("**/reviews/**");
            assertTrue(page.content().contains("Reviewed through the real sign-in, behind TLS."));
            shot(page, "e2e-posted");

            // signing out ends the Keycloak session too: the next sign-in asks for the password again
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(BASE + "/**");
            page.navigate(BASE + "/login?back=/");
            page.locator("a.provider-oidc").click();
            page.locator("#password").waitFor();
            assertTrue(page.locator("#username").isVisible(), "Keycloak asks who is signing in again");
            shot(page, "e2e-signed-out");
        }
    }

    @Test
    void aModeratorsReplyThroughOneInstanceReachesTheOtherInstancesLiveQueueAndPublicPage() throws Exception {
        String slug = "e2e-two-" + UUID.randomUUID().toString().substring(0, 8);
        sql("insert into subject (slug, name, description, kind) values (?, 'Two instances', 'Shared.', 'PRODUCT')", slug);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = chromium(playwright)) {
            Page customer = context(browser).newPage();
            signIn(customer, "ana", "ana-demo-password", "/subjects/" + slug);
            customer.locator("input[name=rating][value='2']").check();
            customer.locator("#body").fill("Please answer me from either instance.");
            customer.locator("form[action$='/reviews'] button[type=submit]").click();
            customer.waitForURL("**/reviews/**");
            String review = customer.url().replaceAll("^.*/reviews/(\\d+).*$", "$1");

            BrowserContext moderatorContext = context(browser);
            Page watcher = moderatorContext.newPage();
            signIn(watcher, "mo", "mo-demo-password", "/");
            sql("update account set role = 'MODERATOR' where email = ?", "mo@example.com");
            // the moderator's queue through the second instance, live
            watcher.navigate(INSTANCES.get(1) + "/moderation?tab=reply");
            watcher.locator("#queue[data-live=on]").waitFor();
            long item = ((Number) one("select id from queue_item where review_id = ? and kind = 'REPLY'",
                    Long.parseLong(review))).longValue();
            assertTrue(watcher.content().contains("/moderation/items/" + item), "the item is on the queue");

            // the reply goes through the first instance
            Page actor = moderatorContext.newPage();
            actor.navigate(INSTANCES.get(0) + "/moderation/items/" + item);
            actor.locator("#reply-body").fill("We are on it — answered through the other instance.");
            actor.locator("form[action$='/reply'] button[type=submit]:not([formaction])").click();
            actor.waitForURL("**/moderation/items/" + item);

            // the second instance's queue hears of it without a reload, and its public page shows the reply
            watcher.waitForFunction("() => document.getElementById('queue-live').dataset.at");
            assertTrue(!watcher.locator("#queue").innerHTML().contains("/moderation/items/" + item + "\""),
                    "the answered item left the other instance's reply tab without a reload");
            shot(watcher, "e2e-other-instance-queue");
            Page visitor = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)).newPage();
            visitor.navigate(INSTANCES.get(1) + "/subjects/" + slug + "/reviews/" + review);
            assertTrue(visitor.content().contains("answered through the other instance"), "reply on the other instance");
        }
    }

    private static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("CANDOR_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A browser that accepts the proxy's throw-away certificate. */
    private static BrowserContext context(Browser browser) {
        return browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true).setLocale("en-GB")
                .setViewportSize(1200, 900));
    }

    /** Candor's sign-in page, the Keycloak button, Keycloak's own form, and back. */
    private static void signIn(Page page, String user, String password, String back) {
        page.navigate(BASE + "/login?back=" + back);
        page.locator("a.provider-oidc").click();
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(BASE + back + "*");
        assertEquals(0, page.locator("text=Sign-in did not complete").count(), "signed in as " + user);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static void sql(String statement, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(DB); PreparedStatement st = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    private static Object one(String query, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(DB); PreparedStatement st = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            var rs = st.executeQuery();
            return rs.next() ? rs.getObject(1) : null;
        }
    }
}
