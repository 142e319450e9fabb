package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vgpio.e2e.HeartbeatPattern.Change;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The heartbeat recogniser the board's guest test relies on, against timings made up from the kernel's formula. */
class HeartbeatPatternTest {
    private static final long MS = 1_000_000;

    /** Level changes of n beats with period p ms as ledtrig-heartbeat makes them, starting off at t0. */
    private static List<Change> heartbeat(int n, long p, long t0) {
        List<Change> out = new ArrayList<>();
        long t = t0;
        for (int i = 0; i < n; i++) {
            long[] phases = {70, p / 4 - 70, 70, p - p / 4 - 70};
            for (int k = 0; k < 4; k++) {
                out.add(new Change(t * MS, k % 2 == 0 ? 1 : 0));
                t += phases[k];
            }
        }
        out.add(new Change(t * MS, 1));
        return out;
    }

    @Test
    @DisplayName("The kernel's heartbeat at idle, normal and high load is recognised beat by beat")
    void heartbeats_at_every_load_are_recognised() {
        assertEquals(4, HeartbeatPattern.beats(heartbeat(4, 1260, 0)));
        assertEquals(4, HeartbeatPattern.beats(heartbeat(4, 860, 5)));
        assertEquals(4, HeartbeatPattern.beats(heartbeat(4, 510, 0)));
    }

    @Test
    @DisplayName("A log that starts mid-beat and repeats levels still counts the whole beats")
    void partial_beats_and_repeated_levels_are_ignored() {
        List<Change> changes = new ArrayList<>(heartbeat(5, 1260, 100));
        changes.remove(0); // starts in the first blink's on phase: the first switch-on seen is the second blink
        changes.add(2, new Change(changes.get(1).nanos() + 1, changes.get(1).level()));
        assertEquals(4, HeartbeatPattern.beats(changes), "whole beats after the partial first one");
    }

    @Test
    @DisplayName("A regular blink (the timer trigger) is not a heartbeat")
    void a_regular_blink_is_rejected() {
        List<Change> blink = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            blink.add(new Change(i * 250 * MS, 1 - i % 2));
        }
        assertThrows(IllegalArgumentException.class, () -> HeartbeatPattern.beats(blink));
    }

    @Test
    @DisplayName("A single blink with a pause is not a double blink")
    void single_blinks_are_rejected() {
        List<Change> single = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 6; i++) {
            single.add(new Change(t * MS, 1));
            single.add(new Change((t + 70) * MS, 0));
            t += 1000;
        }
        assertThrows(IllegalArgumentException.class, () -> HeartbeatPattern.beats(single));
    }

    @Test
    @DisplayName("Too few changes hold no beat")
    void too_few_changes_hold_no_beat() {
        assertEquals(0, HeartbeatPattern.beats(List.of(new Change(0, 1), new Change(70 * MS, 0))));
    }
}
