package org.candor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Each second grants its first few asks and refuses the rest; the next second starts again. */
class PerSecondTest {

    @Test
    void eachSecondGrantsItsFirstAsksOnly() {
        AtomicLong clock = new AtomicLong(7_999_999_000L);
        PerSecond limit = new PerSecond(3, clock::get);
        assertTrue(limit.tryTake());
        clock.set(8_000_000_000L);
        assertEquals(3, IntStream.range(0, 10).filter(i -> limit.tryTake()).count(), "a new second: three of ten");
        clock.set(8_999_999_999L);
        assertFalse(limit.tryTake(), "the same second, its three taken");
        clock.set(9_000_000_000L);
        assertTrue(limit.tryTake(), "the next second");
        assertThrows(IllegalArgumentException.class, () -> new PerSecond(0, clock::get));
    }

    @Test
    void threadsTogetherAreGrantedNoMoreThanTheLimit() {
        PerSecond limit = new PerSecond(500, () -> 42L);
        long granted = IntStream.range(0, 20_000).parallel().filter(i -> limit.tryTake()).count();
        assertEquals(500, granted);
    }
}
