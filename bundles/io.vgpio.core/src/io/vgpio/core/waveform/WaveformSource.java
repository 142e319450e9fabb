package io.vgpio.core.waveform;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;

/**
 * What the waveform model reads from whatever it shows, the live device or a recorded trace: the configuration, the
 * event log and the chip's state, all on the source's own clock. The model needs nothing else (no transport, no
 * widget), so it can be tested and benchmarked on a plain event log.
 */
public interface WaveformSource {
    DeviceConfig config();

    EventLog log();

    /** True for the live device: its log grows by itself and "now" moves. */
    boolean isLive();

    /** One line's state: now for the live device, at the scrub time for a trace. */
    LineState state(int line);

    /** The level a line has now (the live device) or at the end of the trace: the waveform's fallback. */
    int lastLevel(int line);

    /** "Now" on the log's clock: the monotonic clock for the live device, the end of a recording. */
    default long now() {
        return System.nanoTime();
    }

    /** A recording's scrub time (where the schematic shows the chip), or {@link WaveformModel#NONE}. */
    default long scrubTime() {
        return WaveformModel.NONE;
    }
}
