package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.BaudDetector;
import io.vgpio.decode.Signals;
import io.vgpio.decode.UartDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class UartDecoderTest {
    static Recorder decode(Wave w, UartDecoder.Options o) {
        Recorder r = new Recorder();
        Signals s = w.signals();
        UartDecoder d = new UartDecoder(o, r);
        s.feed(d, new int[] {o.hasRx() ? s.line("RX") : -1, o.hasTx() ? s.line("TX") : -1}, d.idleLevels());
        return r;
    }

    static UartDecoder.Options rx(int baud, int bits, UartDecoder.Parity parity) {
        return new UartDecoder.Options(baud, bits, parity, 1, false, true, false);
    }

    @Test
    void framesAtTheirBaudRate() {
        Wave w = new Wave("RX");
        new UartLine(w, "RX", 115200, 8, "none", false).idleBits(2).text("Hi\n").idleBits(30);
        Recorder r = decode(w, rx(115200, 8, UartDecoder.Parity.NONE));
        assertEquals(List.of("rx-data 48", "rx-data 69", "rx-data 0a"), r.kinds());
        assertEquals(List.of("rx [48 69 0a] \"Hi.\""), r.summaries());
        Annotation first = r.annotations.get(0);
        // sigrok's span: half a bit before the first data bit's middle to half a bit after the last one's
        assertEquals(2 * 8681 + 8681 + 4340 - 4340, first.startNs(), 2);
    }

    @Test
    void parityAndFramingErrorsAndBreaks() {
        Wave w = new Wave("RX");
        new UartLine(w, "RX", 9600, 7, "odd", false).idleBits(2).frame(0x41).frame(0x42, true, 1)
                .frame(0x43, false, 0).idleBits(3).breakFor(20).idleBits(3);
        Recorder r = decode(w, rx(9600, 7, UartDecoder.Parity.ODD));
        assertEquals(List.of("rx-data 41", "rx-data 42", "parity-error", "rx-data 43", "frame-error", "rx-data 00",
                "parity-error", "frame-error", "break"), r.kinds());
    }

    @Test
    void stopBitsCountInHowLongABreakMustBe() {
        Wave w = new Wave("RX");
        new UartLine(w, "RX", 115200, 8, "none", false).idleBits(2).breakFor(10).idleBits(3);
        UartDecoder.Options one = rx(115200, 8, UartDecoder.Parity.NONE);
        UartDecoder.Options two = new UartDecoder.Options(115200, 8, UartDecoder.Parity.NONE, 2, false, true, false);
        assertEquals(List.of("rx-data 00", "frame-error", "break"), decode(w, one).kinds());
        assertEquals(List.of("rx-data 00", "frame-error"), decode(w, two).kinds());
    }

    @Test
    void invertedLinesAndNineBits() {
        Wave w = new Wave("RX");
        new UartLine(w, "RX", 38400, 9, "none", true).idleBits(2).frame(0x1a5).idleBits(3);
        Recorder r = decode(w, new UartDecoder.Options(38400, 9, UartDecoder.Parity.NONE, 2, true, true, false));
        assertEquals(List.of("rx-data 1a5"), r.kinds());
    }

    @Test
    void theBaudRateIsDetectedFromTheShortestPulse() {
        for (int baud : new int[] {9600, 115200, 1_000_000}) {
            Wave w = new Wave("RX");
            new UartLine(w, "RX", baud, 8, "none", false).idleBits(2).text("U?").idleBits(2);
            Signals s = w.signals();
            assertEquals(baud, BaudDetector.detect(s, s.line("RX"), -1));
        }
        assertEquals(12345, BaudDetector.fromPulse(81_004));
    }
}
