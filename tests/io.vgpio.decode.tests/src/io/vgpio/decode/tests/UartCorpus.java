package io.vgpio.decode.tests;

import io.vgpio.decode.UartDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** UART for the comparison with sigrok: several baud rates and frame formats, errors, breaks, glitches. */
final class UartCorpus {
    private UartCorpus() {
    }

    static Case of(String name, Wave wave, int baud, int bits, String parity, double stop, boolean invert,
            boolean rx, boolean tx) {
        StringBuilder sigrok = new StringBuilder("uart").append(rx ? ":rx=RX" : "").append(tx ? ":tx=TX" : "");
        sigrok.append(":baudrate=").append(baud).append(":data_bits=").append(bits).append(":parity=").append(parity);
        sigrok.append(":stop_bits=").append(String.format(Locale.ROOT, "%.1f", stop));
        sigrok.append(invert ? ":invert_rx=yes:invert_tx=yes" : "");
        UartDecoder.Options options = new UartDecoder.Options(baud, bits,
                UartDecoder.Parity.valueOf(parity.toUpperCase(Locale.ROOT)), stop, invert, rx, tx);
        int idle = invert ? 0 : 1;
        return new Case("uart-" + name, wave, sigrok.toString(),
                "uart=rx-data:tx-data:rx-parity-err:tx-parity-err:rx-warnings:tx-warnings:rx-break:tx-break",
                l -> new UartDecoder(options, l), new String[] {rx ? "RX" : null, tx ? "TX" : null},
                new int[] {idle, idle});
    }

    static UartLine line(Wave w, String name, int baud, int bits, String parity, boolean invert) {
        return new UartLine(w, name, baud, bits, parity, invert);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int baud : new int[] {9600, 115200, 1_000_000}) {
            Wave w = new Wave("RX");
            line(w, "RX", baud, 8, "none", false).idleBits(3).text("Hi!\r\n").idleBits(5);
            cases.add(of(baud + "-8n1", w, baud, 8, "none", 1, false, true, false));
        }
        Wave errors = new Wave("RX");
        line(errors, "RX", 115200, 8, "none", false).idleBits(3).frame('A').frame('B', false, 0).idleBits(2)
                .frame('C').idleBits(4).breakFor(25).idleBits(4).frame('D').idleBits(3);
        cases.add(of("framing-and-break", errors, 115200, 8, "none", 1, false, true, false));
        Wave parity = new Wave("RX");
        line(parity, "RX", 57600, 7, "even", false).idleBits(3).frame(0x41).frame(0x42, true, 1).frame(0x7f)
                .idleBits(3);
        cases.add(of("7e1-parity-error", parity, 57600, 7, "even", 1, false, true, false));
        Wave odd = new Wave("RX");
        line(odd, "RX", 19200, 8, "odd", false).idleBits(3).frame(0x00).frame(0xff, true, 1).frame(0x5a).idleBits(3);
        cases.add(of("8o1", odd, 19200, 8, "odd", 1, false, true, false));
        Wave nine = new Wave("RX");
        line(nine, "RX", 250000, 9, "none", false).idleBits(3).frame(0x1ff).frame(0x100).frame(0x0a5).idleBits(3);
        cases.add(of("9-bit", nine, 250000, 9, "none", 1, false, true, false));
        Wave five = new Wave("RX");
        line(five, "RX", 1200, 5, "none", false).idleBits(2).frame(0x1f).frame(0x0a).idleBits(2);
        cases.add(of("5-bit", five, 1200, 5, "none", 1.5, false, true, false));
        // a low of ten bit times is a break with one stop bit (a frame is 10 bits), not with two (11 bits)
        for (double stop : new double[] {1, 2}) {
            Wave w = new Wave("RX");
            line(w, "RX", 115200, 8, "none", false).idleBits(3).frame('x').idleBits(2).breakFor(10).idleBits(3)
                    .frame('y').idleBits(3);
            cases.add(of("stop" + (int) stop + "-break-of-10-bits", w, 115200, 8, "none", stop, false, true, false));
        }
        Wave inverted = new Wave("RX");
        line(inverted, "RX", 115200, 8, "none", true).idleBits(3).text("inv").breakFor(30).idleBits(3);
        cases.add(of("inverted", inverted, 115200, 8, "none", 1, true, true, false));
        Wave glitch = new Wave("RX");
        line(glitch, "RX", 9600, 8, "none", false).idleBits(2).glitch(500).idleBits(2).text("ok").glitch(100)
                .idleBits(3);
        cases.add(of("glitches", glitch, 9600, 8, "none", 1, false, true, false));
        Wave both = new Wave("RX", "TX");
        UartLine tx = line(both, "TX", 115200, 8, "none", false);
        line(both, "RX", 115200, 8, "none", false).idleBits(3).text("AT\r");
        long rxEnd = both.now();
        both.at(3 * 8_681 + 4_000);
        tx.text("OK").frame('!', false, 0);
        both.at(Math.max(rxEnd, both.now()) + 50_000);
        cases.add(of("rx-and-tx", both, 115200, 8, "none", 1, false, true, true));
        Wave cut = new Wave("TX");
        line(cut, "TX", 115200, 8, "none", false).idleBits(2).text("cut");
        cut.cutAt(cut.now() - 4 * 8_681);
        cases.add(of("cut-off", cut, 115200, 8, "none", 1, false, false, true));
        return cases;
    }
}
