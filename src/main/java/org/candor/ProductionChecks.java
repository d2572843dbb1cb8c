package org.candor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What production cannot run without, checked before anything starts: each missing setting is refused in one line that
 * names the variable, rather than a default that looks like it works (a signing key kept in the database it signs for,
 * links to localhost, a sender at an invalid domain, sessions that die at every restart).
 */
final class ProductionChecks {

    /** The providers whose client id enables them (see README). */
    private static final List<String> PROVIDERS = List.of("GOOGLE", "GITHUB", "MICROSOFT", "FACEBOOK", "APPLE", "OIDC");

    private ProductionChecks() {
    }

    /**
     * The first refusal, or null when production can start. {@code setting} reads a variable by its environment name
     * (a system property of the same meaning counts too).
     */
    static String refusal(UnaryOperator<String> setting) {
        List<String> refusals = refusals(setting);
        return refusals.isEmpty() ? null : refusals.get(0);
    }

    static List<String> refusals(UnaryOperator<String> setting) {
        List<String> refusals = new ArrayList<>();
        if (blank(setting.apply("QUARKUS_DATASOURCE_JDBC_URL"))) {
            refusals.add("Candor: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (for example "
                    + "jdbc:postgresql://db:5432/candor), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
        }
        String publicUrl = setting.apply("CANDOR_PUBLIC_URL");
        if (blank(publicUrl) || !publicUrl.strip().matches("https?://[^/\\s]+(/\\S*)?")) {
            refusals.add("Candor: no public address. Set CANDOR_PUBLIC_URL to the address visitors use, for example "
                    + "https://reviews.example.com (sign-in, e-mails and feeds link to it).");
        }
        if (blank(setting.apply("CANDOR_LOG_PRIVATE_KEY")) || blank(setting.apply("CANDOR_LOG_PUBLIC_KEY"))) {
            refusals.add("Candor: no key to sign the public log. Set CANDOR_LOG_PRIVATE_KEY and CANDOR_LOG_PUBLIC_KEY "
                    + "(make them once with: java -jar candor-verify.jar --new-key <origin>).");
        }
        boolean signIn = PROVIDERS.stream().anyMatch(p -> !blank(setting.apply("QUARKUS_OIDC_" + p + "_CLIENT_ID")));
        String secret = setting.apply("CANDOR_SESSION_SECRET");
        if (signIn && (blank(secret) || secret.strip().length() < 32)) {
            refusals.add("Candor: sign-in is enabled but CANDOR_SESSION_SECRET is missing or shorter than 32 characters. "
                    + "Set it to the same random value on every instance (openssl rand -base64 48).");
        }
        String mail = setting.apply("CANDOR_MAIL");
        boolean mailOff = mail != null && mail.strip().toLowerCase(Locale.ROOT).equals("off");
        if (!mailOff && (blank(setting.apply("CANDOR_MAIL_FROM")) || blank(setting.apply("QUARKUS_MAILER_HOST")))) {
            refusals.add("Candor: no way to e-mail authors. Set CANDOR_MAIL_FROM (e.g. \"Acme reviews <reviews@example.com>\") "
                    + "and QUARKUS_MAILER_HOST (with QUARKUS_MAILER_PORT, _USERNAME, _PASSWORD, _TLS), or CANDOR_MAIL=off.");
        }
        String witnesses = setting.apply("CANDOR_LOG_WITNESSES");
        if (!blank(witnesses)) {
            for (String entry : witnesses.split(",")) {
                try {
                    org.candor.publiclog.Witnesses.parse(entry);
                } catch (org.candor.publiclog.SignedNote.Malformed e) {
                    refusals.add("Candor: CANDOR_LOG_WITNESSES has an entry it cannot use (" + e.getMessage()
                            + "): " + entry.strip().replaceAll("\\s+", " "));
                }
            }
        }
        String origin = setting.apply("CANDOR_LOG_ORIGIN");
        if (!blank(origin) && !origin.strip().matches("[^\\s+]+")) {
            refusals.add("Candor: CANDOR_LOG_ORIGIN names the log in every checkpoint and may hold no spaces and no '+' "
                    + "(for example reviews.example.com/candor).");
        }
        return refusals;
    }

    /** A variable by its environment name, or the system property of the same name in lower case with dots. */
    static String lookup(String name) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        return !blank(property) ? property : System.getenv(name);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
