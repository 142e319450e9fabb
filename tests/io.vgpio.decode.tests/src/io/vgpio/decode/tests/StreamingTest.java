package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.decode.Decoder;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.UartDecoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoders are fed incrementally, as they will be live on the event log: edges one at a time with
 * {@link Decoder#advance} between them whenever time passed, and the result must be what a whole file gives.
 */
class StreamingTest {
    /** Feeds the wave edge by edge, telling the decoder every {@code tick} ns that time went on. */
    static void feedLive(Wave wave, String[] lines, int[] initial, Decoder d, long tick) {
        List<long[]> edges = new ArrayList<>();
        io.vgpio.decode.Signals s = wave.signals();
        int[] channelLines = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            channelLines[i] = s.line(lines[i]);
        }
        s.feed(new Decoder() {
            @Override
            public void begin(long timeNs, int[] levels) {
                d.begin(timeNs, levels);
            }

            @Override
            public void change(long timeNs, int channel, int level) {
                edges.add(new long[] {timeNs, channel, level});
            }

            @Override
            public void advance(long timeNs) {
            }

            @Override
            public void end(long endNs) {
                long now = 0;
                for (long[] e : edges) {
                    while (now + tick < e[0]) {
                        now += tick;
                        d.advance(now);
                    }
                    d.change(e[0], (int) e[1], (int) e[2]);
                }
                d.end(endNs);
            }
        }, channelLines, initial);
    }

    @Test
    void i2cLiveEqualsI2cFromAFile() {
        I2cBus bus = I2cCorpus.lm75(I2cCorpus.bus(5)).idle(1_000);
        Recorder live = new Recorder();
        feedLive(bus.wave, new String[] {"SCL", "SDA"}, new int[] {1, 1}, new I2cDecoder(live), 700);
        assertEquals(I2cDecoderTest.decode(bus).annotations, live.annotations);
        assertEquals(I2cDecoderTest.decode(bus).transactions, live.transactions);
    }

    @Test
    void uartLiveEqualsUartFromAFile() {
        Wave w = new Wave("RX");
        new UartLine(w, "RX", 115200, 8, "none", false).idleBits(2).text("live").breakFor(20).idleBits(2);
        UartDecoder.Options o = new UartDecoder.Options(115200, 8, UartDecoder.Parity.NONE, 1, false, true, false);
        Recorder file = new Recorder();
        io.vgpio.decode.Signals s = w.signals();
        s.feed(new UartDecoder(o, file), new int[] {0, -1}, new int[] {1, 1});
        Recorder live = new Recorder();
        feedLive(w, new String[] {"RX"}, new int[] {1, 1}, new UartDecoder(o, live), 1_000);
        assertEquals(file.annotations, live.annotations);
        assertEquals(List.of("rx-data 6c", "rx-data 69", "rx-data 76", "rx-data 65", "rx-data 00", "frame-error",
                "break"), file.kinds());
    }
}
