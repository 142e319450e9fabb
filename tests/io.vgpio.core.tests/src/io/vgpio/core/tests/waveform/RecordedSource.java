package io.vgpio.core.tests.waveform;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.core.waveform.WaveformSource;
import java.util.Arrays;

/**
 * A waveform source over a plain event log, as a trace opened for analysis is: its clock starts at 0 and its "now"
 * is its end, so every window and frame is the same on every run.
 */
final class RecordedSource implements WaveformSource {
    static final long US = 1_000;

    private final DeviceConfig config;
    private final EventLog log;
    private final Direction[] directions;
    private final boolean live;
    private long end;
    private long scrub = WaveformModel.NONE;

    RecordedSource(DeviceConfig config, boolean live) {
        this.config = config;
        this.log = new EventLog(4096, 0, 0);
        this.directions = new Direction[config.lines()];
        Arrays.fill(directions, Direction.NONE);
        this.live = live;
    }

    /** A level change on a line at {@code t} ns; the recording ends at the last event. */
    RecordedSource level(long t, int line, int level) {
        log.append(t, EventKind.LEVEL, line, level, Cause.USER.wire());
        end = Math.max(end, t);
        return this;
    }

    RecordedSource marker(long t, EventKind kind, int line) {
        log.append(t, kind, line, 0, 0);
        end = Math.max(end, t);
        return this;
    }

    RecordedSource direction(int line, Direction d) {
        directions[line] = d;
        return this;
    }

    RecordedSource endAt(long t) {
        end = t;
        return this;
    }

    void scrubTo(long t) {
        scrub = t;
    }

    @Override
    public DeviceConfig config() {
        return config;
    }

    @Override
    public EventLog log() {
        return log;
    }

    @Override
    public boolean isLive() {
        return live;
    }

    @Override
    public LineState state(int line) {
        return new LineState(line, config.name(line), directions[line], 0, 0, 0, IrqType.NONE, false, false);
    }

    @Override
    public int lastLevel(int line) {
        return 0;
    }

    @Override
    public long now() {
        return live ? WaveformSource.super.now() : end;
    }

    @Override
    public long scrubTime() {
        return scrub;
    }
}
