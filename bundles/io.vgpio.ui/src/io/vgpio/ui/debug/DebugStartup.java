package io.vgpio.ui.debug;

import org.eclipse.ui.IStartup;

/** Brings the debug side up with the workbench, so the serving device shows in the Debug view from the start. */
public final class DebugStartup implements IStartup {
    @Override
    public void earlyStartup() {
        DebugTargets.get();
    }
}
