package io.vgpio.ui.source;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.StimulusScheduler;
import io.vgpio.core.waveform.WaveformSource;
import java.util.List;

/**
 * What the schematic, waveform and traffic views show: the live device ({@link LiveSource}) or a trace opened for
 * offline analysis ({@link TraceSource}, read-only). A source gives the configuration, the event log (on the
 * source's own clock) and the chip's state: the live chip's now, or the trace's at its scrub time.
 * {@link SourceService} publishes the current one. The waveform's model sees it only as a {@link WaveformSource}.
 */
public sealed interface DataSource extends WaveformSource permits LiveSource, TraceSource {
    DeviceConfig config();

    EventLog log();

    /** True for the live device: it changes by itself and takes stimulus. */
    boolean isLive();

    /**
     * The live device's one stimulus scheduler (what the switches, the Stimulus view and the schematic's menu
     * drive inputs through), or null for a trace, which is read-only.
     */
    StimulusScheduler stimulus();

    /** A short name: "device" or the trace file's name. */
    String name();

    /** What the views say they show ("" for the live device, which is what they show by default). */
    String description();

    /** Every line's state: now for the live device, at the scrub time for a trace. */
    List<LineState> states();

    /** One line's state, as {@link #states()}. */
    LineState state(int line);

    /** Changes whenever {@link #states()} may have changed: a poller redraws only then. */
    long stateVersion();

    /** True if a guest's frontend is (or was, at the scrub time) attached. */
    boolean guestAttached();

    /** The level a line has now (the live device) or at the end of the trace: the waveform's fallback. */
    int lastLevel(int line);
}
