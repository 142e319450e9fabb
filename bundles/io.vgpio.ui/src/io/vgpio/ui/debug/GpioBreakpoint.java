package io.vgpio.ui.debug;

import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.BreakpointSpecException;
import java.util.Map;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;

/**
 * A device breakpoint as the Eclipse debug platform sees it: a marker on the workspace root holding the breakpoint's
 * spec (as the control socket writes it), whether it is enabled, and its hit count. The marker is what the
 * Breakpoints view shows, exports and imports, and what survives the device: {@link BreakpointSync} installs it
 * into each device the workbench serves and mirrors the device's changes back.
 */
public final class GpioBreakpoint extends Breakpoint {
    /** The spec, in {@link BreakpointSpec#format()}'s canonical form. */
    public static final String SPEC = "io.vgpio.spec";
    /** How often it matched in the current device (the device counts; this is its copy for the view). */
    public static final String HITS = "io.vgpio.hits";

    /** For the platform, which restores breakpoints from their markers (workspace start, import). */
    public GpioBreakpoint() {
    }

    private GpioBreakpoint(IMarker marker) throws CoreException {
        setMarker(marker);
    }

    /**
     * Makes a breakpoint's marker; the caller adds it to the breakpoint manager.
     *
     * @param persisted false for a breakpoint the device already had (its configuration, the control socket): it
     *     comes back with the device, so it must not also be re-installed from a saved marker
     */
    public static GpioBreakpoint create(BreakpointSpec spec, boolean enabled, boolean persisted)
            throws CoreException {
        GpioBreakpoint[] made = new GpioBreakpoint[1];
        IWorkspaceRunnable make = monitor -> {
            IMarker m = ResourcesPlugin.getWorkspace().getRoot().createMarker(GpioDebugModel.MARKER_TYPE);
            m.setAttributes(Map.of(IBreakpoint.ID, GpioDebugModel.MODEL_ID, IBreakpoint.ENABLED, enabled,
                    IBreakpoint.PERSISTED, persisted, SPEC, spec.format(), HITS, 0, IMarker.MESSAGE,
                    "GPIO breakpoint " + spec.format()));
            made[0] = new GpioBreakpoint(m);
        };
        ResourcesPlugin.getWorkspace().run(make, null);
        return made[0];
    }

    @Override
    public String getModelIdentifier() {
        return GpioDebugModel.MODEL_ID;
    }

    /** The spec the marker holds; null if the marker is gone or holds none that parses. */
    public BreakpointSpec spec() {
        IMarker m = getMarker();
        String text = m == null ? null : m.getAttribute(SPEC, null);
        if (text == null) {
            return null;
        }
        try {
            return BreakpointSpec.parse(text);
        } catch (BreakpointSpecException e) {
            return null;
        }
    }

    /** The hit count last copied from the device. */
    public long hits() {
        IMarker m = getMarker();
        return m == null ? 0 : m.getAttribute(HITS, 0);
    }

    /** Copies the device's hit count (when it changed: every write is a resource change the views redraw on). */
    void setHits(long hits) throws CoreException {
        if (hits() != hits) {
            setAttribute(HITS, (int) Math.min(Integer.MAX_VALUE, hits));
        }
    }

    /** Enables or disables the marker when it differs (a change the device made: no echo back to it). */
    void mirrorEnabled(boolean enabled) throws CoreException {
        if (isEnabled() != enabled) {
            setEnabled(enabled);
        }
    }
}
