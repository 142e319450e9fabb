package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.control.ControlServer;
import io.vgpio.trace.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket's {@code record start FILE} and {@code record stop}, and their errors. */
class RecordCommandTest {
    @Test
    @DisplayName("record start FILE answers ok; record stop answers ok BYTES EVENTS of the file it wrote")
    void record_start_and_stop(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        d.setUpSession();
        ControlServer control = new ControlServer(dir.resolve("c.ctl"), d.chip, () -> "attached");
        d.recordings.addControlCommands(control);
        Path f = dir.resolve("by control.trc");
        assertEquals("ok", control.execute("record start " + f));
        assertEquals("ok", control.execute("set 5 1"));
        assertEquals("ok", control.execute("set 5 0"));
        String stop = control.execute("record stop");
        assertTrue(stop.matches("ok \\d+ \\d+"), stop);
        String[] w = stop.split(" ");
        assertEquals(Files.size(f), Long.parseLong(w[1]), "BYTES is the file's size");
        TraceReader.Trace t = TraceReader.read(f);
        assertEquals(t.events(), Long.parseLong(w[2]), "EVENTS is what the file holds");
        assertEquals(2, t.events());
        assertEquals(d.chip.states().get(2), t.startState().lines().get(2));
        assertNull(d.recordings.current());
        assertTrue(control.execute("help").contains("record start FILE|stop"), control.execute("help"));
        control.close();
    }

    @Test
    @DisplayName("record start while recording, record stop while not, and a file that cannot be written are errors")
    void record_errors(@TempDir Path dir) throws Exception {
        RecordedDevice d = new RecordedDevice();
        ControlServer control = new ControlServer(dir.resolve("c.ctl"), d.chip, () -> "none");
        d.recordings.addControlCommands(control);
        assertEquals("err not recording", control.execute("record stop"));
        Path missing = dir.resolve("no such dir").resolve("x.trc");
        String cannot = control.execute("record start " + missing);
        assertEquals("err cannot record to " + missing + ": its directory does not exist", cannot);
        assertNull(d.recordings.current(), "a failed start leaves no recording");

        Path f = dir.resolve("one.trc");
        assertEquals("ok", control.execute("record start " + f));
        String again = control.execute("record start " + dir.resolve("two.trc"));
        assertTrue(again.startsWith("err already recording to " + f), again);
        assertTrue(Files.notExists(dir.resolve("two.trc")), "the second file is not made");
        d.chip.setInput(0, 1, Cause.USER);
        assertTrue(control.execute("record stop").startsWith("ok "));
        assertEquals(1, TraceReader.read(f).events(), "the first recording went on undisturbed");
        assertEquals("err not recording", control.execute("record stop"));
        assertTrue(control.execute("record").startsWith("err usage: record start FILE | record stop"));
        assertTrue(control.execute("record pause").startsWith("err usage:"));
        control.close();
    }
}
