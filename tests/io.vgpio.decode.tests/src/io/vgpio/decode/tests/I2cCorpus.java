package io.vgpio.decode.tests;

import io.vgpio.decode.I2cDecoder;
import java.util.ArrayList;
import java.util.List;

/** I2C traffic for the comparison with sigrok: normal, repeated starts, NACKs, stretching, glitches, cut off. */
final class I2cCorpus {
    private static final long BIT = 2_000; // 500 kHz

    private I2cCorpus() {
    }

    static Case of(String name, I2cBus bus) {
        return new Case("i2c-" + name, bus.wave, "i2c:scl=SCL:sda=SDA",
                "i2c=start:repeat-start:stop:ack:nack:address-read:address-write:data-read:data-write",
                I2cDecoder::new, new String[] {"SCL", "SDA"}, new int[] {1, 1});
    }

    static I2cBus bus(long jitterSeed) {
        return new I2cBus(I2cBus.newWave(), BIT, jitterSeed).idle(5_000);
    }

    /** The lm75 read: write the register pointer, then read two bytes after a repeated START. */
    static I2cBus lm75(I2cBus b) {
        return b.start().address(0x48, false, true).write(0x00, true).repeatStart().address(0x48, true, true)
                .write(0x17, true).write(0x80, false).stop();
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(of("lm75", lm75(bus(-1)).idle(5_000)));
        I2cBus many = bus(-1);
        for (int i = 0; i < 5; i++) {
            many.start().address(0x50 + i, false, true).write(i, true).write(0xa5, true).repeatStart()
                    .address(0x50 + i, true, true).write(0x3c, true).repeatStart().address(0x50 + i, true, true)
                    .write(0xff, false).stop().idle(3_000);
        }
        cases.add(of("repeated-starts", many));
        cases.add(of("nack", bus(-1).start().address(0x21, false, false).stop().idle(2_000).start()
                .address(0x48, false, true).write(0x01, false).stop().idle(2_000)));
        cases.add(of("stretching", bus(-1).start().address(0x48, false, true).stretch(40_000).write(0x00, true)
                .stretch(5_000).repeatStart().address(0x48, true, true).stretch(100_000).write(0x17, true)
                .write(0x80, false).stop().idle(2_000)));
        cases.add(of("irregular-clock", lm75(bus(7)).idle(2_000)));
        cases.add(of("glitches", bus(-1).start().address(0x48, false, true).glitch("SDA", 40).write(0x5a, true)
                .glitch("SCL", 30).write(0x00, true).stop().glitch("SDA", 20).idle(2_000)));
        I2cBus cut = lm75(bus(-1)).idle(2_000).start().address(0x48, false, true);
        cut.bit(1).bit(0).bit(1);
        cases.add(of("cut-off", cut));
        cases.add(of("ten-bit", bus(-1).start().write(0xf4, true).write(0xa5, true).write(0x11, true).repeatStart()
                .write(0xf5, true).write(0x22, false).stop().idle(2_000)));
        // SCL and SDA changing at the same instant (a sampled bus at a low rate): one sample for both decoders
        I2cBus together = bus(-1).start().address(0x48, false, true);
        together.wave.set("SCL", 1).set("SDA", 0).hold(500).set("SCL", 0).hold(500).set("SDA", 1).set("SCL", 1)
                .hold(500);
        together.write(0x42, true).stop().idle(2_000);
        cases.add(of("simultaneous-edges", together));
        return cases;
    }
}
