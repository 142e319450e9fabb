package io.vgpio.decode.tests;

/** Drives a 1-Wire line (OWR) of a {@link Wave}: resets with or without presence, write and read slots. */
final class OneWireBus {
    final Wave wave;
    private boolean overdrive;

    OneWireBus(Wave wave) {
        this.wave = wave;
        wave.initial("OWR", 1);
    }

    static Wave newWave() {
        return new Wave("OWR");
    }

    private long us(double micros) {
        return Math.round((overdrive ? micros / 8 : micros) * 1000);
    }

    OneWireBus overdrive(boolean on) {
        overdrive = on;
        return this;
    }

    OneWireBus idle(long nanos) {
        wave.hold(nanos);
        return this;
    }

    /** A standard reset always uses standard timing (it also ends overdrive). */
    OneWireBus reset(boolean presence) {
        boolean od = overdrive;
        overdrive = false;
        wave.set("OWR", 0).hold(us(500)).set("OWR", 1);
        if (presence) {
            wave.hold(us(30)).set("OWR", 0).hold(us(120)).set("OWR", 1).hold(us(400));
        } else {
            wave.hold(us(550));
        }
        overdrive = od;
        return this;
    }

    /** A reset at overdrive speed (about 70 µs) with presence. */
    OneWireBus overdriveReset() {
        wave.set("OWR", 0).hold(70_000).set("OWR", 1).hold(3_000).set("OWR", 0).hold(10_000).set("OWR", 1)
                .hold(60_000);
        return this;
    }

    OneWireBus bit(int b) {
        long low = b == 1 ? us(6) : us(64);
        long slot = us(70);
        wave.set("OWR", 0).hold(low).set("OWR", 1).hold(slot - low).hold(us(5));
        return this;
    }

    OneWireBus write(int value) {
        for (int i = 0; i < 8; i++) {
            bit(value >> i & 1);
        }
        return this;
    }
}
