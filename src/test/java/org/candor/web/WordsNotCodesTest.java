package org.candor.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * Every page (as a visitor, a customer, a moderator and an admin), the log, its Atom feed and the e-mails to authors,
 * read in English and in Spanish: what the
 * system writes is words in the reader's language, never a code ({@code PERSONAL_DATA}, {@code PRE}) and, on a Spanish
 * page, none of a small list of English words. What people wrote (reviews, names, subjects, staff texts) is left out.
 */
@QuarkusTest
class WordsNotCodesTest {

    /** An upper-case code: four or more capitals or underscores as a word of their own. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");

    /** Abbreviations that are words to their readers. */
    private static final Set<String> ABBREVIATIONS = Set.of("JSON", "HTML", "HTTP", "HTTPS", "OIDC", "GDPR", "RGPD");

    /** English words that have no business on a Spanish page. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|and|by|of|with|from|your|you|removed|moderator|"
            + "moderators|review|reviews|comment|comments|star|stars|posted|hidden|published|reply|replies|sign|"
            + "edited|notice|text|board|default|this|was|has|page|post|held)\\b", Pattern.CASE_INSENSITIVE);

    @Inject
    MockMailbox mailbox;

    @Inject
    org.candor.account.LoginProviders providers;

    @Test
    void everyPublicPageTheLogTheFeedAndTheMailsSpeakTheReadersLanguage() {
        AuthorizationMatrixTest.Fixture f = new AuthorizationMatrixTest.Fixture();
        String author = f.sessions[1].giveEmail();
        // the author reads the site in Spanish: what is e-mailed to them is in Spanish, whoever acts on their post
        f.sessions[1].request().get("/lang/es?back=/").then().statusCode(303);
        // a comment hidden for personal data, a redaction, a reply with an offer, the subject put on pre-moderation
        long comment = Steps.comment(f.sessions[2], f.subject, f.review, "Su dirección es la calle Mayor 5.");
        long commentItem = Steps.idAtEndOf(f.sessions[3].form().formParam("review", f.review)
                .formParam("comment", comment).post("/moderation/open").then().statusCode(303).extract().header("Location"));
        mailbox.clear();
        // a notice of illegal content sent by someone reading in Spanish: its receipt and decision come in Spanish
        String sender = TestData.unique("remitente") + "@example.org";
        given().redirects().follow(false).cookie("csrf-token", f.anonymousCsrf).cookie(Ui.LANGUAGE_COOKIE, "es")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", f.anonymousCsrf)
                .formParam("review", f.review).formParam("location", "http://x/").formParam("law", "Ley de datos")
                .formParam("explanation", "Datos personales de un tercero.").formParam("name", "Remitente")
                .formParam("email", sender).formParam("goodFaith", "yes").post("/notices").then().statusCode(303);
        Steps.act(f.sessions[3], commentItem, "hide", "reason", "PERSONAL_DATA", "text", "Datos personales.").statusCode(303);
        Steps.act(f.sessions[3], f.item, "reply", "body", "Gracias, {customer}.", "offer", Long.toString(f.offer),
                "complaint", "DEFECT").statusCode(303);
        Steps.act(f.sessions[3], f.item, "redact", "span", "Matrix", "reason", "PERSONAL_DATA", "text", "Un nombre.")
                .statusCode(303);
        f.sessions[4].form().formParam("slug", f.subject.slug).formParam("mode", "PRE").post("/admin/policy/subject")
                .then().statusCode(303);
        List<String> mails = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(author), m -> m != null && m.size() >= 2).stream()
                .map(m -> m.getSubject() + "\n" + m.getText()).toList();

        mails = new ArrayList<>(mails);
        mails.addAll(Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailbox.getMailsSentTo(sender), m -> m != null && m.size() >= 2).stream()
                .map(m -> m.getSubject() + "\n" + m.getText()).toList());
        List<String> found = new ArrayList<>();
        List<String> people = new ArrayList<>(peoplesWords());
        // the sign-in providers' names are the operator's to choose
        providers.all().forEach(p -> people.add(p.label()));
        people.sort(Comparator.comparingInt(String::length).reversed());
        int read = 0;
        for (String lang : List.of("en", "es")) {
            for (int who : new int[] { 0, 1, 3, 4 }) {
                for (Map.Entry<String, String> e : AuthorizationMatrixTest.EXPECTED.entrySet()) {
                    String route = e.getKey();
                    if (!route.startsWith("GET ") || e.getValue().charAt(who) != 'A'
                            || EveryPageInABrowserTest.NOT_PAGES.stream().anyMatch(route::contains)) {
                        continue;
                    }
                    String path = f.path(route.substring(4));
                    Response r = as(f, who, lang).get(path);
                    if (r.contentType().startsWith("text/html")) {
                        read++;
                        check(route + " (" + lang + ")", lang, text(r.asString()), people, found);
                    }
                }
            }
            for (String path : List.of("/log?subject=" + f.subject.slug, "/log.atom",
                    "/transparency?subject=" + f.subject.slug)) {
                read++;
                check(path + " (" + lang + ")", lang, text(as(f, 0, lang).get(path).asString()), people, found);
            }
        }
        for (String mail : mails) {
            check("mail to the author", "es", mail, people, found);
        }
        assertTrue(read > 60, "only " + read + " pages read");
        assertTrue(mails.stream().allMatch(m -> m.contains("Hola")), mails.toString());
        assertEquals(List.of(), found);
    }

    private static RequestSpecification as(AuthorizationMatrixTest.Fixture f, int who, String lang) {
        RequestSpecification r = who == 0 ? given().redirects().follow(false) : f.sessions[who].request();
        return r.cookie(Ui.LANGUAGE_COOKIE, lang).header("Accept-Language", lang);
    }

    private static void check(String where, String lang, String text, List<String> people, List<String> found) {
        text = text.replaceAll("https?://\\S+|\\S+@\\S+", " "); // web and e-mail addresses are not words
        // a notice's reference (N- and eight of 22 letters and 8 digits: all letters about one time in twelve) is
        // the sender's to quote back, not a code the reader is left to decode
        text = text.replaceAll("\\bN-[A-Z0-9]{8}\\b", " ");
        for (String s : people) {
            text = text.replace(s, " ");
        }
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (!ABBREVIATIONS.contains(code.group())) {
                found.add(where + ": code " + code.group() + " in «" + around(text, code.start()) + "»");
            }
        }
        if (lang.equals("es")) {
            Matcher english = ENGLISH.matcher(text);
            while (english.find()) {
                found.add(where + ": English «" + english.group() + "» in «" + around(text, english.start()) + "»");
            }
        }
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replaceAll("\\s+", " ");
    }

    /**
     * What a reader sees of a page: its text and the labels read aloud, without what people wrote (the bodies of
     * posts and staff texts, marked {@code class="body"}, and user-written names isolated in {@code <bdi>} or quoted in «»), scripts,
     * command lines and what is typed into configuration ({@code <pre>}, {@code <kbd>}), or the other language's name
     * in the language switcher.
     */
    static String text(String html) {
        String visible = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>|<pre.*?</pre>|<kbd.*?</kbd>", " ")
                .replaceAll("(?s)<div class=\"body\">.*?</div>|<bdi>.*?</bdi>|<content[^>]*>.*?</content>|«[^»]*»", " ")
                .replaceAll("(?s)<a [^>]*hreflang=[^>]*>.*?</a>", " ");
        StringBuilder labels = new StringBuilder();
        Matcher m = Pattern.compile("(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"").matcher(visible);
        while (m.find()) {
            labels.append(' ').append(m.group(1));
        }
        return (visible.replaceAll("(?s)<[^>]*>", " ") + labels).replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** Names people chose and titles they wrote, longest first: left out of what is checked. */
    private static List<String> peoplesWords() {
        List<String> words = new ArrayList<>();
        for (String q : List.of("select name from subject", "select slug from subject", "select display_name from account where display_name is not null",
                "select staff_handle from account where staff_handle is not null", "select title from review where title is not null",
                "select name from offer_type", "select title from canned_response", "select title from statement")) {
            TestData.sqlList(q).forEach(o -> words.add(String.valueOf(o)));
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        return words;
    }
}
