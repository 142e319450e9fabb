package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vgpio.core.ChipHistory;
import io.vgpio.core.EventLog;
import io.vgpio.trace.TraceFormat;
import io.vgpio.trace.TraceReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces are readable forever: files written by earlier versions read back exactly as they did then. */
class GoldenTraceTest {
    /** Copies a file of golden/ (next to this class) out of the bundle. */
    static Path golden(String name, Path dir) throws Exception {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream("golden/" + name)) {
            assertNotNull(in, "golden/" + name + " is packaged with the tests");
            Path f = dir.resolve(name);
            Files.copy(in, f);
            return f;
        }
    }

    @Test
    @DisplayName("The version-1 trace written by main at ae8cb0c reads back identically to the dump made then")
    void golden_v1_trace_reads_back_identically(@TempDir Path dir) throws Exception {
        String expected = Files.readString(golden("v1-ae8cb0c.txt", dir), StandardCharsets.UTF_8);
        TraceReader.Trace t = TraceReader.read(golden("v1-ae8cb0c.trc", dir));
        assertEquals(expected, TraceDump.dump(t));
        assertEquals(1, t.version());
        assertEquals(-1, t.cutAt(), "a version-1 trace has no end marker, so nothing says it was cut");
        assertNull(t.startState(), "version 1 has no start state");
    }

    @Test
    @DisplayName("The version-2 trace written by main at 4bca6e7 reads back identically to the dump made then, without"
            + " a start state, its duration up to its last event")
    void golden_v2_trace_reads_back_identically(@TempDir Path dir) throws Exception {
        String expected = Files.readString(golden("v2-4bca6e7.txt", dir), StandardCharsets.UTF_8);
        TraceReader.Trace t = TraceReader.read(golden("v2-4bca6e7.trc", dir));
        assertEquals(expected, TraceDump.dump(t));
        assertEquals(2, t.version());
        assertEquals(-1, t.cutAt());
        assertNull(t.startState(), "version 2 has no start state");
        assertEquals(-1, t.stoppedNanos(), "version 2 does not say when the recording stopped");
        assertEquals(t.log().get(t.events() - 1).timeNanos(), t.durationNanos());
        ChipHistory h = ChipHistory.build(t.config(), t.log());
        assertEquals(ChipHistory.build(t.config(), t.log(), null).last(), h.last(), "scrubbing works as before");
    }

    @Test
    @DisplayName("The golden events written by this version read back exactly (times too, after a dropped record)")
    void golden_events_rewritten_read_back_identically(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("now.trc");
        EventLog src = GoldenEvents.log();
        GoldenEvents.write(src, f);
        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(src.nextSeq(), t.events());
        for (long seq = 0; seq < src.nextSeq(); seq++) {
            assertEquals(src.get(seq), t.log().get(seq));
        }
        assertEquals(3, t.dropped());
        assertEquals(TraceFormat.VERSION, t.version());
        assertEquals(-1, t.cutAt());
        assertNull(t.warning());
        assertNull(t.startState(), "written without a device, it has no start state");
        assertEquals(src.get(src.nextSeq() - 1).timeNanos(), t.stoppedNanos());
    }
}
