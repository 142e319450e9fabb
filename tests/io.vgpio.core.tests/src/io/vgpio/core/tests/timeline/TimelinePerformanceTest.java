package io.vgpio.core.tests.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelinePerformanceTest {

    @Test
    @DisplayName("With 1,048,576 events in the log, one full-width frame (1920 columns, 14 lanes) queries in < 50 ms")
    void full_log_frame_under_50ms() {
        TimelineBenchmark.run(100_000); // warm the JIT
        TimelineBenchmark.Result r = TimelineBenchmark.run(EventLog.DEFAULT_CAPACITY);
        System.out.println("[timeline benchmark] " + r);
        assertEquals(EventLog.DEFAULT_CAPACITY, r.events());
        assertTrue(r.fitFrameMs() < 50, "whole-log frame took " + r.fitFrameMs() + " ms");
        assertTrue(r.followFrameMs() < 50, "1 ms window frame took " + r.followFrameMs() + " ms");
    }
}
