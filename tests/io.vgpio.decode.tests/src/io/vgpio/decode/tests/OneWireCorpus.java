package io.vgpio.decode.tests;

import io.vgpio.decode.OneWireDecoder;
import java.util.ArrayList;
import java.util.List;

/** 1-Wire for the comparison with sigrok: resets with and without presence, bytes, overdrive. */
final class OneWireCorpus {
    private OneWireCorpus() {
    }

    static Case of(String name, OneWireBus bus, boolean overdrive) {
        return new Case("onewire-" + name, bus.wave, "onewire_link:owr=OWR" + (overdrive ? ":overdrive=yes" : ""),
                "onewire_link=reset:presence:bit", l -> new OneWireDecoder(overdrive, l), new String[] {"OWR"},
                new int[] {1});
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(of("convert", new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0xcc).write(0x44)
                .idle(20_000).reset(false).idle(20_000), false));
        cases.add(of("read-rom", new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0x33)
                .write(0x28).write(0xff).write(0x4c).idle(50_000), false));
        OneWireBus od = new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0x3c).overdrive(true);
        od.write(0xa5).overdriveReset().write(0x0f).overdrive(false).idle(5_000).reset(true).write(0xcc)
                .idle(10_000);
        cases.add(of("overdrive", od, false));
        OneWireBus cut = new OneWireBus(OneWireBus.newWave()).idle(10_000).reset(true).write(0xcc);
        cut.wave.set("OWR", 0).hold(30_000);
        cases.add(of("cut-off", cut, false));
        return cases;
    }
}
