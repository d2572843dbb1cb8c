package org.candor.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.support.Browsers;

/**
 * Every page of the authorization matrix, as each role that may see it, in headless Chromium at a phone's width
 * (390 px) and a laptop's (1280 px): none is wider than the screen, and axe-core finds no serious or critical
 * violation on any of them.
 */
@QuarkusTest
class EveryPageInABrowserTest {

    /** Routes that are not pages: feeds, files, proofs, streams, redirects to another site. */
    static final List<String> NOT_PAGES = List.of("/api/", "/log/tile/", "/log/texts/", "/log/checkpoint",
            "/log/entries/", ".atom", ".json", ".csv", ".xml", ".txt", "/events", "/count", "/lang/", "/login/google",
            "/logout", "/dev/", "/login/{provider}", "/me/data", "/moderation/list", "/moderation/subjects");

    private static final String[] ROLES = { "anonymous", "customer", "other customer", "moderator", "admin" };

    /** How much wider than the window the page is, and the elements that stick out furthest. */
    private static final String OVERFLOW = """
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return null;
              const out = [];
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect();
                if (r.right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1)) {
                  out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(r.right) + 'px');
                }
              }
              return document.documentElement.scrollWidth + 'px wide: ' + out.slice(0, 4).join(', ');
            }""";

    /** Pages pictured in the README ({@code docs/screenshots/refresh} copies them there): route, as whom, file name. */
    private static final Map<String, String> PICTURED = Map.of("GET /moderation/items/{id} 3", "item",
            "GET /moderation 3", "queue", "GET /admin/roles 4", "roles", "GET /log 0", "log");

    static Browsers browsers;

    @BeforeAll
    static void launch() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void noPageIsWiderThanThePhoneOrTheLaptopAndNoneHasSeriousAccessibilityViolations() throws java.io.IOException {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        List<String> tooWide = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        Set<String> checkedByAxe = new LinkedHashSet<>();
        int pages = 0;
        // the other customer sees what the customer sees, less their own review's edit page
        for (int who : new int[] { 4, 3, 1, 0 }) {
            try (BrowserContext context = who == 0 ? browsers.context() : browsers.context(f.sessions[who])) {
                Page page = context.newPage();
                for (Map.Entry<String, String> e : AuthorizationMatrixTest.EXPECTED.entrySet()) {
                    String route = e.getKey();
                    if (!route.startsWith("GET ") || e.getValue().charAt(who) != 'A'
                            || NOT_PAGES.stream().anyMatch(route::contains)) {
                        continue;
                    }
                    String path = f.path(route.substring(4));
                    for (int width : new int[] { 390, 1280 }) {
                        page.setViewportSize(width, 800);
                        page.navigate(path);
                        // the document's own type: a page revalidated from the browser's cache (304) is a page too
                        if (!"text/html".equals(page.evaluate("() => document.contentType"))) {
                            continue;
                        }
                        pages++;
                        String pictured = PICTURED.get(route + " " + who);
                        if (pictured != null) {
                            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots", "pages");
                            java.nio.file.Files.createDirectories(dir);
                            page.screenshot(new Page.ScreenshotOptions()
                                    .setPath(dir.resolve(pictured + "-" + width + ".png")));
                        }
                        Object overflow = page.evaluate(OVERFLOW);
                        if (overflow != null) {
                            tooWide.add(route + " as " + ROLES[who] + " at " + width + " px: " + overflow);
                        }
                        // axe once per page (as the first role that may see it, staff first), at the phone's width
                        if (width == 390 && checkedByAxe.add(route)) {
                            violations.addAll(Browsers.seriousViolations(page));
                        }
                    }
                }
            }
        }
        assertTrue(pages > 100, "only " + pages + " pages were looked at");
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(List.of(), tooWide, "pages wider than the screen"),
                () -> assertEquals(List.of(), violations, "serious or critical accessibility violations"));
    }

    @Test
    void atAPhonesWidthTheHeaderCollapsesBehindAMenuThatNeedsNoScript() {
        org.candor.support.Session admin = org.candor.support.Session.admin();
        try (BrowserContext context = browsers.context(admin)) {
            Page page = context.newPage();
            page.setViewportSize(390, 800);
            page.navigate("/");
            var signOut = page.locator("header.site form[action='/logout'] button");
            assertThat(signOut).isHidden();
            page.locator("label.menu-button").click();
            assertThat(signOut).isVisible();
            assertTrue(((Number) page.evaluate("() => document.querySelector(\"header.site form[action='/logout'] button\")"
                    + ".getBoundingClientRect().right")).doubleValue() <= 390, "Sign out is on the screen");
            page.setViewportSize(1280, 800);
            assertThat(page.locator("label.menu-button")).isHidden();
            assertThat(signOut).isVisible();
        }
    }
}
