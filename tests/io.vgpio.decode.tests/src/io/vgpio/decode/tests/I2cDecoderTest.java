package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.AnnotationKind;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.Signals;
import java.util.List;
import org.junit.jupiter.api.Test;

class I2cDecoderTest {
    static Recorder decode(I2cBus bus) {
        Recorder r = new Recorder();
        Signals s = bus.wave.signals();
        s.feed(new I2cDecoder(r), new int[] {s.line("SCL"), s.line("SDA")}, new int[] {1, 1});
        return r;
    }

    @Test
    void lm75ReadIsAWriteOfThePointerThenARead() {
        Recorder r = decode(I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(1_000));
        assertEquals(List.of("start", "address-write 48", "ack", "data-write 00", "ack", "repeat-start",
                "address-read 48", "ack", "data-read 17", "ack", "data-read 80", "nack", "stop"), r.kinds());
        assertEquals(List.of("write 0x48 [00]; read 0x48 [17 80]"), r.summaries());
    }

    @Test
    void timesFollowTheEdges() {
        I2cBus bus = I2cCorpus.bus(-1);
        long start = bus.wave.now();
        Recorder r = decode(I2cCorpus.lm75(bus).idle(1_000));
        Annotation s = r.annotations.get(0);
        assertEquals(AnnotationKind.START, s.kind());
        assertEquals(start, s.startNs());
        assertEquals(start, s.endNs());
        Annotation address = r.annotations.get(1);
        // the address starts at the first bit's SCL rise (start + 2 quarter periods + SDA setup)
        assertEquals(start + 1_500, address.startNs());
        assertEquals(r.transactions.get(0).startNs(), start);
        assertEquals(r.transactions.get(0).endNs(), r.annotations.get(12).startNs());
    }

    @Test
    void aRefusedAddressIsMarked() {
        Recorder r = decode(I2cCorpus.bus(-1).start().address(0x21, false, false).stop().idle(1_000));
        assertEquals(List.of("start", "address-write 21", "nack", "stop"), r.kinds());
        assertEquals(List.of("write 0x21 [] NACK"), r.summaries());
    }

    @Test
    void aStretchedAndIrregularClockDecodesTheSame() {
        Recorder steady = decode(I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(1_000));
        I2cBus slow = I2cCorpus.bus(3).start().address(0x48, false, true).stretch(1_000_000).write(0x00, true)
                .repeatStart().address(0x48, true, true).stretch(250_000).write(0x17, true).write(0x80, false)
                .stop().idle(1_000);
        assertEquals(steady.kinds(), decode(slow).kinds());
    }

    @Test
    void tenBitAddressesAreNamedInTheSummary() {
        Recorder r = decode(I2cCorpus.bus(-1).start().write(0xf4, true).write(0xa5, true).write(0x11, true)
                .repeatStart().write(0xf5, true).write(0x22, false).stop().idle(1_000));
        assertEquals(List.of("write 0x2a5 (10-bit) [11]; read 0x2a5 (10-bit) [22]"), r.summaries());
        // the annotations stay sigrok's: the first address byte as a 7-bit address, the low byte as data
        assertEquals("address-write 7a", r.kinds().get(1));
        assertEquals("data-write a5", r.kinds().get(3));
    }

    @Test
    void aTransactionCutByTheEndIsReportedAsCut() {
        I2cBus bus = I2cCorpus.lm75(I2cCorpus.bus(-1)).idle(1_000).start().address(0x48, false, true);
        bus.bit(1).bit(0);
        Recorder r = decode(bus);
        assertEquals(List.of("write 0x48 [00]; read 0x48 [17 80]", "write 0x48 []; (cut off)"), r.summaries());
        assertEquals("ack", r.kinds().get(r.kinds().size() - 1));
    }

    @Test
    void simultaneousChangesAreOneSample() {
        // SCL rises and SDA falls at the same instant: sigrok sees SCL high and SDA falling in one sample, a START
        Wave w = I2cBus.newWave().initial("SCL", 0).initial("SDA", 1);
        w.hold(1_000).set("SCL", 1).set("SDA", 0).hold(1_000).set("SCL", 0).hold(1_000);
        Recorder r = new Recorder();
        Signals s = w.signals();
        s.feed(new I2cDecoder(r), new int[] {0, 1}, new int[] {1, 1});
        assertEquals(List.of("start"), r.kinds());
    }
}
