package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventLog;
import io.vgpio.core.payload.Level;
import io.vgpio.core.Cause;
import io.vgpio.decode.view.AnnotationLayout;
import io.vgpio.decode.view.AnnotationTrack;
import io.vgpio.decode.view.DecoderRun;
import io.vgpio.decode.view.DecoderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The waveform's decoder lane without a display: a spec checked against a device's lines, a run decoding a log
 * incrementally, and the layout of its annotations at several zooms.
 */
class DecoderLaneTest {
    private static final List<String> NAMES = List.of("LED", "SCL", "SDA", "line3");
    /** Monospaced text, 7 px a character, so the test knows what fits. */
    private static int width(String s) {
        return 7 * s.length();
    }

    @Test
    void aSpecReadsBackAsItWasWrittenAndNamesLinesByNameOrNumber() {
        DecoderSpec spec = DecoderSpec.parse("i2c --sda 2 --scl SCL");
        assertEquals("i2c --scl SCL --sda 2", spec.text());
        assertEquals(spec, DecoderSpec.parse(spec.text()));
        assertEquals("I2C SCL/2", spec.title());
        DecoderSpec.Binding b = spec.check(NAMES);
        assertEquals(1, b.channelLines()[0]);
        assertEquals(2, b.channelLines()[1]);
        assertEquals("uart --rx 3 --baud 9600 --invert", DecoderSpec.parse("uart --rx 3 --invert --baud 9600").text());
    }

