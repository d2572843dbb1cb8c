package org.candor.transparency;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the transparency numbers are cut: the board's time zone, and the window of each subject's reply line. */
@ConfigMapping(prefix = "candor.transparency")
public interface TransparencyConfig {

    /** The time zone of days, months and the week chart (e.g. {@code Europe/Madrid}). */
    @WithDefault("UTC")
    ZoneId zone();

    /** How many months back a subject's "replies to N % of negative reviews" line looks. */
    @WithDefault("12")
    int subjectMonths();
}
