package io.vgpio.ui.source;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.StimulusScheduler;
import io.vgpio.session.DeviceSession;
import java.util.List;

/** The running device as a {@link DataSource}: its chip and log, read as they change. */
public record LiveSource(DeviceSession session) implements DataSource {
    @Override
    public DeviceConfig config() {
        return session.config();
    }

    @Override
    public EventLog log() {
        return session.log();
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public StimulusScheduler stimulus() {
        return session.stimulus();
    }

    @Override
    public String name() {
        return "device";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public List<LineState> states() {
        return session.chip().states();
    }

    @Override
    public LineState state(int line) {
        return session.chip().state(line);
    }

    @Override
    public long stateVersion() {
        return session.log().nextSeq();
    }

    @Override
    public boolean guestAttached() {
        return session.guestAttached();
    }

    @Override
    public int lastLevel(int line) {
        return session.chip().state(line).level();
    }
}
