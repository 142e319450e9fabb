package io.vgpio.ui.debug.launch;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Device > Debug Configurations...: the platform's dialog, where "QEMU Guest with vGPIO" configurations live. */
public final class GuestLaunchHandlers {
    private GuestLaunchHandlers() {
    }

    public static final class Open extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent e) {
            DebugUITools.openLaunchConfigurationDialogOnGroup(HandlerUtil.getActiveShell(e), StructuredSelection.EMPTY,
                    IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP);
            return null;
        }
    }
}
