package io.vgpio.ui.source;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.vhost.DeviceHost;
import java.util.List;

/** The running device as a {@link DataSource}: its chip and log, read as they change. */
public record LiveSource(DeviceHost host) implements DataSource {
    @Override
    public DeviceConfig config() {
        return host.config();
    }

    @Override
    public EventLog log() {
        return host.log();
    }

    @Override
    public boolean isLive() {
        return true;
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
        return host.chip().states();
    }

    @Override
    public LineState state(int line) {
        return host.chip().state(line);
    }

    @Override
    public long stateVersion() {
        return host.log().nextSeq();
    }

    @Override
    public boolean guestAttached() {
        return host.backend().connected();
    }

    @Override
    public int lastLevel(int line) {
        return host.chip().state(line).level();
    }
}
