package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.control.ControlServer;
import io.vgpio.trace.TraceInfo;
import io.vgpio.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code vgpio trace info} prints ({@code TraceCommand} prints {@link TraceInfo}). */
class TraceInfoTest {
    static List<String> info(TraceReader.Trace t) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TraceInfo.print(t, new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    @DisplayName("trace info prints the duration and, under 'state at start:', every line as the control socket's"
            + " state answers it")
    void info_prints_the_state_at_start(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        ControlServer control = new ControlServer(dir.resolve("c.ctl"), d.chip, () -> "attached");
        String state = control.execute("state");
        Path f = dir.resolve("info.trc");
        d.recordings.start(f);
        d.recordings.stop();
        TraceReader.Trace t = TraceReader.read(f);
        List<String> lines = info(t);

        assertTrue(lines.get(0).startsWith("trace:    " + f), lines.get(0));
        assertTrue(lines.contains(String.format(java.util.Locale.ROOT, "duration: %.6f s", t.durationNanos() / 1e9)),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("duration: \\d+\\.\\d{6} s")));
        assertTrue(lines.contains("end:      complete (end marker)"));
        assertTrue(lines.contains("at start: frontend attached, features 0x100000001, 1 binding"), lines.toString());
        int at = lines.indexOf("state at start:");
        assertTrue(at > 0, lines.toString());
        assertEquals(state, String.join("\n", lines.subList(at + 1, lines.size())),
                "the state at start is printed exactly as the control socket's state answer");
        assertEquals("2 RELAY out 1 none", lines.get(at + 3));
        assertEquals("3 - none 1 none", lines.get(at + 4), "an unnamed line the user holds high");
        control.close();
    }

    @Test
    @DisplayName("trace info of a version-1 or version-2 trace says that the state at start was not recorded")
    void info_of_old_traces(@TempDir Path dir) throws Exception {
        List<String> v2 = info(TraceReader.read(GoldenTraceTest.golden("v2-4bca6e7.trc", dir)));
        assertEquals("state at start: not recorded (trace format 2)", v2.get(v2.size() - 1));
        assertTrue(v2.contains("end:      complete (end marker)"));
        List<String> v1 = info(TraceReader.read(GoldenTraceTest.golden("v1-ae8cb0c.trc", dir)));
        assertEquals("state at start: not recorded (trace format 1)", v1.get(v1.size() - 1));
        assertTrue(v1.contains("end:      not known (a version-1 trace has no end marker)"));
    }
}
