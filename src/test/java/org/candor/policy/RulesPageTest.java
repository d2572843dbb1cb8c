package org.candor.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.candor.support.Session;
import org.candor.support.Steps;
import org.candor.support.TestData;

/**
 * The house rules and "how reviews work" are written out from the policy in force: a policy change changes them and
 * gives them a new version, the one the log's next entries name. Word rules are counted, never shown.
 */
@QuarkusTest
class RulesPageTest {

    @jakarta.inject.Inject
    org.candor.publiclog.PublicLog log;

    private static long version(String page) {
        Matcher m = Pattern.compile("Version (\\d+)").matcher(page);
        assertTrue(m.find(), page);
        return Long.parseLong(m.group(1));
    }

    @Test
    void theRulesFollowThePolicyWithANewVersionEachTime() {
        String before = given().get("/rules").then().statusCode(200).body(containsString("House rules"))
                .body(containsString("An account may post at most")).extract().asString();
        long v = version(before);
        Session admin = Session.admin();
        String pattern = TestData.unique("secretword");
        admin.form().formParam("pattern", pattern).formParam("action", "HOLD").post("/admin/rules").then().statusCode(303);
        String after = given().get("/rules").then().statusCode(200).body(not(containsString(pattern)))
                .body(containsString("Word rules:")).extract().asString();
        assertTrue(version(after) > v, "a new version after a policy change");
        // the log's next entry names the version in force
        long seq = Steps.logSize();
        String leaf = new String(log.entry(seq).orElseThrow().canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(leaf.contains("\"policyVersion\":" + version(after)), leaf);

        given().get("/about/reviews").then().statusCode(200).body(containsString("How reviews work"))
                .body(containsString("never held or hidden because of their rating"));
        given().header("Accept-Language", "es").get("/rules").then().statusCode(200)
                .body(containsString("Normas del sitio"));
        given().get("/").then().statusCode(200).body(containsString("href=\"/rules\""))
                .body(containsString("href=\"/about/reviews\""));
        assertEquals(200, given().get("/rules").statusCode());
    }

    @Test
    void theRulesSayHowStatementsAppealsAndNoticesWorkAndListWordPatternsOnlyWhenTheAdminSaysSo() {
        given().get("/rules").then().statusCode(200)
                .body(containsString("comes with a statement of reasons"))
                .body(containsString("free of charge, for 6 months"))
                .body(containsString("A moderator other than the one who decided"))
                .body(containsString("id=\"notices\""))
                .body(containsString("Report illegal content"))
                .body(containsString("does not suspend or close accounts"));
        Session admin = Session.admin();
        String pattern = TestData.unique("shownword");
        admin.form().formParam("pattern", pattern).formParam("action", "FLAG").post("/admin/rules").then().statusCode(303);
        given().get("/rules").then().body(not(containsString(pattern)));
        long v = version(given().get("/rules").asString());
        java.util.Map<String, String> settings = PolicyTest.currentSettings();
        settings.put("wordsInPublic", "SHOWN");
        admin.form().formParams(settings).post("/admin/policy").then().statusCode(303);
        try {
            String shown = given().get("/rules").then().statusCode(200).body(containsString(pattern))
                    .body(containsString("publishes it and asks a moderator to look")).extract().asString();
            assertTrue(version(shown) > v, "showing the words is a policy change, with its version");
        } finally {
            java.util.Map<String, String> back = PolicyTest.currentSettings();
            back.put("wordsInPublic", "HIDDEN");
            admin.form().formParams(back).post("/admin/policy").then().statusCode(303);
        }
        given().get("/rules").then().body(not(containsString(pattern)));
    }
}
