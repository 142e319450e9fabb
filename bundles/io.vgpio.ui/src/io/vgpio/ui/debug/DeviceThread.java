package io.vgpio.ui.debug;

import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.breakpoint.Halt;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

/**
 * The device as the Debug view's one thread, "virtio-gpio device": the Debug view's Step Over (F6) applies to a
 * thread, and it releases exactly one waiting message ({@link Breakpoints#step}). While held it has one frame,
 * the message that was held ({@link HeldMessageFrame}); nothing else is pretended.
 */
public final class DeviceThread extends StepOverOnly implements IThread {
    private final DeviceDebugTarget target;

    DeviceThread(DeviceDebugTarget target) {
        super(target);
        this.target = target;
    }

    @Override
    public IStackFrame[] getStackFrames() {
        Halt h = target.halt();
        return h == null ? new IStackFrame[0]
                : new IStackFrame[] {new HeldMessageFrame(this, HeldMessage.of(target.device(), h))};
    }

    @Override
    public boolean hasStackFrames() {
        return isSuspended();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() {
        IStackFrame[] f = getStackFrames();
        return f.length == 0 ? null : f[0];
    }

    @Override
    public String getName() {
        return "virtio-gpio device";
    }

    /** The breakpoint that suspended the device (the platform selects it in the Breakpoints view). */
    @Override
    public IBreakpoint[] getBreakpoints() {
        Halt h = target.halt();
        GpioBreakpoint b = h == null ? null : DebugTargets.get().sync().marker(h.id());
        return b == null ? new IBreakpoint[0] : new IBreakpoint[] {b};
    }

    @Override
    public boolean canResume() {
        return target.canResume();
    }

    @Override
    public boolean canSuspend() {
        return target.canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return target.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        target.resume();
    }

    @Override
    public void suspend() {
        target.suspend();
    }

    @Override
    public boolean canStepOver() {
        return isSuspended();
    }

    /** Releases one waiting request or eventq completion; the device stays held. */
    @Override
    public void stepOver() {
        try {
            fireResumeEvent(DebugEvent.STEP_OVER);
            target.device().breakpoints().step();
        } catch (Breakpoints.NotHalted e) {
            // resumed meanwhile: nothing to release
        }
        target.changed();
    }

    @Override
    public boolean canTerminate() {
        return target.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return target.isTerminated();
    }

    @Override
    public void terminate() {
        target.terminate();
    }
}
