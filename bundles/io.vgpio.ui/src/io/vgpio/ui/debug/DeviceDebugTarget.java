package io.vgpio.ui.debug;

import io.vgpio.core.breakpoint.BreakpointListener;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.breakpoint.Halt;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.guest.GuestService;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

/**
 * The serving device (and the guest attached to it) in the Debug view. Suspend holds the device (and stops the
 * guest through QMP when connected), Resume continues, Step Over releases one message, Terminate powers the
 * workbench's guest off. A breakpoint hit suspends it with {@link DebugEvent#BREAKPOINT}. It has one thread, the
 * device ({@link DeviceThread}), so that the Debug view's step actions apply.
 *
 * <p>The device's listener runs under the chip's monitor: it only fires debug events, which the platform delivers
 * on its own dispatch thread; the state is read from {@link Breakpoints} when asked.
 */
public final class DeviceDebugTarget extends DebugElement implements IDebugTarget, BreakpointListener {
    private final ILaunch launch;
    private final DeviceSession device;
    private final DeviceThread thread;
    private volatile boolean terminated;

    DeviceDebugTarget(ILaunch launch, DeviceSession device) {
        super(null);
        this.launch = launch;
        this.device = device;
        this.thread = new DeviceThread(this);
        device.breakpoints().addListener(this);
    }

    /** The device this target debugs. */
    public DeviceSession device() {
        return device;
    }

    /** The device's one thread. */
    public DeviceThread thread() {
        return thread;
    }

    /** The halt holding the device, or null while it runs. */
    public Halt halt() {
        return terminated ? null : device.breakpoints().halted();
    }

    /** What the Debug view says after the name: running, suspended: breakpoint N (...), held. */
    public String stateText() {
        if (terminated) {
            return "device stopped";
        }
        Halt h = halt();
        if (h == null) {
            return "running";
        }
        if (h.id() == Breakpoints.SUSPENDED_BY_USER) {
            return "held (suspended)";
        }
        return "suspended: breakpoint " + h.id() + " (" + HeldMessage.of(device, h).breakpointText() + ")";
    }

    // ---- the device's breakpoint events (under the chip's monitor: fire and return) ------------------------

    @Override
    public void halted(Halt halt) {
        int detail = halt.id() == Breakpoints.SUSPENDED_BY_USER ? DebugEvent.CLIENT_REQUEST : DebugEvent.BREAKPOINT;
        fireEvent(new DebugEvent(thread, DebugEvent.SUSPEND, detail));
        fireEvent(new DebugEvent(this, DebugEvent.SUSPEND, detail));
    }

    @Override
    public void resumed() {
        fireEvent(new DebugEvent(thread, DebugEvent.RESUME, DebugEvent.CLIENT_REQUEST));
        fireEvent(new DebugEvent(this, DebugEvent.RESUME, DebugEvent.CLIENT_REQUEST));
    }

    /** Fires a state change (a step: still held, another message released). */
    void changed() {
        fireEvent(new DebugEvent(thread, DebugEvent.SUSPEND, DebugEvent.STEP_END));
        fireChangeEvent(DebugEvent.STATE);
    }

    /** The device stopped serving: the target ends. */
    void deviceGone() {
        if (!terminated) {
            terminated = true;
            device.breakpoints().removeListener(this);
            fireEvent(new DebugEvent(thread, DebugEvent.TERMINATE));
            fireTerminateEvent();
        }
    }

    // ---- IDebugTarget ---------------------------------------------------------------------------------------

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public String getModelIdentifier() {
        return GpioDebugModel.MODEL_ID;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IProcess getProcess() {
        return null;
    }

    @Override
    public IThread[] getThreads() {
        return terminated ? new IThread[0] : new IThread[] {thread};
    }

    @Override
    public boolean hasThreads() {
        return !terminated;
    }

    @Override
    public String getName() {
        return "vGPIO device on " + device.socketPath().getFileName();
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return breakpoint instanceof GpioBreakpoint;
    }

    @Override
    public boolean canTerminate() {
        return !terminated && GuestService.get().current() != null;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    /** Powers the workbench's guest off (the device keeps serving; Device > Stop Device stops it). */
    @Override
    public void terminate() {
        Job.create("Powering the guest off", m -> {
            try {
                GuestService.get().stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).schedule();
    }

    @Override
    public boolean canResume() {
        return halt() != null;
    }

    @Override
    public boolean canSuspend() {
        return !terminated && halt() == null;
    }

    @Override
    public boolean isSuspended() {
        return halt() != null;
    }

    @Override
    public void resume() throws DebugException {
        try {
            device.breakpoints().resume();
        } catch (Breakpoints.NotHalted e) {
            // resumed meanwhile (the control socket's continue): nothing to do
        }
    }

    /** Holds the device and, with QMP connected, stops the guest's vCPUs. */
    @Override
    public void suspend() {
        device.breakpoints().suspend(true);
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        // BreakpointSync installs breakpoints into the device: it serves with or without a target
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() {
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return false;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        return null;
    }
}
