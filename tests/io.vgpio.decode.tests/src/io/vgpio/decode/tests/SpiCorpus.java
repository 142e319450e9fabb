package io.vgpio.decode.tests;

import io.vgpio.decode.SpiDecoder;
import java.util.ArrayList;
import java.util.List;

/** SPI for the comparison with sigrok: the four modes, bit orders, word sizes, without CS, one direction only. */
final class SpiCorpus {
    private static final long BIT = 1_000;
    private static final int[] MOSI = {0x9f, 0x00, 0x00, 0x5a};
    private static final int[] MISO = {0xff, 0xef, 0x40, 0x18};

    private SpiCorpus() {
    }

    /** A case; {@code mosi}/{@code miso}/{@code cs} say which lines both decoders get. */
    static Case of(String name, SpiBus bus, int mode, boolean lsb, int wordSize, boolean csHigh, boolean mosi,
            boolean miso, boolean cs) {
        StringBuilder sigrok = new StringBuilder("spi:clk=CLK");
        sigrok.append(mosi ? ":mosi=MOSI" : "").append(miso ? ":miso=MISO" : "").append(cs ? ":cs=CS" : "");
        sigrok.append(":cpol=").append(mode >> 1).append(":cpha=").append(mode & 1);
        sigrok.append(lsb ? ":bitorder=lsb-first" : "").append(":wordsize=").append(wordSize);
        sigrok.append(csHigh ? ":cs_polarity=active-high" : "");
        SpiDecoder.Options options = new SpiDecoder.Options(mode, lsb, csHigh, wordSize, mosi, miso, cs);
        return new Case("spi-" + name, bus.wave, sigrok.toString(), "spi=miso-data:mosi-data",
                l -> new SpiDecoder(options, l),
                new String[] {"CLK", mosi ? "MOSI" : null, miso ? "MISO" : null, cs ? "CS" : null},
                new int[] {mode >> 1, 0, 0, csHigh ? 0 : 1});
    }

    static SpiBus bus(int mode, boolean lsb, int wordSize, boolean csHigh) {
        return new SpiBus(SpiBus.newWave(), mode, lsb, wordSize, csHigh, BIT).idle(3_000);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int mode = 0; mode < 4; mode++) {
            SpiBus b = bus(mode, false, 8, false).transfer(MOSI, MISO).idle(2_000).transfer(new int[] {0x01},
                    new int[] {0x80}).idle(2_000);
            cases.add(of("mode" + mode, b, mode, false, 8, false, true, true, true));
        }
        cases.add(of("lsb-first", bus(0, true, 8, false).transfer(MOSI, MISO).idle(2_000), 0, true, 8, false, true,
                true, true));
        cases.add(of("word16", bus(3, false, 16, false).transfer(new int[] {0xbeef, 0x1234},
                new int[] {0x0f0f, 0xa55a}).idle(2_000), 3, false, 16, false, true, true, true));
        cases.add(of("cs-active-high", bus(1, false, 8, true).transfer(MOSI, MISO).idle(2_000), 1, false, 8, true,
                true, true, true));
        cases.add(of("no-cs", bus(0, false, 8, false).transfer(MOSI, MISO).idle(2_000), 0, false, 8, false, true,
                true, false));
        cases.add(of("mosi-only", bus(2, false, 8, false).transfer(MOSI, MISO).idle(2_000), 2, false, 8, false, true,
                false, true));
        cases.add(of("miso-only", bus(0, false, 8, false).transfer(MOSI, MISO).idle(2_000), 0, false, 8, false, false,
                true, true));
        // CS released in the middle of a word: the partial word is dropped, the next transfer starts afresh
        SpiBus cut = bus(0, false, 8, false).select();
        cut.word(0xaa, 0x55);
        new SpiBus(cut.wave, 0, false, 4, false, BIT).word(0xf, 0x3);
        cut.release().transfer(MOSI, MISO).idle(2_000);
        cases.add(of("cs-mid-word", cut, 0, false, 8, false, true, true, true));
        SpiBus end = bus(0, false, 8, false).transfer(MOSI, MISO).select();
        end.word(0x12, 0x34);
        new SpiBus(end.wave, 0, false, 3, false, BIT).word(0x7, 0x7);
        cases.add(of("cut-off", end, 0, false, 8, false, true, true, true));
        return cases;
    }
}
