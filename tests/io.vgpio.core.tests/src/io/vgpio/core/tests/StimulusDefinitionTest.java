package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.stimulus.Bounce;
import io.vgpio.core.stimulus.Edge;
import io.vgpio.core.stimulus.Pulse;
import io.vgpio.core.stimulus.PulseTrain;
import io.vgpio.core.stimulus.SetLevel;
import io.vgpio.core.stimulus.StimulusDefaults;
import io.vgpio.core.stimulus.Toggle;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The one set of stimulus definitions: their defaults, their checks and what the checks say. */
class StimulusDefinitionTest {

    private static String complaint(Executable make) {
        return assertThrows(IllegalArgumentException.class, make).getMessage();
    }

    @Test
    @DisplayName("The defaults are one set, and each makes a valid stimulus")
    void defaults() {
        assertEquals(new Pulse(3, 1000), Pulse.withDefaults(3));
        assertEquals(new PulseTrain(3, 10, 200_000, 100_000), PulseTrain.withDefaults(3));
        assertEquals(new Bounce(3, 7, 5_000), Bounce.withDefaults(3));
        assertEquals(StimulusDefaults.TRAIN_PERIOD_US / 2, StimulusDefaults.TRAIN_WIDTH_US,
                "the shared train width is half the period, as the control socket's train without a width");
        assertEquals(1, StimulusDefaults.BOUNCE_TRANSITIONS % 2, "an odd bounce settles at the other level");
        assertEquals(new PulseTrain(0, 4, 1001, 500), PulseTrain.halfPeriod(0, 4, 1001));
    }

    @Test
    @DisplayName("A bad value is refused with its name, the allowed range and the value given")
    void validation_messages() {
        assertEquals("pulse width must be from 1 to 60,000,000 \u00b5s, not 0", complaint(() -> new Pulse(0, 0)));
        assertEquals("pulse width must be from 1 to 60,000,000 \u00b5s, not 60,000,001",
                complaint(() -> new Pulse(0, 60_000_001)));
        assertEquals("pulse count must be from 1 to 100,000, not 0", complaint(() -> new PulseTrain(0, 0, 10, 5)));
        assertEquals("period must be from 2 to 60,000,000 \u00b5s, not 1", complaint(() -> new PulseTrain(0, 1, 1, 1)));
        assertEquals("the period (5,000 \u00b5s) must be longer than the width (5,000 \u00b5s): the line goes low"
                + " between pulses", complaint(() -> new PulseTrain(0, 1, 5000, 5000)));
        assertEquals("transition count must be from 1 to 10,000, not 10,001",
                complaint(() -> new Bounce(0, 10_001, 60_000)));
        assertEquals("bounce duration must be from 1 to 60,000,000 \u00b5s, not -5",
                complaint(() -> new Bounce(0, 1, -5)));
        assertEquals("8 transitions do not fit in 7 \u00b5s: allow at least 1 \u00b5s each",
                complaint(() -> new Bounce(0, 8, 7)));
        assertEquals("level must be from 0 to 1, not 2", complaint(() -> new SetLevel(0, 2)));
        assertEquals("line must be from 0 to 2,147,483,647, not -1", complaint(() -> new Toggle(-1)));
        assertEquals("line must be from 0 to 2,147,483,647, not -1", complaint(() -> Edge.rising(-1)));
    }

    @Test
    @DisplayName("A seeded bounce changes the level at the same times on every run; another seed at other times")
    void seeded_bounce_is_reproducible() {
        Bounce a = new Bounce(1, 7, 5_000, OptionalLong.of(42));
        long[] times = a.offsetsNanos();
        assertArrayEquals(times, a.offsetsNanos(), "the same bounce again");
        assertArrayEquals(times, new Bounce(5, 7, 5_000, OptionalLong.of(42)).offsetsNanos(), "on another line");
        assertFalse(Arrays.equals(times, new Bounce(1, 7, 5_000, OptionalLong.of(43)).offsetsNanos()),
                "another seed");
        assertEquals(7, times.length);
        for (int i = 0; i < times.length; i++) {
            assertTrue(times[i] >= 0 && times[i] < 5_000_000L, "within the duration: " + times[i]);
            assertTrue(i == 0 || times[i - 1] <= times[i], "in order");
        }
        assertTrue(a.describe().endsWith("(seed 42)"), a.describe());
    }

    @Test
    @DisplayName("Without a seed, every bounce is drawn anew (today's behaviour)")
    void unseeded_bounce_differs() {
        Bounce b = new Bounce(1, 7, 5_000);
        // Seven doubles drawn twice from a fresh Random: equal only by a chance far below one in 2^100.
        assertFalse(Arrays.equals(b.offsetsNanos(), b.offsetsNanos()));
    }
}
