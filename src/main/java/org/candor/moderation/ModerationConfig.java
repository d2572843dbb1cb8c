package org.candor.moderation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the moderation queue behaves; response-time targets are policy, set by admins (org.candor.policy). */
@ConfigMapping(prefix = "candor.moderation")
public interface ModerationConfig {

    /** A claim nobody acted on for this long lapses, and the item is free again. */
    @WithDefault("PT30M")
    Duration claimIdle();

    /** Who official replies come from ("Official reply from ..."). */
    @WithDefault("Candor")
    String businessName();

    /** The address links in e-mails point to. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
