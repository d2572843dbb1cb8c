package org.candor.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.TestData;

/** One person, one account (#16, item 2): linking sign-ins, the offer to link, never a silent merge. */
@QuarkusTest
class LinkingTest {

    private static final Pattern LINK = Pattern.compile("/login/email/[A-Za-z0-9_-]{43}");

    @Inject
    MockMailbox mailbox;

    @Test
    void aCustomerLinksAnotherProviderAndTheirEMailAndSignsInToOneAccountWithEach() throws Exception {
        String user = TestData.unique("linker");
        String other = TestData.unique("linker-gh");
        String address = TestData.unique("linker-mail") + "@shop.example";
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", user, "/me/profile");
            HtmlPage profile = browser.get("/me/profile");
            HtmlPage github = click(profile, "//form[@action='/me/profile/link'][input[@value='github']]//button");
            HtmlForm custom = github.getForms().stream().filter(f -> f.getInputsByName("name").size() == 1).findFirst()
                    .orElseThrow();
            custom.getInputByName("name").type(other);
            HtmlPage back = custom.getButtonByName("login").click();
            assertEquals("/me/profile", browser.path(back));
            assertTrue(back.asNormalizedText().contains("The sign-in was linked to your account."), back.asNormalizedText());
            assertTrue(back.asNormalizedText().contains("GitHub"));

            // and their e-mail address, confirmed by the link sent to it
            HtmlPage login = click(browser.get("/me/profile"), "//form[@action='/me/profile/link'][input[@value='email']]//button");
            HtmlForm email = login.getFirstByXPath("//form[@action='/login/email']");
            email.getInputByName("email").type(address);
            ((HtmlButton) email.getFirstByXPath(".//button")).click();
            HtmlPage linked = browser.get(linkIn(address));
            assertTrue(linked.asNormalizedText().contains("The sign-in was linked to your account."), linked.asNormalizedText());
        }
        long account = TestData.accountOf("google", user).id;
        assertEquals(account, TestData.accountOf("github", other).id);
        assertEquals(account, TestData.accountOf("email", address).id);
        assertEquals(3L, ((Number) TestData.sql("select count(*) from account_identity where account_id = ?1", account))
                .longValue());

        // signing in with GitHub alone is signing in to the same account: one person, once in the staff lists
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("github", other, "/");
            String me = browser.get("/api/me").getWebResponse().getContentAsString();
            assertTrue(me.contains(TestData.accountOf("google", user).displayName), me);
        }
        String name = TestData.accountOf("google", user).displayName;
        String roles = Session.admin().request().get("/admin/roles?q=" + java.net.URLEncoder.encode(name, "UTF-8"))
                .then().statusCode(200).extract().asString();
        assertEquals(1, roles.split("id=\"account-" + account + "\"", -1).length - 1, "listed once");
    }

    @Test
    void aNewSignInWithAKnownVerifiedAddressIsOfferedToLinkNeverMergedSilently() throws Exception {
        // microsoft's address counts as verified in tests (candor.login.verified-email-providers)
        String address = TestData.unique("offer") + "@shop.example";
        try (SignInBrowser first = new SignInBrowser()) {
            first.signIn("microsoft", address, "/");
        }
        long existing = TestData.accountOf("microsoft", address).id;

        try (SignInBrowser browser = new SignInBrowser()) {
            EmailSignInTest.ask(browser, address, "/about");
            HtmlPage offer = browser.get(linkIn(address));
            assertEquals("/login/link", browser.path(offer));
            assertTrue(offer.asNormalizedText().contains("An account here already uses " + address), offer.asNormalizedText());
            assertEquals(0L, ((Number) TestData.sql("select count(*) from account_identity where provider = 'email' "
                    + "and subject = ?1", address)).longValue(), "nothing was made or linked yet");

            // "Link": sign in with the account they already have, which proves both are theirs
            HtmlPage provider = click(offer, "//form[@action='/login/link'][input[@value='microsoft']]//button");
            HtmlForm custom = provider.getForms().stream().filter(f -> f.getInputsByName("name").size() == 1).findFirst()
                    .orElseThrow();
            custom.getInputByName("name").type(address);
            HtmlPage done = custom.getButtonByName("login").click();
            assertTrue(done.asNormalizedText().contains("The sign-in was linked to your account."), done.asNormalizedText());
        }
        assertEquals(existing, TestData.accountOf("email", address).id);

        // someone else's address offered, and kept apart: a second account, by the person's choice
        String second = TestData.unique("apart") + "@shop.example";
        try (SignInBrowser first = new SignInBrowser()) {
            first.signIn("microsoft", second, "/");
        }
        try (SignInBrowser browser = new SignInBrowser()) {
            EmailSignInTest.ask(browser, second, "/about");
            HtmlPage offer = browser.get(linkIn(second));
            HtmlPage apart = click(offer, "//form[@action='/login/link/separate']//button");
            assertEquals("/about", browser.path(apart));
            assertTrue(apart.asNormalizedText().contains("Sign out"));
        }
        assertNotEquals(TestData.accountOf("microsoft", second).id, TestData.accountOf("email", second).id);
    }

    @Test
    void aSignInThatBelongsToAnotherAccountIsNotLinked() throws Exception {
        String mine = TestData.unique("mine");
        String theirs = TestData.unique("theirs");
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("github", theirs, "/");
        }
        try (SignInBrowser browser = new SignInBrowser()) {
            browser.signIn("google", mine, "/me/profile");
            HtmlPage github = click(browser.get("/me/profile"),
                    "//form[@action='/me/profile/link'][input[@value='github']]//button");
            HtmlForm custom = github.getForms().stream().filter(f -> f.getInputsByName("name").size() == 1).findFirst()
                    .orElseThrow();
            custom.getInputByName("name").type(theirs);
            HtmlPage back = custom.getButtonByName("login").click();
            assertTrue(back.asNormalizedText().contains("belongs to another account"), back.asNormalizedText());
            assertTrue(back.asNormalizedText().contains(TestData.accountOf("google", mine).displayName),
                    "still signed in as themselves");
        }
        assertNotEquals(TestData.accountOf("google", mine).id, TestData.accountOf("github", theirs).id);
        List<Object> identities = TestData.sqlList("select provider from account_identity where account_id = ?1",
                TestData.accountOf("google", mine).id);
        assertEquals(List.of("google"), identities);
    }

    private static HtmlPage click(HtmlPage page, String xpath) throws java.io.IOException {
        HtmlButton button = page.getFirstByXPath(xpath);
        if (button == null) {
            throw new AssertionError("no " + xpath + " on " + page.asXml());
        }
        return button.click();
    }

    private String linkIn(String address) {
        var mails = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), m -> m != null && !m.isEmpty());
        Matcher m = LINK.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(m.find());
        return m.group();
    }
}
