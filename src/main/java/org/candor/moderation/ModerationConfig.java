package org.candor.moderation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the moderation queue behaves. Response-time targets move to the admin policy pages later. */
@ConfigMapping(prefix = "candor.moderation")
public interface ModerationConfig {

    /** Time to answer a review of 1 or 2 stars. */
    @WithDefault("PT4H")
    Duration targetLowRating();

    /** Time to answer anything else. */
    @WithDefault("PT24H")
    Duration target();

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
