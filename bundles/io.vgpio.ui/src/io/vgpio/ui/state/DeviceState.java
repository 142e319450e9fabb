package io.vgpio.ui.state;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.SourceService;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.AbstractSourceProvider;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.ISourceProviderService;

/**
 * The workbench's state as expression variables, so that commands are enabled by state in plugin.xml
 * ({@code enabledWhen}) instead of dialogs saying "start the device first": is a device serving, is it recording,
 * is a trace open. It hears the device and source services; recordings start and stop from the Trace menu, the
 * recording indicator's timer and a stopping device, which all call {@link #refresh()}.
 */
public final class DeviceState extends AbstractSourceProvider {
    /** True while a device serves. */
    public static final String DEVICE_RUNNING = "io.vgpio.ui.deviceRunning";
    /** True while the running device records into a trace file. */
    public static final String RECORDING = "io.vgpio.ui.recording";
    /** True while the views show an opened trace instead of the live device. */
    public static final String TRACE_OPEN = "io.vgpio.ui.traceOpen";

    private final Consumer<DeviceSession> deviceListener = s -> later();
    private final Consumer<DataSource> sourceListener = s -> later();
    private Map<String, Object> shown = Map.of();

    public DeviceState() {
        DeviceService.get().addListener(deviceListener);
        SourceService.get().addListener(sourceListener);
        shown = now();
    }

    /** The state now, read from the services. */
    private static Map<String, Object> now() {
        DeviceSession s = DeviceService.get().current();
        Map<String, Object> m = new HashMap<>();
        m.put(DEVICE_RUNNING, s != null);
        m.put(RECORDING, s != null && s.recorder() != null);
        m.put(TRACE_OPEN, SourceService.get().trace() != null);
        return Map.copyOf(m);
    }

    @Override
    public Map<String, Object> getCurrentState() {
        return shown;
    }

    @Override
    public String[] getProvidedSourceNames() {
        return new String[] {DEVICE_RUNNING, RECORDING, TRACE_OPEN};
    }

    /** Re-reads the state and tells the workbench what changed (UI thread). */
    public void update() {
        Map<String, Object> m = now();
        if (m.equals(shown)) {
            return;
        }
        shown = m;
        fireSourceChanged(ISources.WORKBENCH, m);
    }

    private void later() {
        if (PlatformUI.isWorkbenchRunning()) {
            Display d = PlatformUI.getWorkbench().getDisplay();
            if (!d.isDisposed()) {
                d.asyncExec(this::update);
            }
        }
    }

    /** The workbench's instance re-reads the state (UI thread); nothing when the workbench is not running. */
    public static void refresh() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        ISourceProviderService service = PlatformUI.getWorkbench().getService(ISourceProviderService.class);
        if (service != null && service.getSourceProvider(RECORDING) instanceof DeviceState state) {
            state.update();
        }
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(deviceListener);
        SourceService.get().removeListener(sourceListener);
    }
}
