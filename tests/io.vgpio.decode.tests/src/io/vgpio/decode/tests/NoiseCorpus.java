package io.vgpio.decode.tests;

import io.vgpio.decode.I2cDecoder;
import io.vgpio.decode.OneWireDecoder;
import io.vgpio.decode.SpiDecoder;
import io.vgpio.decode.UartDecoder;
import java.util.List;
import java.util.Random;

/**
 * Random edges for the comparison with sigrok: where the generated traffic follows the rules, noise takes every
 * path of the state machines (starts inside bytes, pulses of every width, edges at a sample point), so both
 * decoders must agree on what they make of it as well.
 */
final class NoiseCorpus {
    private NoiseCorpus() {
    }

    /**
     * {@code edges} random changes on the named lines, 1 ns to {@code maxGap} ns apart, mostly short; the last line
     * changes only one time in {@code lastRarity} (a chip select that stays put for a few words).
     */
    static Wave noise(long seed, int edges, long maxGap, int lastRarity, String... lines) {
        Random r = new Random(seed);
        Wave w = new Wave(lines);
        for (String line : lines) {
            w.initial(line, 1);
        }
        w.hold(1_000);
        for (int i = 0; i < edges; i++) {
            w.hold(1 + (long) (Math.pow(r.nextDouble(), 3) * maxGap));
            int pick = r.nextInt(lines.length - 1 + (r.nextInt(lastRarity) == 0 ? 1 : 0));
            String line = lines[pick];
            w.set(line, 1 - w.level(line));
        }
        return w.hold(maxGap);
    }

    static List<Case> cases() {
        SpiDecoder.Options spi = new SpiDecoder.Options(1, false, false, 8, true, true, true);
        UartDecoder.Options uart = new UartDecoder.Options(115200, 8, UartDecoder.Parity.EVEN, 1, false, true,
                true);
        return List.of(
                new Case("noise-i2c", noise(1, 3_000, 5_000, 1, "SCL", "SDA"), "i2c:scl=SCL:sda=SDA",
                        "i2c=start:repeat-start:stop:ack:nack:address-read:address-write:data-read:data-write",
                        I2cDecoder::new, new String[] {"SCL", "SDA"}, new int[] {1, 1}),
                new Case("noise-spi", noise(2, 3_000, 5_000, 50, "CLK", "MOSI", "MISO", "CS"),
                        "spi:clk=CLK:mosi=MOSI:miso=MISO:cs=CS:cpol=0:cpha=1", "spi=miso-data:mosi-data",
                        l -> new SpiDecoder(spi, l), new String[] {"CLK", "MOSI", "MISO", "CS"},
                        new int[] {0, 0, 0, 1}),
                new Case("noise-uart", noise(3, 3_000, 60_000, 1, "RX", "TX"),
                        "uart:rx=RX:tx=TX:baudrate=115200:parity=even:stop_bits=1.0",
                        "uart=rx-data:tx-data:rx-parity-err:tx-parity-err:rx-warnings:tx-warnings:rx-break:tx-break",
                        l -> new UartDecoder(uart, l), new String[] {"RX", "TX"}, new int[] {1, 1}),
                new Case("noise-onewire", noise(4, 1_000, 300_000, 1, "OWR"), "onewire_link:owr=OWR",
                        "onewire_link=reset:presence:bit", l -> new OneWireDecoder(false, l), new String[] {"OWR"},
                        new int[] {1}));
    }
}
