package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.payload.Level;
import io.vgpio.decode.AnnotationVcd;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.SignalFiles;
import io.vgpio.decode.Signals;
import io.vgpio.trace.TraceReader;
import io.vgpio.trace.TraceWriter;
import io.vgpio.trace.VcdWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotations exported into a trace's VCD as a string variable: GTKWave's {@code $var string}, values
 * {@code sTEXT}. The VCD stays readable by our own reader and by sigrok-cli, which decode it exactly as the trace.
 */
class AnnotationVcdTest {
    @TempDir
    Path dir;

    /** The LM75 read at 10 us a bit (the VCD's step is 1 us), on lines SCL 1 and SDA 2 of a trace. */
    private Path trace() throws Exception {
        Path file = dir.resolve("lm75.vgtrace");
        DeviceConfig config = DeviceConfig.builder().lines(3).namesList("LED,SCL,SDA").build();
        I2cBus bus = new I2cBus(I2cBus.newWave(), 10_000, -1).idle(20_000);
        List<long[]> changes = I2cCorpus.lm75(bus).idle(20_000).wave.changeList();
        try (TraceWriter w = new TraceWriter(file, config, 0, 0)) {
            long seq = 0;
            // the bus idles high from the start
            for (int line = 1; line <= 2; line++) {
                Level l = new Level(1, Cause.USER);
                w.add(seq++, 1_000, EventKind.LEVEL, line, l.a(), l.b());
            }
            for (long[] c : changes) {
                Level l = new Level((int) c[2], Cause.USER);
                w.add(seq++, c[0] + 2_000, EventKind.LEVEL, (int) c[1] + 1, l.a(), l.b());
            }
            w.endAt(bus.wave.now() + 10_000);
        }
        return file;
    }

    @Test
    void annotationsBecomeAStringVariableThatReadersSkip() throws Exception {
        Path trace = trace();
        Recorder fromTrace = new Recorder();
        SignalFiles.read(trace).feed(new I2cDecoder(fromTrace), new int[] {1, 2}, new int[] {1, 1});
        assertEquals(13, fromTrace.annotations.size());

        Path vcd = dir.resolve("lm75.vcd");
        TraceReader.Trace t = TraceReader.read(trace);
        long n = VcdWriter.write(t.log(), t.config(), 0, 0, vcd, AnnotationVcd.strings("i2c", fromTrace.annotations, 0));
        String text = Files.readString(vcd);
        assertTrue(text.contains("$scope module decoders $end\n$var string 1 "), text.substring(0, 600));
        assertTrue(text.contains("saddress-write_48 ") && text.contains("sstart ") && text.contains("sstop ")
                && text.contains("sdata-read_17 ") && text.contains("snack "), "the annotations' values");
        assertTrue(n > changes(text), "the count includes the strings' changes");

        // our reader skips the strings: the wires decode exactly as the trace did
        Signals fromVcd = SignalFiles.read(vcd);
        Recorder again = new Recorder();
        fromVcd.feed(new I2cDecoder(again), new int[] {fromVcd.line("SCL"), fromVcd.line("SDA")}, new int[] {1, 1});
        assertEquals(fromTrace.kinds(), again.kinds());

        // and so does sigrok-cli, which must not fail on the string variable
        List<Sigrok.Expected> sigrok = Sigrok.decode(vcd, "i2c:scl=SCL:sda=SDA",
                "i2c=start:repeat-start:stop:ack:nack:address-read:address-write:data-read:data-write");
        assertEquals(fromTrace.kinds(), sigrok.stream().map(Sigrok.Expected::kindAndValue).toList());
    }

    private static long changes(String vcd) {
        return vcd.lines().filter(l -> l.matches("[01].*")).count();
    }
}
