package org.candor.publiclog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;

/**
 * {@code java -jar candor-verify.jar}: verify a log ({@code <base URL> <verifier key | policy file> [state file]}),
 * check a receipt ({@code --receipt <file> <verifier key>}), run a witness ({@code witness <port> <key file> <log
 * verifier key> <state file>}), or make keys ({@code --new-key [origin]}, {@code --new-witness-key <name>}). Exits 0
 * on OK, 1 on FAIL, 2 on a usage error.
 */
final class VerifierCli {

    private VerifierCli() {
    }

    static void run(String[] args) {
        if (args.length == 5 && args[0].equals("witness")) {
            Witness.main(args);
            return;
        }
        if (args.length == 2 && args[0].equals("--new-witness-key")) {
            Cosignatures.Cosigner witness = Cosignatures.generate(args[1]);
            System.out.println(witness.encoded());
            System.out.println("# witness verifier key: " + witness.key().encoded());
            return;
        }
        if (args.length >= 1 && args[0].equals("--new-key")) {
            KeyPair pair;
            try {
                pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
            }
            System.out.println("CANDOR_LOG_PRIVATE_KEY=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.out.println("CANDOR_LOG_PUBLIC_KEY=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            if (args.length == 2) {
                System.out.println("# verifier key: " + SignedNote.signer(args[1], pair.getPrivate(), pair.getPublic())
                        .verifierKey().encoded());
            }
            return;
        }
        if (args.length == 3 && args[0].equals("--receipt")) {
            try {
                Verifier.Result result = Verifier.checkReceipt(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8),
                        SignedNote.verifierKey(args[2]));
                System.out.println(result.ok() ? "OK " + result.message() : "FAIL " + result.message());
                System.exit(result.ok() ? 0 : 1);
            } catch (IOException | SignedNote.Malformed e) {
                System.err.println("cannot check the receipt: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        boolean report = args.length >= 1 && args[0].equals("report");
        String subject = null;
        if (report) {
            // report <url> <key> <from> <to> [subject], or with --from, --to and --subject in any order
            java.util.List<String> plain = new java.util.ArrayList<>();
            String from = null;
            String to = null;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = i + 1 < args.length ? args[++i] : null;
                    case "--to" -> to = i + 1 < args.length ? args[++i] : null;
                    case "--subject" -> subject = i + 1 < args.length ? args[++i] : null;
                    default -> plain.add(args[i]);
                }
            }
            if (from != null && to != null) {
                plain.add(from);
                plain.add(to);
            }
            if (plain.size() == 5 && subject == null) {
                subject = plain.remove(4);
            }
            if (plain.size() != 4) {
                System.err.println("usage: Verifier report <candor base URL> <verifier key | policy file> "
                        + "--from <YYYY-MM-DD> --to <YYYY-MM-DD> [--subject <address>]");
                System.exit(2);
            }
            args = plain.toArray(new String[0]);
        } else if (args.length < 2 || args.length > 3) {
            System.err.println("usage: Verifier <candor base URL> <verifier key | policy file> [state file]"
                    + " | report <candor base URL> <verifier key | policy file> <from YYYY-MM-DD> <to YYYY-MM-DD> [subject]"
                    + " | --receipt <file> <verifier key> | --new-key [origin] | --new-witness-key <name>"
                    + " | witness <port> <witness key file> <log verifier key> <state file>");
            System.exit(2);
        }
        Verifier verifier;
        try {
            // the second argument is the log's verifier key, or a tlog-policy file naming it and its witnesses
            Path file = Path.of(args[1]);
            verifier = Files.isRegularFile(file)
                    ? new Verifier(args[0], TlogPolicy.parse(Files.readString(file, StandardCharsets.UTF_8)))
                    : new Verifier(args[0], SignedNote.verifierKey(args[1]));
        } catch (SignedNote.Malformed | IOException | java.nio.file.InvalidPathException e) {
            System.err.println("the verifier key or policy is not usable: " + e.getMessage());
            System.exit(2);
            return;
        }
        Verifier.Result result;
        if (report) {
            try {
                result = verifier.report(java.time.LocalDate.parse(args[2]), java.time.LocalDate.parse(args[3]), subject);
            } catch (java.time.format.DateTimeParseException e) {
                System.err.println("the period's days are written YYYY-MM-DD: " + e.getParsedString());
                System.exit(2);
                return;
            }
        } else {
            result = verifier.check(args.length == 3 ? Path.of(args[2]) : null);
        }
        System.out.println(result.ok() ? "OK " + result.message() : "FAIL " + result.message());
        System.exit(result.ok() ? 0 : 1);
    }
}