    @Test
    void mistakesAreOneSentenceNamingThem() {
        assertEquals("SDA: the device has no line 'SDX' (lines 0 to 3, or their names)",
                message("i2c --scl SCL --sda SDX"));
        assertEquals("choose the line for SDA", message("i2c --scl SCL"));
        assertEquals("SDA and another channel are both line SCL; give each channel its own line",
                message("i2c --scl SCL --sda SCL"));
        assertEquals("give the baud rate (live decoding cannot detect it)", message("uart --rx 1"));
        assertEquals("SPI mode must be 0, 1, 2 or 3, not 7", message("spi --clk 1 --mosi 2 --mode 7"));
        assertEquals("mode must be a whole number, not 'x'", message("spi --clk 1 --mosi 2 --mode x"));
        assertThrows(IllegalArgumentException.class, () -> DecoderSpec.parse("can --tx 1"));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> DecoderSpec.parse(spec).check(NAMES))
                .getMessage();
    }

    /** The LM75 read of the corpus, put on lines 1 and 2 of a log (ns since its start). */
    static EventLog lm75Log() {
        EventLog log = new EventLog(1 << 14, 0, 0);
        for (long[] c : I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(5_000).wave.changeList()) {
            log.append(c[0], (int) c[1] + 1, new Level((int) c[2], Cause.USER));
        }
        return log;
    }

    @Test
    void aRunDecodesTheLogIncrementallyIntoTheTrack() {
        EventLog log = new EventLog(1 << 14, 0, 0);
        List<long[]> changes = I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(5_000).wave.changeList();
        DecoderRun run = new DecoderRun(DecoderSpec.parse("i2c --scl SCL --sda SDA").check(NAMES), log, -1);
        int half = changes.size() / 2;
        for (int i = 0; i < changes.size(); i++) {
            long[] c = changes.get(i);
            log.append(c[0], (int) c[1] + 1, new Level((int) c[2], Cause.USER));
            if (i == half) {
                run.poll(c[0]);
            }
        }
        int firstHalf = run.track().annotations().size();
        assertTrue(firstHalf > 0 && firstHalf < 15, "part of the transfer after half the edges: " + firstHalf);
        run.poll(changes.get(changes.size() - 1)[0] + 1_000); // time went on past the STOP
        assertEquals(List.of("start", "address-write 48", "ack", "data-write 00", "ack", "repeat-start",
                "address-read 48", "ack", "data-read 17", "ack", "data-read 80", "nack", "stop"),
                run.track().annotations().stream().map(a -> a.text()).toList());
        assertEquals("write 0x48 [00]; read 0x48 [17 80]", run.track().transactions().get(0).summary());
    }

    @Test
    void aTraceRunEndsAtTheTraceEndAndReportsACutTransaction() {
        EventLog log = new EventLog(1 << 14, 0, 0);
        List<long[]> changes = I2cCorpus.lm75(I2cCorpus.bus(-1)).wave.changeList();
        for (long[] c : changes.subList(0, changes.size() - 20)) {
            log.append(c[0], (int) c[1] + 1, new Level((int) c[2], Cause.USER));
        }
        DecoderRun run = new DecoderRun(DecoderSpec.parse("i2c --scl 1 --sda 2").check(NAMES), log, 1_000_000);
        run.poll(0);
        assertTrue(run.ended());
        assertTrue(run.track().transactions().get(0).summary().endsWith("(cut off)"),
                run.track().transactions().get(0).summary());
    }

    @Test
    void detailFollowsTheZoomAndBoxesNeverOverlap() {
        AnnotationTrack.Row row = decodedLm75().row(0);
        long end = row.end(row.count() - 1);
        // the whole transfer in 60 px: no byte's text fits (the last STOP has room for its P), dense blocks
        List<AnnotationLayout.Box> far = AnnotationLayout.layout(row, 0, end * 2, 60, DecoderLaneTest::width);
        assertTrue(far.stream().allMatch(b -> b.text().length() <= 1), far.toString());
        assertTrue(far.stream().anyMatch(AnnotationLayout.Box::dense));
        // a byte 80 px wide: every annotation its own box, bytes with their short text, no bits
        long window = end + end / 10;
        int columns = (int) (75 * window / (row.end(8) - row.start(8)));
        List<AnnotationLayout.Box> bytes = AnnotationLayout.layout(row, 0, window, columns, DecoderLaneTest::width);
        assertEquals(13, bytes.stream().filter(b -> b.tier() == 0).count());
        assertTrue(texts(bytes).containsAll(List.of("S", "A 48 W", "D 00", "A 48 R", "D 17", "D 80", "P")), texts(bytes).toString());
        assertTrue(bytes.stream().noneMatch(b -> b.tier() == 1));
        // zoomed in on one byte: its long text and its bits, most significant first
        long from = row.start(8);
        List<AnnotationLayout.Box> bits = AnnotationLayout.layout(row, from, row.end(8), 800,
                DecoderLaneTest::width);
        assertTrue(texts(bits).contains("Data read 17"), texts(bits).toString());
        assertEquals("00010111", String.join("", bits.stream().filter(b -> b.tier() == 1 && b.index() == 8)
                .map(AnnotationLayout.Box::text).toList()));
        for (List<AnnotationLayout.Box> l : List.of(far, bytes, bits)) {
            assertNoOverlap(l);
        }
    }

    @Test
    void aMillionAnnotationsZoomedOutCostAboutOneStepPerColumn() {
        AnnotationTrack track = new AnnotationTrack();
        for (int i = 0; i < 1_000_000; i++) {
            track.annotation(new io.vgpio.decode.Annotation(i * 100L, i * 100L + 90,
                    io.vgpio.decode.AnnotationKind.DATA_WRITE, i & 0xff, 0));
        }
        List<AnnotationLayout.Box> boxes = AnnotationLayout.layout(track.row(0), 0, 100_000_000L, 1000,
                DecoderLaneTest::width);
        assertTrue(boxes.size() <= 2, "one dense block (or two), not a million boxes: " + boxes.size());
        assertNoOverlap(boxes);
    }

    private static AnnotationTrack decodedLm75() {
        DecoderRun run = new DecoderRun(DecoderSpec.parse("i2c --scl SCL --sda SDA").check(NAMES), lm75Log(),
                -1);
        run.poll(Long.MAX_VALUE / 2);
        return run.track();
    }

    private static List<String> texts(List<AnnotationLayout.Box> boxes) {
        return boxes.stream().filter(b -> b.tier() == 0).map(AnnotationLayout.Box::text).toList();
    }

    private static void assertNoOverlap(List<AnnotationLayout.Box> boxes) {
        for (int tier = 0; tier < 2; tier++) {
            double last = Double.NEGATIVE_INFINITY;
            for (AnnotationLayout.Box b : boxes) {
                if (b.tier() != tier) {
                    continue;
                }
                assertTrue(b.x0() >= last - 1e-9, "box " + b + " overlaps the one before, ending at " + last);
                assertTrue(b.x1() >= b.x0(), b.toString());
                last = b.x1();
            }
        }
    }
}
