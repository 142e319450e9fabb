package io.vgpio.decode.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.DecodeListener;
import io.vgpio.decode.Decoder;
import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.OneWireDecoder;
import io.vgpio.decode.Signals;
import io.vgpio.decode.SpiDecoder;
import io.vgpio.decode.UartDecoder;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Noise on every channel, at every time scale from 1 ns to a millisecond (the input of a decoder pointed at the
 * wrong lines): no decoder may throw, hang or put an annotation outside the input or end it before it starts.
 */
class RandomEdgesTest {
    record Subject(String name, Function<DecodeListener, Decoder> decoder, int channels) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Subject> decoders() {
        return Stream.of(new Subject("i2c", I2cDecoder::new, 2),
                new Subject("spi", l -> new SpiDecoder(new SpiDecoder.Options(3, true, false, 7, true, true, true), l),
                        4),
                new Subject("uart", l -> new UartDecoder(new UartDecoder.Options(1_000_000, 9,
                        UartDecoder.Parity.EVEN, 1.5, false, true, true), l), 2),
                new Subject("uart-fastest", l -> new UartDecoder(new UartDecoder.Options(100_000_000, 5,
                        UartDecoder.Parity.ODD, 2, true, true, true), l), 2),
                new Subject("onewire", l -> new OneWireDecoder(false, l), 1),
                new Subject("onewire-overdrive", l -> new OneWireDecoder(true, l), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void noiseNeitherBreaksNorConfusesADecoder(Subject subject) {
        Random r = new Random(subject.name().hashCode());
        List<String> names = List.of("A", "B", "C", "D");
        Signals.Builder b = new Signals.Builder(names, new int[4]);
        long t = 0;
        int[] level = new int[4];
        for (int i = 0; i < 200_000; i++) {
            long scale = (long) Math.pow(10, r.nextInt(7)); // 1 ns to 1 ms
            t += 1 + (long) (r.nextDouble() * scale);
            int line = r.nextInt(subject.channels());
            level[line] ^= 1;
            b.change(t, line, level[line]);
        }
        long end = t + 1;
        Signals s = b.build(end);
        long[] count = {0};
        DecodeListener check = new DecodeListener() {
            @Override
            public void annotation(Annotation a) {
                count[0]++;
                // a UART frame's span reaches half a bit past its last sample, which may lie past the end
                assertTrue(0 <= a.startNs() && a.startNs() <= a.endNs() && a.startNs() < end
                        && a.endNs() < end + 1_000, a.toString());
            }
        };
        s.feed(subject.decoder().apply(check), new int[] {0, 1, 2, 3}, new int[4]);
        assertTrue(count[0] > 0, subject + " found nothing at all in 200,000 random edges");
    }
}
