package io.vgpio.ui.debug;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;

/**
 * The labels of vGPIO's debug elements in the Breakpoints and Debug views: a breakpoint as
 * {@link BreakpointLabels} writes it, the target and its thread with their state. Images are the platform's.
 */
public final class GpioModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public String getText(Object element) {
        if (element instanceof GpioBreakpoint b) {
            BreakpointSpec spec = b.spec();
            DeviceSession device = DeviceService.get().current();
            DeviceConfig config = device == null ? null : device.config();
            return spec == null ? "GPIO breakpoint (no spec)" : BreakpointLabels.text(spec, config, b.hits());
        }
        if (element instanceof DeviceDebugTarget t) {
            return t.getName() + " (" + t.stateText() + ")";
        }
        if (element instanceof DeviceThread t) {
            DeviceDebugTarget target = (DeviceDebugTarget) t.getDebugTarget();
            return t.getName() + " (" + target.stateText() + ")";
        }
        if (element instanceof HeldMessageFrame f) {
            return f.getName();
        }
        return null; // the platform's default
    }

    @Override
    public Image getImage(Object element) {
        return null; // the platform's default
    }

    @Override
    public void setAttribute(String attribute, Object value) {
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        listener.detailComputed(value, "");
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        return null;
    }
}
