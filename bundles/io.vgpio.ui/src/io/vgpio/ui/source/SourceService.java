package io.vgpio.ui.source;

import io.vgpio.ui.DeviceService;
import io.vgpio.session.DeviceSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the views show: the opened trace if there is one, else the live device (or nothing when none runs). The
 * live device keeps serving while a trace is shown; closing the trace brings the views back to it. Listeners hear
 * the new source (or null) on the thread that changed it, as {@link DeviceService}'s do.
 */
public final class SourceService {
    private static final SourceService INSTANCE = new SourceService();

    private final List<Consumer<DataSource>> listeners = new CopyOnWriteArrayList<>();
    private TraceSource trace;

    private SourceService() {
        DeviceService.get().addListener(this::deviceChanged);
    }

    public static SourceService get() {
        return INSTANCE;
    }

    /** The opened trace, else the live device, else null. */
    public synchronized DataSource current() {
        if (trace != null) {
            return trace;
        }
        DeviceSession h = DeviceService.get().current();
        return h == null ? null : new LiveSource(h);
    }

    /** The opened trace, or null while the live device is shown. */
    public synchronized TraceSource trace() {
        return trace;
    }

    /** Shows a trace instead of the live device (which keeps running). */
    public void openTrace(TraceSource source) {
        synchronized (this) {
            trace = source;
        }
        fire();
    }

    /** Back to the live device. */
    public void closeTrace() {
        synchronized (this) {
            if (trace == null) {
                return;
            }
            trace = null;
        }
        fire();
    }

    private void deviceChanged(DeviceSession host) {
        if (trace() == null) {
            fire();
        }
    }

    public void addListener(Consumer<DataSource> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DataSource> listener) {
        listeners.remove(listener);
    }

    private void fire() {
        DataSource s = current();
        for (Consumer<DataSource> l : listeners) {
            l.accept(s);
        }
    }
}
