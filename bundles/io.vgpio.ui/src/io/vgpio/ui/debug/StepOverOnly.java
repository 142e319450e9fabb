package io.vgpio.ui.debug;

import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStep;

/**
 * A debug element of the device that steps only over: one message at a time. There is no stepping into or out of
 * anything in a GPIO device, so Step Into and Step Return are never offered.
 */
abstract class StepOverOnly extends DebugElement implements IStep {
    StepOverOnly(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return GpioDebugModel.MODEL_ID;
    }

    @Override
    public final boolean canStepInto() {
        return false;
    }

    @Override
    public final boolean canStepReturn() {
        return false;
    }

    @Override
    public final boolean isStepping() {
        return false;
    }

    @Override
    public final void stepInto() {
    }

    @Override
    public final void stepReturn() {
    }
}
