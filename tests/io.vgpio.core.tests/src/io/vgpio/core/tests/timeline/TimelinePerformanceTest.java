package io.vgpio.core.tests.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.timeline.Timeline;
import io.vgpio.core.timeline.TimelineBenchmark;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's workload (a full log) gives the right frame. How long the frame takes is printed by
 * {@code vgpio bench --models}: wall-clock limits do not belong in tests.
 */
class TimelinePerformanceTest {

    @Test
    @DisplayName("With 1,048,576 events in the log, a full-width frame over the whole log counts every level change")
    void full_log_frame_counts_every_transition() {
        EventLog log = TimelineBenchmark.fill(EventLog.DEFAULT_CAPACITY);
        assertEquals(EventLog.DEFAULT_CAPACITY, log.size());
        Timeline tl = new Timeline(log, TimelineBenchmark.LINES, l -> 0);
        tl.update();
        long[] levelChanges = {0};
        log.read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> levelChanges[0] += k == EventKind.LEVEL ? 1 : 0);
        long t0 = log.get(log.firstSeq()).timeNanos();
        assertEquals(levelChanges[0], TimelineBenchmark.frame(tl, t0, tl.lastTime() + 1));
    }
}
