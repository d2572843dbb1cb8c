package org.candor.moderation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail to authors ({@code candor.mail.*}). */
@ConfigMapping(prefix = "candor.mail")
public interface MailConfig {

    /** {@code on}, or {@code off} ({@code CANDOR_MAIL=off}): authors are then told on their timeline only. */
    @WithDefault("on")
    String delivery();

    /** How often each instance looks for e-mails to send. */
    @WithDefault("5s")
    String poll();

    /** The wait before the first retry; it doubles with each failed attempt, up to six hours. */
    @WithDefault("PT1M")
    Duration retryDelay();

    /** Attempts before an e-mail is given up as failed (admins see it). */
    @WithDefault("12")
    int maxAttempts();

    default boolean enabled() {
        return !"off".equalsIgnoreCase(delivery().strip());
    }
}
