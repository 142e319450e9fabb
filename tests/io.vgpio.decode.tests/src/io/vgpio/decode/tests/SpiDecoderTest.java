package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vgpio.decode.Signals;
import io.vgpio.decode.SpiDecoder;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpiDecoderTest {
    static Recorder decode(SpiBus bus, SpiDecoder.Options o) {
        Recorder r = new Recorder();
        Signals s = bus.wave.signals();
        SpiDecoder d = new SpiDecoder(o, r);
        s.feed(d, new int[] {0, o.hasMosi() ? 1 : -1, o.hasMiso() ? 2 : -1, o.hasCs() ? 3 : -1}, d.idleLevels());
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void everyModeReadsItsOwnSamplingEdge(int mode) {
        SpiBus bus = SpiCorpus.bus(mode, false, 8, false).transfer(new int[] {0x9f, 0x01}, new int[] {0xef, 0x80});
        Recorder r = decode(bus, new SpiDecoder.Options(mode, false, false, 8, true, true, true));
        assertEquals(List.of("miso-data ef", "mosi-data 9f", "miso-data 80", "mosi-data 01"), r.kinds());
        assertEquals(List.of("mosi [9f 01] miso [ef 80]"), r.summaries());
    }

    @Test
    void theWrongModeReadsSomethingElse() {
        SpiBus bus = SpiCorpus.bus(1, false, 8, false).transfer(new int[] {0x9f}, new int[] {0xef});
        Recorder r = decode(bus, new SpiDecoder.Options(0, false, false, 8, true, true, true));
        assertEquals(2, r.kinds().size());
        assertEquals(false, r.kinds().contains("mosi-data 9f"));
    }

    @Test
    void lsbFirstAndWideWords() {
        SpiBus lsb = SpiCorpus.bus(0, true, 8, false).transfer(new int[] {0x01}, new int[] {0x80});
        assertEquals(List.of("miso-data 80", "mosi-data 01"),
                decode(lsb, new SpiDecoder.Options(0, true, false, 8, true, true, true)).kinds());
        SpiBus wide = SpiCorpus.bus(0, false, 12, false).transfer(new int[] {0xabc}, new int[] {0x123});
        assertEquals(List.of("mosi-data abc"),
                decode(wide, new SpiDecoder.Options(0, false, false, 12, true, false, true)).kinds());
    }

    @Test
    void withoutCsEveryWordIsATransaction() {
        SpiBus bus = SpiCorpus.bus(0, false, 8, false).transfer(new int[] {0x10, 0x20}, new int[] {0, 0});
        Recorder r = decode(bus, new SpiDecoder.Options(0, false, false, 8, true, false, false));
        assertEquals(List.of("mosi [10]", "mosi [20]"), r.summaries());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SpiDecoder.Options(4, false, false, 8, true, true,
                true));
        assertThrows(IllegalArgumentException.class, () -> new SpiDecoder.Options(0, false, false, 8, false, false,
                true));
    }
}
