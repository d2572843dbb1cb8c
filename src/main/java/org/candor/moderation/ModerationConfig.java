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

    /** How long after a restriction the person affected may appeal it (DSA Art. 20: at least six months). */
    @WithDefault("6")
    int appealMonths();

    /**
     * The out-of-court dispute settlement body people may turn to (DSA Art. 21), as its name and address; none when
     * unset.
     */
    java.util.Optional<String> outOfCourt();

    /** The member states where restrictions apply, as the Transparency Database's two-letter codes. */
    @WithDefault("AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK")
    java.util.List<String> territorialScope();

    /** Notices of illegal content one client may send per hour. */
    @WithDefault("5")
    int noticesPerHour();
}
