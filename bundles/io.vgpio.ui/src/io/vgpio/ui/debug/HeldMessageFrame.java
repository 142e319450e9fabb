package io.vgpio.ui.debug;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

/**
 * The one frame of a held device: the message the breakpoint hit, e.g. {@code #1234 REQUEST SET_VALUE line 3 ...}.
 * It has no variables and no source: the schematic, waveform and traffic table show the state.
 */
public final class HeldMessageFrame extends StepOverOnly implements IStackFrame {
    private final DeviceThread thread;
    private final HeldMessage message;

    HeldMessageFrame(DeviceThread thread, HeldMessage message) {
        super(thread.getDebugTarget());
        this.thread = thread;
        this.message = message;
    }

    /** The held message. */
    public HeldMessage message() {
        return message;
    }

    @Override
    public String getName() {
        return message.text();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() {
        return new IVariable[0];
    }

    @Override
    public boolean hasVariables() {
        return false;
    }

    @Override
    public int getLineNumber() {
        return -1;
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() {
        return new IRegisterGroup[0];
    }

    @Override
    public boolean hasRegisterGroups() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldMessageFrame f && f.thread == thread && f.message.text().equals(message.text());
    }

    @Override
    public int hashCode() {
        return message.text().hashCode();
    }

    // Stepping, suspending and terminating are the thread's.

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public void stepOver() {
        thread.stepOver();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return false;
    }

    @Override
    public boolean isSuspended() {
        return thread.isSuspended();
    }

    @Override
    public void resume() throws DebugException {
        thread.resume();
    }

    @Override
    public void suspend() {
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() {
        thread.terminate();
    }
}
