package org.candor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Production refuses to start without what it needs, one line naming the variable (CI checks the packaged app too). */
class ProductionChecksTest {

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/candor");
        env.put("CANDOR_PUBLIC_URL", "https://reviews.example.com");
        env.put("CANDOR_LOG_PRIVATE_KEY", "private");
        env.put("CANDOR_LOG_PUBLIC_KEY", "public");
        env.put("CANDOR_MAIL_FROM", "Acme reviews <reviews@example.com>");
        env.put("QUARKUS_MAILER_HOST", "smtp.example.com");
        return env;
    }

    @Test
    void aCompleteConfigurationStarts() {
        assertNull(ProductionChecks.refusal(complete()::get));
        Map<String, String> noMail = complete();
        noMail.remove("CANDOR_MAIL_FROM");
        noMail.remove("QUARKUS_MAILER_HOST");
        noMail.put("CANDOR_MAIL", "off");
        assertNull(ProductionChecks.refusal(noMail::get), "mail may be switched off explicitly");
    }

    @Test
    void eachMissingSettingIsRefusedInOneLineNamingIt() {
        Map<String, String> cases = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "CANDOR_PUBLIC_URL", "CANDOR_PUBLIC_URL",
                "CANDOR_LOG_PRIVATE_KEY", "CANDOR_LOG_PRIVATE_KEY",
                "CANDOR_MAIL_FROM", "CANDOR_MAIL_FROM",
                "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_HOST");
        cases.forEach((missing, named) -> {
            Map<String, String> env = complete();
            env.remove(missing);
            String refusal = ProductionChecks.refusal(env::get);
            assertTrue(refusal != null && refusal.contains(named) && !refusal.contains("\n"), missing + ": " + refusal);
        });
        Map<String, String> relative = complete();
        relative.put("CANDOR_PUBLIC_URL", "reviews.example.com");
        assertTrue(ProductionChecks.refusal(relative::get).contains("CANDOR_PUBLIC_URL"));
    }

    @Test
    void witnessesAndTheLogOriginMustBeUsable() {
        Map<String, String> env = complete();
        env.put("CANDOR_LOG_WITNESSES", "https://w1.example.org witness1.example.org+14053794+BCLZII+7RFn/vETp0BUHcJAyjm5cw/lp+9gDlMdtBAb3");
        String refusal = ProductionChecks.refusal(env::get);
        assertTrue(refusal != null && refusal.contains("CANDOR_LOG_WITNESSES") && !refusal.contains("\n"), refusal);
        env.put("CANDOR_LOG_WITNESSES", "https://w1.example.org witness1.test.example/candor+14053794+BCLZII+7RFn/vETp0BUHcJAyjm5cw/lp+9gDlMdtBAb3");
        assertNull(ProductionChecks.refusal(env::get), "a witness URL and its key");
        env.put("CANDOR_LOG_WITNESSES", "w1.example.org only-a-name");
        assertTrue(ProductionChecks.refusal(env::get).contains("CANDOR_LOG_WITNESSES"));
        env.remove("CANDOR_LOG_WITNESSES");
        env.put("CANDOR_LOG_ORIGIN", "reviews example");
        assertTrue(ProductionChecks.refusal(env::get).contains("CANDOR_LOG_ORIGIN"));
    }

    @Test
    void signInNeedsASessionSecretOfThirtyTwoCharacters() {
        Map<String, String> env = complete();
        env.put("QUARKUS_OIDC_GOOGLE_CLIENT_ID", "client");
        assertTrue(ProductionChecks.refusal(env::get).contains("CANDOR_SESSION_SECRET"));
        env.put("CANDOR_SESSION_SECRET", "too short");
        assertTrue(ProductionChecks.refusal(env::get).contains("CANDOR_SESSION_SECRET"));
        env.put("CANDOR_SESSION_SECRET", "x".repeat(32));
        assertNull(ProductionChecks.refusal(env::get));
        assertEquals(0, ProductionChecks.refusals(env::get).size());
    }
}
