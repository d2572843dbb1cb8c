package org.candor.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The machine's headless Chromium, driven by Playwright, for browser journeys. Where no Chromium is installed the
 * journeys are skipped, saying why, unless {@code CI=true}: then a missing browser fails the run.
 */
public final class Browsers implements AutoCloseable {

    /** Where the browser is; Debian's {@code chromium} package by default. */
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CANDOR_CHROMIUM", "/usr/bin/chromium"));

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Browsers() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
    }

    /** Launches Chromium, or skips the calling test (fails it under CI) when there is none. */
    public static Browsers launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "no Chromium at " + CHROMIUM + " (install Debian's chromium package, or set CANDOR_CHROMIUM)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ": browser journeys are required in CI");
            }
            Assumptions.abort(why);
        }
        return new Browsers();
    }

    /** A fresh browser profile: its own cookies, like a second browser window of another person. */
    public BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(SignInBrowser.base())
                .setViewportSize(1200, 900).setLocale("en-GB"));
    }

    /** A fresh browser profile carrying an existing session's cookies: that person, signed in. */
    public BrowserContext context(Session session) {
        BrowserContext context = context();
        context.addCookies(session.cookies().entrySet().stream()
                .map(c -> new com.microsoft.playwright.options.Cookie(c.getKey(), c.getValue()).setUrl(SignInBrowser.base()))
                .toList());
        return context;
    }

    /** Signs in through the sign-in page and the local OIDC server's form, and returns to {@code back}. */
    public static void signIn(Page page, String user, String back) {
        page.navigate("/login?back=" + back);
        page.locator("a.provider-google").click();
        page.locator("summary.custom-link").click(); // the local OIDC server's "custom user" form is folded away
        try {
            page.locator("input[name=name]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(5000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            try {
                Files.writeString(Path.of("target", "signin-page.html"), page.content());
            } catch (java.io.IOException io) {
                throw new IllegalStateException(io);
            }
            screenshot(page, "signin-failed");
            throw e;
        }
        page.locator("input[name=name]").fill(user);
        page.locator("button[name=login]").click();
        page.waitForURL("**" + back + "*");
    }

    public static void screenshot(Page page, String name) {
        Path dir = Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    /** The serious and critical axe-core violations on the page, described for a failure message. */
    public static List<String> seriousViolations(Page page) {
        List<Rule> violations = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze().getViolations();
        return violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> page.url() + ": " + v.getId() + " (" + v.getImpact() + ") " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
