package io.vgpio.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises Linux's heartbeat LED trigger in a line's level changes. The trigger (drivers/leds/trigger/
 * ledtrig-heartbeat.c) repeats "on 70 ms, off P/4 - 70 ms, on 70 ms, off 3P/4 - 70 ms", P between 300 and 1260 ms
 * depending on the guest's load: a double blink, then a long pause. The check is about that shape, not about
 * milliseconds (TCG on a loaded host stretches any single phase): within every beat the pause after the second
 * blink is more than twice the gap between the blinks (the kernel's ratio is at least 3.5), and longer than each
 * blink.
 */
final class HeartbeatPattern {
    /** A level change at a time. */
    record Change(long nanos, int level) {
    }

    private HeartbeatPattern() {
    }

    /**
     * @param changes the line's level changes in time order (repeated levels are ignored)
     * @return how many whole beats (blink, gap, blink, pause) the changes hold, all of them heartbeat-shaped
     * @throws IllegalArgumentException naming the first beat that is not
     */
    static int beats(List<Change> changes) {
        List<Change> edges = new ArrayList<>();
        for (Change c : changes) {
            if (edges.isEmpty() ? c.level() == 1 : edges.get(edges.size() - 1).level() != c.level()) {
                edges.add(c); // starts at the first switch-on
            }
        }
        // Alternating on/off durations: ons[i] from edge 2i to 2i+1, offs[i] from 2i+1 to 2i+2.
        List<Long> ons = new ArrayList<>();
        List<Long> offs = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            long d = edges.get(i + 1).nanos() - edges.get(i).nanos();
            (i % 2 == 0 ? ons : offs).add(d);
        }
        if (offs.size() < 2) {
            return 0;
        }
        // Which off is a gap between two blinks and which a pause: the pattern fixes it once the first pair is seen.
        int first = offs.get(0) < offs.get(1) ? 0 : 1;
        int beats = 0;
        for (int gap = first; gap + 1 < offs.size(); gap += 2) {
            long g = offs.get(gap);
            long pause = offs.get(gap + 1);
            long on1 = ons.get(gap);
            long on2 = ons.get(gap + 1);
            if (pause <= 2 * g || on1 >= pause || on2 >= pause) {
                throw new IllegalArgumentException(String.format(
                        "beat %d is no heartbeat: blink %.0f ms, gap %.0f ms, blink %.0f ms, pause %.0f ms", beats + 1,
                        on1 / 1e6, g / 1e6, on2 / 1e6, pause / 1e6));
            }
            if (gap + 2 < offs.size() && pause <= 2 * offs.get(gap + 2)) {
                throw new IllegalArgumentException(String.format(
                        "after beat %d the gap (%.0f ms) is not short beside the pause (%.0f ms)", beats + 1,
                        offs.get(gap + 2) / 1e6, pause / 1e6));
            }
            beats++;
        }
        return beats;
    }
}
