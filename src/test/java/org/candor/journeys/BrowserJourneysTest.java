package org.candor.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.publiclog.Verifier;
import org.candor.subject.Subject;
import org.candor.support.Browsers;
import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** The main journeys in a real browser: post under pre-moderation, live queue, reply, notice, keyboard, axe. */
@QuarkusTest
class BrowserJourneysTest {

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
    void aHeldReviewArrivesLiveIsPublishedAnsweredAndOnTheVerifiedLog() throws Exception {
        Subject subject = TestData.subject("Journey kettle");
        TestData.update("update subject set moderation_mode = 'PRE' where id = ?1", subject.id);
        String customer = TestData.unique("journey-customer");
        String moderator = TestData.unique("journey-moderator");
        String body = "The lid squeaks every time I open it " + TestData.unique("x") + ".";

        try (BrowserContext modContext = browsers.context(); BrowserContext custContext = browsers.context()) {
            // 2. a moderator, in a second browser, watches the queue
            Page mod = modContext.newPage();
            Browsers.signIn(mod, moderator, "/about");
            TestData.update("update account set role = 'MODERATOR', staff_handle = 'Mo J' where provider_subject = ?1", moderator);
            mod.navigate("/moderation?tab=held");
            assertThat(mod.locator("#queue[data-live=on]")).hasCount(1);
            mod.evaluate("() => window.__stillTheSamePage = true");

            // 1. a customer signs in through the sign-in page and posts a 2-star review; it awaits moderation
            Page cust = custContext.newPage();
            Browsers.signIn(cust, customer, "/subjects/" + subject.slug);
            cust.locator("input[name=rating][value='2']").check();
            cust.locator("#title").fill("Squeaky lid");
            cust.locator("#body").fill(body);
            cust.locator("form[action$='/reviews'] button[type=submit]").click();
            assertThat(cust.locator("main")).containsText("Awaiting moderation");
            Browsers.screenshot(cust, "1-customer-review-held");

            // ...and it arrives in the moderator's queue without a reload
            assertThat(mod.locator("#queue")).containsText("The lid squeaks");
            assertEquals(Boolean.TRUE, mod.evaluate("() => window.__stillTheSamePage === true"));
            Browsers.screenshot(mod, "2-moderator-queue-live");
            // the subject picker's names arrive when the field is first used
            assertThat(mod.locator("#f-subjects option")).hasCount(0);
            mod.locator("#f-subject").focus();
            assertThat(mod.locator("#f-subjects option[value='Journey kettle']")).hasCount(1);

            // the moderator takes it, publishes it and replies with a canned response
            mod.locator("#queue a:has-text('The lid squeaks')").click();
            mod.locator("form[action$='/take'] button").click();
            mod.locator("#publish-reason").selectOption("MEETS_GUIDELINES");
            mod.locator("form[action$='/publish'] button[type=submit]").click();
            assertThat(mod.locator(".flash")).containsText("Published");
            mod.locator("#reply-canned").selectOption(new SelectOption().setLabel("General: Sorry, we are on it"));
            mod.locator("form[action$='/reply'] button[type=submit]:not([formaction])").click();
            assertThat(mod.locator(".flash")).containsText("Reply published");
            Browsers.screenshot(mod, "2-moderator-replied");

            // 3. the customer sees the reply on the subject page and in "My activity"; the log shows it and verifies
            cust.navigate("/subjects/" + subject.slug);
            assertThat(cust.locator(".official-reply")).containsText("Official reply from Candor · Mo J");
            assertThat(cust.locator(".official-reply")).containsText("thank you for telling us about Journey kettle");
            Browsers.screenshot(cust, "3-customer-sees-reply");
            cust.navigate("/me");
            assertThat(cust.locator("main")).containsText("Your review has an official reply.");
            // the reply is on the log once the sequencer has numbered it (within a second of the reply)
            Steps.sequenced();
            cust.navigate("/log?subject=" + subject.slug);
            assertThat(cust.locator("main")).containsText("thank you for telling us about Journey kettle");
            Browsers.screenshot(cust, "3-public-log");
            Verifier.Result verified = new Verifier(SignInBrowser.base(), org.candor.publiclog.SignedNote.verifierKey(
                    io.restassured.RestAssured.given().get("/api/log/public-key").then().extract().jsonPath().getString("verifierKey"))).check(null);
            assertTrue(verified.ok(), verified.message());
        }
    }

