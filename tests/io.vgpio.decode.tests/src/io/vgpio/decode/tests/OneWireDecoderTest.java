package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.decode.OneWireDecoder;
import io.vgpio.decode.Signals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneWireDecoderTest {
    static Recorder decode(OneWireBus bus) {
        Recorder r = new Recorder();
        Signals s = bus.wave.signals();
        s.feed(new OneWireDecoder(false, r), new int[] {0}, new int[] {1});
        return r;
    }

    static List<String> bits(int value) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            l.add("bit 0" + (value >> i & 1));
        }
        return l;
    }

    @Test
    void resetPresenceAndBytes() {
        Recorder r = decode(new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0xcc).write(0x44)
                .idle(10_000));
        List<String> want = new ArrayList<>(List.of("reset", "presence 01"));
        want.addAll(bits(0xcc));
        want.add("byte cc");
        want.addAll(bits(0x44));
        want.add("byte 44");
        assertEquals(want, r.kinds());
        assertEquals(List.of("reset, presence [cc 44]"), r.summaries());
    }

    @Test
    void aResetNobodyAnswers() {
        Recorder r = decode(new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(false).idle(10_000));
        assertEquals(List.of("reset", "presence 00"), r.kinds());
        assertEquals(List.of("reset, no presence []"), r.summaries());
    }

    @Test
    void overdriveSkipRomSwitchesToOverdriveTiming() {
        OneWireBus bus = new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0x3c).overdrive(true);
        bus.write(0xa5).idle(10_000);
        Recorder r = decode(bus);
        assertEquals("byte a5", r.kinds().get(r.kinds().size() - 1));
        assertEquals(List.of("reset, presence [3c a5]"), r.summaries());
    }
}
