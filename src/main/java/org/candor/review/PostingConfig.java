package org.candor.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on posting ({@code candor.posting.*}). */
@ConfigMapping(prefix = "candor.posting")
public interface PostingConfig {

    /** Reviews, edits and comments one account may post per minute. */
    @WithDefault("5")
    int perMinute();
}
