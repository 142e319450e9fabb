package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.payload.Level;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.SignalFiles;
import io.vgpio.decode.Signals;
import io.vgpio.trace.TraceWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace and a VCD of the same bus decode alike; lines are found by name, number and lineN. */
class SignalFilesTest {
    @TempDir
    Path dir;

    /** Records the wave's changes as a trace of a device whose lines 2 and 3 are SCL and SDA. */
    private Path trace(Wave wave, List<long[]> changes) throws Exception {
        Path file = dir.resolve("bus.trc");
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList(",,SCL,SDA").build();
        try (TraceWriter w = new TraceWriter(file, config, 0, 0)) {
            long seq = 0;
            for (long[] c : changes) {
                Level level = new Level(c[2], Cause.USER);
                w.add(seq++, c[0], EventKind.LEVEL, (int) c[1] + 2, level.a(), level.b());
            }
            w.endAt(wave.now());
        }
        return file;
    }

    private static Recorder decode(Signals s) {
        Recorder r = new Recorder();
        s.feed(new I2cDecoder(r), new int[] {s.line("SCL"), s.line("SDA")}, new int[] {1, 1});
        return r;
    }

    @Test
    void aTraceAndAVcdOfTheSameBusDecodeAlike() throws Exception {
        I2cBus bus = I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(2_000);
        List<long[]> changes = new java.util.ArrayList<>();
        // the device's lines start low: the trace raises SCL and SDA at time 0, which counts as their start level
        changes.add(new long[] {0, 0, 1});
        changes.add(new long[] {0, 1, 1});
        Signals fromWave = bus.wave.signals();
        Recorder expected = decode(fromWave);
        bus.wave.writeVcd(dir.resolve("bus.vcd"));
        Recorder fromVcd = decode(SignalFiles.read(dir.resolve("bus.vcd")));
        assertEquals(expected.annotations, fromVcd.annotations);
        changes.addAll(bus.wave.changeList());
        Signals traced = SignalFiles.read(trace(bus.wave, changes));
        assertEquals(List.of("line0", "line1", "SCL", "SDA"), traced.names());
        assertEquals(expected.annotations, decode(traced).annotations);
        assertEquals(List.of("write 0x48 [00]; read 0x48 [17 80]"), decode(traced).summaries());
    }

    @Test
    void linesByNameNumberOrLineN() throws Exception {
        Signals s = new Signals.Builder(List.of("SCL", "SDA", "line7"), new int[3]).build(10);
        assertEquals(1, s.line("SDA"));
        assertEquals(1, s.line("1"));
        assertEquals(0, s.line("line0"));
        assertEquals(2, s.line("line7"), "a name wins over a number");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.line("MOSI"));
        assertTrue(e.getMessage().contains("0 SCL, 1 SDA"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.line("3"));
    }
}
