package io.vgpio.core.tests.waveform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.waveform.TimeText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The times the waveform's status line, tool tips and SVG title print. */
class TimeTextTest {
    @Test
    @DisplayName("A duration takes the unit that fits and about three significant digits")
    void durations() {
        assertEquals("0 ns", TimeText.duration(0));
        assertEquals("850 ns", TimeText.duration(850));
        assertEquals("1.000 us", TimeText.duration(1_000));
        assertEquals("12.50 us", TimeText.duration(12_500));
        assertEquals("125.0 us", TimeText.duration(125_000));
        assertEquals("3.200 ms", TimeText.duration(3_200_000));
        assertEquals("1.500 s", TimeText.duration(1_500_000_000L));
        assertEquals("-2.000 us", TimeText.duration(-2_000), "a cursor B left of A");
    }

    @Test
    @DisplayName("An instant is seconds since the start with microsecond digits, whatever the default locale")
    void seconds() {
        assertEquals("12.345678 s", TimeText.seconds(12_345_678_000L));
        assertEquals("0.000000 s", TimeText.seconds(0));
        assertEquals("-0.001000 s", TimeText.seconds(-1_000_000));
    }

    @Test
    @DisplayName("A period's frequency: Hz, kHz, MHz; none for a zero period")
    void frequencies() {
        assertEquals("-", TimeText.frequency(0));
        assertEquals("0.500 Hz", TimeText.frequency(2_000_000_000L));
        assertEquals("1.000 kHz", TimeText.frequency(1_000_000));
        assertEquals("1.000 kHz", TimeText.frequency(-1_000_000), "the sign of Δt does not matter");
        assertEquals("2.000 MHz", TimeText.frequency(500));
    }
}