    @Test
    void aHiddenCommentShowsItsNoticeToVisitorsNotItsText() {
        Subject subject = TestData.subject("Journey comments");
        String author = TestData.unique("journey-author");
        String moderator = TestData.unique("journey-mod");
        try (BrowserContext authorContext = browsers.context(); BrowserContext modContext = browsers.context();
                BrowserContext visitorContext = browsers.context()) {
            Page page = authorContext.newPage();
            Browsers.signIn(page, author, "/subjects/" + subject.slug);
            page.locator("input[name=rating][value='4']").check();
            page.locator("#body").fill("Solid and quiet.");
            page.locator("form[action$='/reviews'] button[type=submit]").click();
            page.locator("#comment-body").fill("Everyone who disagrees is an idiot.");
            page.locator("form[action$='/comments'] button[type=submit]").click();
            String permalink = page.url().replaceAll("#.*$", "").replaceFirst("^https?://[^/]+", "");

            Page mod = modContext.newPage();
            Browsers.signIn(mod, moderator, "/about");
            TestData.update("update account set role = 'MODERATOR' where provider_subject = ?1", moderator);
            mod.navigate(permalink);
            mod.locator("ol.comments form.moderate button").click();
            mod.locator("#act-hide summary").click();
            mod.locator("#hide-reason").selectOption("ABUSE");
            mod.locator("#hide-text").fill("Insults are not allowed here.");
            mod.locator("form[action$='/hide'] button[type=submit]").click();
            assertThat(mod.locator(".flash")).containsText("Hidden");

            // 4. an anonymous visitor sees the notice, not the text
            Page visitor = visitorContext.newPage();
            visitor.navigate(permalink);
            assertThat(visitor.locator("ol.comments")).containsText("Insults are not allowed here.");
            assertThat(visitor.locator("ol.comments")).not().containsText("idiot");
            assertThat(visitor.locator("article.review")).containsText("Solid and quiet.");
            Browsers.screenshot(visitor, "4-visitor-sees-notice");
        }
    }

    @Test
    void aCustomerAppealsAHiddenReviewAndSeesItRestored() {
        Subject subject = TestData.subject("Journey appeal");
        String customer = TestData.unique("journey-appellant");
        String first = TestData.unique("journey-first");
        String second = TestData.unique("journey-second");
        String body = "Lovely teapot, pours without dripping " + TestData.unique("x") + ".";
        try (BrowserContext custContext = browsers.context(); BrowserContext firstContext = browsers.context();
                BrowserContext secondContext = browsers.context()) {
            Page cust = custContext.newPage();
            Browsers.signIn(cust, customer, "/subjects/" + subject.slug);
            cust.locator("input[name=rating][value='5']").check();
            cust.locator("#body").fill(body);
            cust.locator("form[action$='/reviews'] button[type=submit]").click();
            long review = ((Number) TestData.sql("select id from review where subject_id = ?1", subject.id)).longValue();
            String permalink = "/subjects/" + subject.slug + "/reviews/" + review;

            // a moderator hides it, by mistake
            Page mod = firstContext.newPage();
            Browsers.signIn(mod, first, "/about");
            TestData.update("update account set role = 'MODERATOR' where provider_subject = ?1", first);
            mod.navigate(permalink);
            mod.locator("article.review > form.moderate button").click();
            mod.locator("#act-hide summary").click();
            mod.locator("#hide-reason").selectOption("SPAM");
            mod.locator("#hide-text").fill("Looks like an advert.");
            mod.locator("form[action$='/hide'] button[type=submit]").click();
            assertThat(mod.locator(".flash")).containsText("Hidden");

            // the customer reads why in "My activity", and appeals
            cust.navigate("/me");
            assertThat(cust.locator(".statement")).containsText("Hidden behind a public notice");
            assertThat(cust.locator(".statement")).containsText("Looks like an advert.");
            cust.locator(".statement summary").click();
            cust.locator("form[action='/me/appeals'] textarea").fill("It is my honest review of a teapot I bought.");
            Browsers.screenshot(cust, "6-customer-appeals");
            cust.locator("form[action='/me/appeals'] button[type=submit]").click();
            assertThat(cust.locator(".flash")).containsText("Your appeal was sent");

            // another moderator finds it on the Appeals tab and upholds it
            Page other = secondContext.newPage();
            Browsers.signIn(other, second, "/about");
            TestData.update("update account set role = 'MODERATOR' where provider_subject = ?1", second);
            other.navigate("/moderation?tab=appeals");
            long item = ((Number) TestData.sql("select id from queue_item where review_id = ?1 and kind = 'APPEAL'", review))
                    .longValue();
            other.locator("#queue a[href='/moderation/items/" + item + "']").first().click();
            assertThat(other.locator("main")).containsText("It is my honest review of a teapot I bought.");
            other.locator("#uphold-text").fill("A genuine review: shown again.");
            other.locator("form[action$='/uphold'] button[type=submit]").click();
            assertThat(other.locator(".flash")).containsText("Appeal upheld");
            Browsers.screenshot(other, "6-second-moderator-upholds");

            // the review is back for everyone, and the customer is told
            cust.navigate(permalink);
            assertThat(cust.locator("article.review")).containsText(body);
            cust.navigate("/me");
            assertThat(cust.locator("main")).containsText("Your appeal was upheld");
            assertThat(cust.locator("main")).containsText("A genuine review: shown again.");
            Browsers.screenshot(cust, "6-customer-sees-restored");
        }
    }

