package org.candor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Entries made together expire apart, and never past their bound. */
class JitterTest {

    @Test
    void betweenHalfTheBoundAndTheBoundEachItsOwn() {
        Duration bound = Duration.ofMinutes(10);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration d = Jitter.within(bound);
            assertTrue(d.compareTo(bound.dividedBy(2)) >= 0 && d.compareTo(bound) <= 0, d.toString());
            seen.add(d);
        }
        assertTrue(seen.size() > 900, "spread, not one moment: " + seen.size() + " distinct of 1000");
    }
}
