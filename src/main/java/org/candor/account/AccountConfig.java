package org.candor.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Accounts and sign-in settings ({@code candor.*}). */
@ConfigMapping(prefix = "candor")
public interface AccountConfig {

    /**
     * The first admins: {@code provider:subject} (e.g. {@code github:12345}) or a verified e-mail address. An account
     * matching an entry is made admin when it signs in.
     */
    Optional<List<String>> bootstrapAdmins();

    Session session();

    Login login();

    interface Session {
        /** How long a session lasts past the provider's ID token (refreshed where the provider allows). */
        @WithDefault("P7D")
        Duration maxAge();

        /** A session unused for this long ends: the next request is anonymous and sign-in starts again. */
        @WithDefault("PT2H")
        Duration idleTimeout();

        /**
         * Encrypts sessions ({@link CandorSession}) and the providers' sign-in state: 32+ random characters, the same on
         * every instance ({@code CANDOR_SESSION_SECRET}). Without it each start invents one, and nobody stays signed in
         * across a restart.
         */
        Optional<String> secret();

        /** Whether session cookies are sent only over HTTPS (production). */
        @WithDefault("false")
        boolean cookieSecure();
    }

    interface Login {
        /** The button label of the generic OpenID Connect provider, e.g. "Acme staff sign-in". */
        Optional<String> oidcLabel();

        /**
         * Providers whose e-mail address is verified by policy though they send no {@code email_verified} claim (a
         * company's own server): their address can sign in to, and be offered to link with, an account that has it.
         */
        Optional<List<String>> verifiedEmailProviders();

        /** E-mail sign-in: how long a link lasts, and how many may be asked for per address and per network per hour. */
        EmailLinks email();
    }

    interface EmailLinks {
        @WithDefault("PT15M")
        Duration linkLifetime();

        @WithDefault("5")
        int perAddressPerHour();

        @WithDefault("20")
        int perNetworkPerHour();
    }
}