    @jakarta.inject.Inject
    org.candor.invitation.Invitations invitations;

    @jakarta.inject.Inject
    io.quarkus.mailer.MockMailbox mailbox;

    @Test
    void anInvitedCustomerReviewsAsAVerifiedPurchaseAndTheShopShowsItInTheWidget() throws Exception {
        Subject subject = TestData.subject("Journey widget kettle");
        String address = TestData.unique("journey-invited") + "@shop.example";
        String body = "Boils a litre in two minutes " + TestData.unique("x") + ".";
        com.sun.net.httpserver.HttpServer listed = shop(subject);
        com.sun.net.httpserver.HttpServer unlisted = shop(subject);
        try (BrowserContext shopper = browsers.context(); BrowserContext visitor = browsers.context()) {
            String shopOrigin = "http://127.0.0.1:" + listed.getAddress().getPort();
            TestData.update("insert into embed_origin (origin, added_by) select ?1, min(id) from account", shopOrigin);
            invitations.invite(List.of(new org.candor.invitation.Invitations.Invitee(address, "Ivy", "ORD-9",
                    subject.slug)), 1, null, "CSV", null, null);
            String mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> mailbox.getMailsSentTo(address), m -> m != null && !m.isEmpty()).get(0).getText();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/invitations/[A-Za-z0-9_-]{43}(?=\\s)")
                    .matcher(mail);
            assertTrue(link.find(), mail);

            // the e-mailed link signs Ivy in and opens the review form
            Page ivy = shopper.newPage();
            ivy.navigate(link.group());
            assertTrue(ivy.url().contains("/subjects/" + subject.slug), ivy.url());
            assertThat(ivy.locator("header")).containsText("Sign out");
            ivy.locator("input[name=rating][value='5']").check();
            ivy.locator("#body").fill(body);
            ivy.locator("form[action$='/reviews'] button[type=submit]").click();
            assertThat(ivy.locator("article.review")).containsText(body);
            assertThat(ivy.locator("article.review .label-verified")).containsText("Verified purchase");
            Browsers.screenshot(ivy, "7-invited-review-verified");

            // the shop's own page, on another origin, frames the widget: it shows the review
            Page shop = visitor.newPage();
            shop.navigate(shopOrigin + "/");
            com.microsoft.playwright.FrameLocator widget = shop.frameLocator("iframe");
            assertThat(widget.locator(".widget-reviews")).containsText(body);
            assertThat(widget.locator(".widget-reviews")).containsText("Verified purchase");
            Browsers.screenshot(shop, "7-widget-on-the-shop");

            // a site that is not listed gets no widget: the browser refuses to frame it
            Page other = visitor.newPage();
            other.navigate("http://127.0.0.1:" + unlisted.getAddress().getPort() + "/");
            other.waitForTimeout(1000);
            com.microsoft.playwright.Frame framed = other.frames().stream().filter(f -> f != other.mainFrame())
                    .findFirst().orElseThrow();
            assertFalse(framed.content().contains(body), "framed by an unlisted origin");
        } finally {
            listed.stop(0);
            unlisted.stop(0);
        }
    }

    /** A shop's page on its own origin (another port) that frames the subject's widget. */
    private static com.sun.net.httpserver.HttpServer shop(Subject subject) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = ("<!DOCTYPE html><html><head><title>A shop</title></head><body><h1>Our kettle</h1>"
                + "<iframe title=\"Reviews\" width=\"400\" height=\"500\" src=\"" + SignInBrowser.base()
                + "/embed/subjects/" + subject.slug + "\"></iframe></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void storedPayloadsStayInert() {
        Subject subject = TestData.subject("Journey hostile");
        String author = TestData.unique("journey-hostile");
        String payload = "<script>alert('s')</script><img src=x onerror=alert('i')> <a href=\"javascript:alert('j')\">x</a> "
                + "javascript:alert('k') \u202Egnp.exe <svg onload=alert('v')>";
        try (BrowserContext context = browsers.context(); BrowserContext visitorContext = browsers.context()) {
            Page page = context.newPage();
            Browsers.signIn(page, author, "/subjects/" + subject.slug);
            page.locator("input[name=rating][value='1']").check();
            page.locator("#title").fill("<b onmouseover=alert('t')>bold</b>");
            page.locator("#body").fill(payload);
            page.locator("form[action$='/reviews'] button[type=submit]").click();

            Page visitor = visitorContext.newPage();
            AtomicBoolean dialog = new AtomicBoolean();
            visitor.onDialog(d -> {
                dialog.set(true);
                d.dismiss();
            });
            for (String path : List.of("/subjects/" + subject.slug, "/api/subjects/" + subject.slug + "/reviews")) {
                visitor.navigate(path);
                visitor.waitForTimeout(300);
            }
            visitor.navigate("/subjects/" + subject.slug);
            visitor.locator("article.review a").all().forEach(a -> {
                String href = a.getAttribute("href");
                assertFalse(href != null && href.toLowerCase().startsWith("javascript:"), "javascript: link " + href);
            });
            assertFalse(dialog.get(), "a stored payload ran");
            assertEquals(0, visitor.locator("article.review img, article.review svg, article.review script, article.review b").count());
            assertThat(visitor.locator("article.review")).containsText("<script>alert('s')</script>");
            Browsers.screenshot(visitor, "5-hostile-payload-inert");
        }
    }

    @Test
    void theMainFormsWorkWithTheKeyboardAlone() {
        Subject subject = TestData.subject("Keyboard");
        String user = TestData.unique("keyboard");
        try (BrowserContext context = browsers.context()) {
            Page page = context.newPage();
            // sign in: from the sign-in page to the provider's button and its form, by keyboard
            page.navigate("/login?back=/subjects/" + subject.slug);
            tabTo(page, "a.provider-google");
            page.keyboard().press("Enter");
            page.waitForURL("**/authorize**");
            tabTo(page, "summary.custom-link");
            page.keyboard().press("Enter");
            tabTo(page, "input[name=name]");
            page.keyboard().type(user);
            page.keyboard().press("Enter");
            page.waitForURL("**/subjects/" + subject.slug + "*");

            // write a review
            tabTo(page, "input[name=rating]");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("Space");
            tabTo(page, "#title");
            page.keyboard().type("Typed, not clicked");
            tabTo(page, "#body");
            page.keyboard().type("Every field reached with Tab.");
            tabTo(page, "form[action$='/reviews'] button[type=submit]");
            page.keyboard().press("Enter");
            assertThat(page.locator("main")).containsText("Every field reached with Tab.");

            // comment on it and report... (report needs someone else's review), so: a comment
            tabTo(page, "#comment-body");
            page.keyboard().type("A comment by keyboard.");
            tabTo(page, "form[action$='/comments'] button[type=submit]");
            page.keyboard().press("Enter");
            assertThat(page.locator("ol.comments")).containsText("A comment by keyboard.");

            // change the display name on the profile page
            page.navigate("/me/profile");
            tabTo(page, "input[name=displayName]");
            page.keyboard().press("Control+A");
            page.keyboard().type("Keyboard Person");
            page.keyboard().press("Enter");
            assertThat(page.locator("header.site")).containsText("Keyboard Person");

            // a moderator annotates by keyboard
            TestData.update("update account set role = 'MODERATOR' where provider_subject = ?1", user);
            page.navigate("/moderation?tab=reply");
            tabTo(page, "#queue a[href^='/moderation/items/']");
            page.keyboard().press("Enter");
            page.waitForURL("**/moderation/items/*");
            page.keyboard().press("a"); // the shortcut unfolds the annotation and puts the cursor in it
            assertTrue((Boolean) page.evaluate("() => document.activeElement.id === 'annotate-text'"));
            page.keyboard().type("Annotated by keyboard.");
            tabTo(page, "form[action$='/annotate'] button[type=submit]");
            page.keyboard().press("Enter");
            assertThat(page.locator(".flash")).containsText("Annotation published");
        }
    }

    @Test
    void aModeratorTakesPreviewsRepliesWithACannedResponseAndMovesOnWithTheKeyboardAlone() {
        Subject subject = TestData.subject("Keyboard desk");
        String moderator = TestData.unique("desk-moderator");
        long review = Steps.post(Session.customer(), subject, 2, "The handle came off on day two.");
        long item = Steps.item(review, "REPLY");
        try (BrowserContext context = browsers.context()) {
            Page page = context.newPage();
            Browsers.signIn(page, moderator, "/about");
            TestData.update("update account set role = 'MODERATOR', staff_handle = 'Kay' where provider_subject = ?1",
                    moderator);
            page.navigate("/moderation/items/" + item);
            // the page lists its keys
            assertThat(page.locator("details.shortcuts")).containsText("Internal note");

            page.keyboard().press("t");
            assertThat(page.locator(".flash")).containsText("You took the item.");

            // "r" unfolds the reply with the cursor on the canned responses; choosing one shows it as the customer will
            page.keyboard().press("r");
            assertEquals("reply-canned", page.evaluate("() => document.activeElement.id"));
            page.keyboard().type("General: Sorry");
            assertThat(page.locator("#reply-preview")).containsText("thank you for telling us about Keyboard desk");
            assertThat(page.locator("#reply-preview")).containsText("Official reply from Candor");

            // a placeholder nobody can fill is refused before anyone sends it
            tabTo(page, "#reply-body");
            page.keyboard().type("Dear {customer}, your {ordernumber} is on its way.");
            assertThat(page.locator("#reply-preview")).containsText("placeholder that cannot be filled in");
            page.keyboard().press("Control+A");
            page.keyboard().press("Backspace");
            assertThat(page.locator("#reply-preview")).containsText("thank you for telling us about Keyboard desk");
            Browsers.screenshot(page, "8-item-reply-preview");

            tabTo(page, "form[action$='/reply'] button[type=submit]:not([formaction])");
            page.keyboard().press("Enter");
            assertThat(page.locator(".flash")).containsText("Reply published");
            assertEquals(1L, ((Number) TestData.sql("select count(*) from official_reply where review_id = ?1 "
                    + "and body like '%Keyboard desk%'", review)).longValue());

            // "n" goes on to the next item waiting
            page.keyboard().press("n");
            page.waitForURL(u -> u.matches(".*/moderation/items/\\d+$") && !u.endsWith("/items/" + item));
        }
    }

    @Test
    void aModeratorSubscribesToAPhraseAndTheBadgeAndListChangeLive() {
        Subject subject = TestData.subject("Alerting lamp");
        String moderator = TestData.unique("alert-moderator");
        try (BrowserContext modContext = browsers.context()) {
            Page mod = modContext.newPage();
            Browsers.signIn(mod, moderator, "/about");
            TestData.update("update account set role = 'MODERATOR', staff_handle = 'Al' where provider_subject = ?1",
                    moderator);
            mod.navigate("/moderation/alerts/settings");
            mod.locator("#kind").selectOption("WORDS");
            mod.locator("#words").fill("flickers badly");
            mod.locator("#subject").selectOption(String.valueOf(subject.id));
            mod.locator("form[action='/moderation/alerts/subscriptions'] button[type=submit]").click();
            assertThat(mod.locator(".subscriptions")).containsText("«flickers badly»");
            mod.navigate("/moderation/alerts");
            assertThat(mod.locator("#alerts-badge[data-live=on]")).hasCount(1);
            assertThat(mod.locator("#alerts-badge")).hasText("Alerts");

            Steps.post(Session.customer(), subject, 2, "The lamp flickers badly after an hour.");
            // without a reload: the badge counts it, the list shows it
            assertThat(mod.locator("#alerts-badge")).hasText("Alerts (1 new)");
            assertThat(mod.locator("#alerts-list")).containsText("The lamp flickers badly after an hour.");
            mod.locator("#alerts-list a", new Page.LocatorOptions().setHasText("Open")).first().click();
            assertThat(mod.locator("main")).containsText("flickers badly");
        }
    }

    @Test
    void thePagesHaveNoSeriousAccessibilityViolations() {
        Subject subject = TestData.subject("Accessible");
        String user = TestData.unique("axe");
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = browsers.context()) {
            Page page = context.newPage();
            for (String path : List.of("/", "/subjects/" + subject.slug, "/log", "/log/verify", "/about", "/login",
                    "/rules", "/about/reviews", "/transparency", "/transparency?subject=" + subject.slug,
                    "/search", "/search?q=fine", "/login/email/sent", "/subjects/" + subject.slug + "?only=verified")) {
                page.navigate(path);
                violations.addAll(Browsers.seriousViolations(page));
            }
            Browsers.signIn(page, user, "/subjects/" + subject.slug);
            page.locator("input[name=rating][value='3']").check();
            page.locator("#body").fill("Fine.");
            page.locator("form[action$='/reviews'] button[type=submit]").click();
            violations.addAll(Browsers.seriousViolations(page));
            // a form shown again with its errors
            page.navigate("/subjects/" + subject.slug + "/reviews/" + page.url().replaceAll("^.*/", "").replaceAll("[#?].*$", "") + "/edit");
            page.locator("#body").fill("");
            page.locator("form[action$='/edit'] button[type=submit]").click();
            assertThat(page.locator(".field-error")).not().hasCount(0);
            violations.addAll(Browsers.seriousViolations(page));
            // the notice form, and the notice form shown again with what is missing
            long review = ((Number) TestData.sql("select id from review where subject_id = ?1", subject.id)).longValue();
            page.navigate("/notices/new?review=" + review);
            violations.addAll(Browsers.seriousViolations(page));
            page.locator("form[action='/notices'] button[type=submit]").click();
            assertThat(page.locator(".field-error")).not().hasCount(0);
            violations.addAll(Browsers.seriousViolations(page));
            TestData.update("update account set role = 'ADMIN' where provider_subject = ?1", user);
            for (String path : List.of("/me", "/me/profile", "/moderation", "/moderation?tab=done",
                    "/moderation?tab=appeals", "/moderation?tab=notices", "/moderation/statements",
                    "/admin", "/admin/policy", "/admin/rules", "/admin/canned", "/admin/offers",
                    "/admin/offers/consistency", "/admin/roles", "/admin/providers", "/admin/subjects", "/me/close",
                    "/admin/invitations", "/admin/api-keys", "/admin/embed", "/moderation/alerts",
                    "/moderation/alerts/settings", "/moderation/incidents", "/admin/unusual")) {
                page.navigate(path);
                violations.addAll(Browsers.seriousViolations(page));
            }
            page.navigate("/moderation?tab=reply");
            page.locator("#queue a[href^='/moderation/items/']").first().click();
            violations.addAll(Browsers.seriousViolations(page));
            Browsers.screenshot(page, "6-moderation-item");
        }
        assertEquals(List.of(), violations);
    }

    /** Presses Tab until the focused element matches the selector (at most 150 times). */
    private static void tabTo(Page page, String selector) {
        page.waitForLoadState();
        for (int i = 0; i < 150; i++) {
            page.keyboard().press("Tab");
            Object hit;
            try {
                hit = page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector);
            } catch (com.microsoft.playwright.PlaywrightException navigating) {
                page.waitForLoadState();
                continue;
            }
            if (Boolean.TRUE.equals(hit)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }
}
