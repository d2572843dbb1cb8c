package org.candor.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.candor.subject.Subject;
import org.candor.support.Session;
import org.candor.support.SignInBrowser;
import org.candor.support.Steps;
import org.candor.support.TestData;

/** Invitations, incentives, API keys and honest labels (#16, items 3 and 4). */
@QuarkusTest
class InvitationsTest {

    private static final Pattern INVITATION = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})(?!/)");

    @Inject
    MockMailbox mailbox;

    @Inject
    Invitations invitations;

    @Test
    void anAdminInvitesByCsvAndTheCountsArePublic() {
        Subject subject = TestData.subject("Invited kettle");
        String ana = TestData.unique("ana") + "@shop.example";
        String ben = TestData.unique("ben") + "@shop.example";
        String csv = "email,name,order reference,subject\n" + ana + ",Ana Ruiz,A-1001," + subject.slug + "\n"
                + ben + ",\"Ben, Jr.\",," + subject.slug + "\n";
        Session admin = Session.admin();
        admin.multipart().multiPart("file", "invites.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/invitations").then().statusCode(200).body(containsString("2 invitations sent."));
        assertTrue(mail(ana).contains("Hello Ana Ruiz"), mail(ana));
        assertTrue(mail(ben).contains("Hello Ben, Jr."), mail(ben));
        assertTrue(mail(ana).contains("/unsubscribe"));

        // on the log (the subject only, never the address), so the transparency numbers count them per subject
        Steps.sequenced();
        assertEquals(2L, ((Number) TestData.sql("select count(*) from log_entry where kind = 'INVITATION_SENT' and "
                + "subject_id = ?1", subject.id)).longValue());
        String today = java.time.LocalDate.now(java.time.ZoneId.of(org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getOptionalValue("candor.transparency.zone", String.class).orElse("UTC"))).toString();
        String json = given().get("/transparency.json?subject=" + subject.slug + "&from=" + today + "&to=" + today)
                .then().statusCode(200).extract().asString();
        assertEquals(2L, JsonPath.from(json).getLong("'invitations.sent'"), json);
        assertTrue(TestData.sqlList("select text from log_text").stream().noneMatch(b -> String.valueOf(b).contains(ana)));

        // the same row again is not sent twice
        admin.multipart().multiPart("file", "again.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/invitations").then().statusCode(200).body(containsString("was already invited"));
    }

    @Test
    void aCsvWithABadRowSendsNothingAndNamesEveryBadLine() {
        Subject subject = TestData.subject("Bad rows");
        String good = TestData.unique("good") + "@shop.example";
        String csv = "email,name,order reference,subject\n" + good + ",Good,," + subject.slug + "\n"
                + "not-an-address,Bad,," + subject.slug + "\n\n" + TestData.unique("x") + "@shop.example,Lost,,no-such-subject\n";
        Session admin = Session.admin();
        admin.multipart().multiPart("csv", csv).post("/admin/invitations").then().statusCode(400)
                .body(containsString("Nothing was sent")).body(containsString("Line 3:"))
                .body(containsString("&quot;not-an-address&quot; is not an e-mail address."))
                .body(containsString("Line 5:")).body(containsString("no-such-subject"))
                .body(containsString(good)); // the pasted text is kept
        assertEquals(0L, ((Number) TestData.sql("select count(*) from invitation where subject_id = ?1", subject.id))
                .longValue(), "nothing half-imported");

        // no column can carry what a customer said: invitations are never gated on sentiment
        admin.multipart().multiPart("csv", "email,subject,rating\n" + good + "," + subject.slug + ",5\n")
                .post("/admin/invitations").then().statusCode(400)
                .body(containsString("The column &quot;rating&quot; is not accepted"));
        assertEquals(0L, ((Number) TestData.sql("select count(*) from invitation where subject_id = ?1", subject.id))
                .longValue());
    }

    @Test
    void aShopInvitesThroughTheApiWithAScopedKeyThatAdminsCanRevoke() {
        Subject subject = TestData.subject("API invited");
        Session admin = Session.admin();
        String page = admin.form().formParam("name", "Shop system").post("/admin/api-keys").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        Matcher m = Pattern.compile("candor_[0-9a-f]{12}_[A-Za-z0-9_-]{32}").matcher(page);
        assertTrue(m.find(), page);
        String key = m.group();
        byte[] stored = (byte[]) TestData.sql("select secret_hash from api_key where prefix = ?1", key.split("_")[1]);
        assertEquals(32, stored.length, "kept as a hash");
        String address = TestData.unique("api") + "@shop.example";

        Map<String, Object> body = Map.of("email", address, "name", "Cleo", "orderReference", "W-77",
                "subject", subject.slug);
        given().contentType(ContentType.JSON).body(body).post("/api/invitations").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key + "x").body(body)
                .post("/api/invitations").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .body(Map.of("email", address, "subject", subject.slug, "sentiment", "positive"))
                .post("/api/invitations").then().statusCode(400).body(containsString("can never depend on what the customer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(body)
                .post("/api/invitations").then().statusCode(201);
        assertTrue(mail(address).contains("/invitations/"));
        // a key is not a session: it opens no page
        given().header("Authorization", "Bearer " + key).redirects().follow(false).get("/admin").then()
                .statusCode(org.hamcrest.Matchers.not(200));

        // a key without the scope is refused
        TestData.update("update api_key set scopes = '{}' where prefix = ?1", key.split("_")[1]);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(body)
                .post("/api/invitations").then().statusCode(401);
        TestData.update("update api_key set scopes = '{invitations}' where prefix = ?1", key.split("_")[1]);

        long id = ((Number) TestData.sql("select id from api_key where prefix = ?1", key.split("_")[1])).longValue();
        admin.form().post("/admin/api-keys/" + id + "/revoke").then().statusCode(303);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(body)
                .post("/api/invitations").then().statusCode(401);
    }

    @Test
    void anInvitedCustomerIsSignedInByTheLinkAndTheirReviewCarriesTheLabelsWhateverItsRating() throws Exception {
        Subject subject = TestData.subject("Labelled");
        Session admin = Session.admin();
        admin.form().formParam("description", "A 10 % voucher").post("/admin/incentives").then().statusCode(303);
        long incentive = ((Number) TestData.sql("select max(id) from incentive where description = 'A 10 % voucher'"))
                .longValue();
        String happy = TestData.unique("happy") + "@shop.example";
        String unhappy = TestData.unique("unhappy") + "@shop.example";
        String csv = "email,name,order reference,subject\n" + happy + ",Hap,O-1," + subject.slug + "\n"
                + unhappy + ",Unh,O-2," + subject.slug + "\n";
        admin.multipart().multiPart("csv", csv).multiPart("incentive", String.valueOf(incentive))
                .post("/admin/invitations").then().statusCode(200).body(containsString("2 invitations sent."));
        assertTrue(mail(happy).contains("A 10 % voucher"));

        long five = reviewThroughInvitation(happy, subject, 5, "Great kettle, boils fast.");
        long one = reviewThroughInvitation(unhappy, subject, 1, "Leaks from the lid.");

        String page = given().get("/subjects/" + subject.slug).then().statusCode(200).extract().asString();
        for (long review : List.of(five, one)) {
            String card = page.substring(page.indexOf("id=\"review-" + review + "\""));
            card = card.substring(0, card.indexOf("</article>"));
            assertTrue(card.contains("Verified purchase"), card);
            assertTrue(card.contains("Incentive received: A 10 % voucher"), "the same for every rating: " + card);
        }
        JsonPath json = given().get("/api/subjects/" + subject.slug + "/reviews").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("VERIFIED_PURCHASE", "INCENTIVE"), json.getList("reviews.find { it.id == " + five + " }.labels"));
        assertEquals("A 10 % voucher", json.getString("reviews.find { it.id == " + one + " }.incentive"));

        // the average can be read from verified purchases only
        Steps.post(Session.customer(), subject, 2, "Came on my own.");
        given().get("/subjects/" + subject.slug + "?only=verified").then().statusCode(200)
                .body(containsString("Verified purchases only: 3.0 from 2"))
                .body(not(containsString("Came on my own.")))
                .body(containsString("noindex"));
        given().get("/about/reviews").then().body(containsString("Verified purchase"))
                .body(containsString("Reviews collected by"));

        // the invitation is used up once its review is posted
        assertEquals(five, ((Number) TestData.sql("select review_id from invitation where lower(email) = ?1", happy)).longValue());
    }

    @Test
    void staffAndInsidersAreLabelledStaff() {
        Subject subject = TestData.subject("Insiders");
        Session moderator = Session.moderator();
        long byStaff = Steps.post(moderator, subject, 5, "I work here and love it.");
        Session customer = Session.customer();
        long byInsider = Steps.post(customer, subject, 5, "My cousin's shop, great.");
        Session.admin().form().formParam("insider", "true").post("/admin/roles/" + customer.accountId() + "/insider")
                .then().statusCode(303);
        TestData.settle();
        String page = given().get("/subjects/" + subject.slug).then().statusCode(200).extract().asString();
        for (long review : List.of(byStaff, byInsider)) {
            String card = page.substring(page.indexOf("id=\"review-" + review + "\""));
            assertTrue(card.substring(0, card.indexOf("</article>")).contains(">Staff<"), card);
        }
    }

    @Test
    void oneReminderAtMostAndUnsubscribingIsHonoured() {
        Subject subject = TestData.subject("Reminded");
        String address = TestData.unique("remind") + "@shop.example";
        invitations.invite(List.of(new Invitations.Invitee(address, "Rita", null, subject.slug)), 1, null, "CSV", null, null);
        TestData.update("update invitation set created_at = now() - interval '8 days' where email = ?1", address);
        assertTrue(invitations.remindDue() >= 1);
        invitations.remindDue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(address),
                mails -> mails != null && mails.size() == 2);
        assertTrue(mailbox.getMailsSentTo(address).get(1).getSubject().startsWith("A reminder"));

        String link = mail(address);
        Matcher m = Pattern.compile("/invitations/[A-Za-z0-9_-]{43}/unsubscribe").matcher(link);
        assertTrue(m.find());
        given().get(m.group()).then().statusCode(200).body(containsString("Stop the invitations"));
        String token = given().get("/login").cookie("csrf-token");
        given().cookie("csrf-token", token).formParam("csrf-token", token).contentType(ContentType.URLENC)
                .post(m.group()).then().statusCode(200).body(containsString("no more invitations"));
        Subject other = TestData.subject("After unsubscribing");
        Invitations.Outcome outcome = invitations.invite(List.of(new Invitations.Invitee(address, "Rita", null,
                other.slug)), 1, null, "CSV", null, null);
        assertEquals(0, outcome.sent());
        assertTrue(outcome.skipped().get(0).message().contains("asked not to be invited again"));
    }

    /** Follows the invitation e-mailed to this address and posts a review; returns its id. */
    private long reviewThroughInvitation(String address, Subject subject, int rating, String body) throws Exception {
        Matcher m = INVITATION.matcher(mail(address));
        assertTrue(m.find());
        try (SignInBrowser browser = new SignInBrowser()) {
            HtmlPage form = browser.get(m.group());
            assertEquals("/subjects/" + subject.slug, browser.path(form).replace("#write", ""));
            assertTrue(form.asNormalizedText().contains("Sign out"), "the link signed them in");
            HtmlForm write = form.getFirstByXPath("//form[@action='/subjects/" + subject.slug + "/reviews']");
            write.<org.htmlunit.html.HtmlRadioButtonInput>getFirstByXPath(".//input[@name='rating'][@value='" + rating + "']")
                    .setChecked(true);
            write.getTextAreaByName("body").type(body);
            HtmlPage posted = write.<org.htmlunit.html.HtmlButton>getFirstByXPath(".//button[@type='submit']").click();
            return Long.parseLong(browser.path(posted).replaceAll(".*/reviews/(\\d+).*", "$1"));
        }
    }

    private String mail(String address) {
        var mails = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> mailbox.getMailsSentTo(address), list -> list != null && !list.isEmpty());
        return mails.get(0).getText();
    }
}
