package io.vgpio.core.waveform;

/** The words an exported waveform carries above its lanes, the same in SVG and PNG: what it is and which times. */
public final class ExportTitle {
    private ExportTitle() {
    }

    /** "vGPIO waveform 0.1 s to 0.3 s": the title, times since the device (or trace) started. */
    public static String title(WaveformModel.Frame f) {
        return "vGPIO waveform " + TimeText.seconds(f.t0() - f.origin()) + " to "
                + TimeText.seconds(f.t1() - f.origin());
    }

    /** "window 200 ms from 0.1 s · legend": the time range in words, and how to read the lanes. */
    public static String subtitle(WaveformModel.Frame f) {
        return "window " + TimeText.duration(f.t1() - f.t0()) + " from " + TimeText.seconds(f.t0() - f.origin())
                + "   \u00b7   " + LaneStyle.LEGEND;
    }
}
