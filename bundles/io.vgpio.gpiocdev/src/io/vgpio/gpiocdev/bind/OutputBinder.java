package io.vgpio.gpiocdev.bind;

import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.LineSettings;
import java.util.function.Consumer;

/**
 * Guest output to physical output: while the guest has the simulated line as an output the physical line is
 * requested as an output and follows SET_VALUE; SET_DIRECTION(NONE) or (IN) releases it. The pin is driven in the
 * guest's thread, before the guest's request is answered, so the guest's write is on the pin when its call returns.
 */
final class OutputBinder extends Binder implements Chip.OutputListener {
    private boolean driving;
    private int value;

    OutputBinder(Chip chip, LineBinding binding, String consumer, Consumer<BindingStatus> report)
            throws GpioException {
        super(chip, binding, consumer, report);
    }

    @Override
    protected void acquire(GpioChip c) throws GpioException {
        if (driving) {
            request = c.request(offset, settings(), consumer);
            setStatus(BindingStatus.State.DRIVING, "the guest drives " + device + " line " + offset + " (" + value + ")");
        } else {
            setStatus(BindingStatus.State.IDLE, device + " line " + offset
                    + " is free until the guest makes line " + binding.line() + " an output");
        }
    }

    private LineSettings settings() {
        return LineSettings.output(binding.drive(), binding.bias(), binding.activeLow(), value);
    }

    /** Starts following the guest's current output state. */
    void follow() {
        synchronized (chip) {
            chip.addOutputListener(this);
            outputChanged(binding.line(), chip.direction(binding.line()), chip.state(binding.line()).outputValue());
        }
    }

    void unfollow() {
        chip.removeOutputListener(this);
    }

    @Override
    public void outputChanged(int line, Direction direction, int v) {
        if (line != binding.line()) {
            return;
        }
        synchronized (this) {
            boolean out = direction == Direction.OUT;
            if (out == driving && v == value) {
                return;
            }
            driving = out;
            value = v;
            BindingStatus s = status();
            if (s != null && (s.state() == BindingStatus.State.UNPLUGGED || s.state() == BindingStatus.State.BUSY)) {
                return; // the retry picks the new state up when the chip is back or free
            }
            try {
                if (out && request == null) {
                    attach(); // acquire() requests the line, since the guest now drives it
                } else if (out) {
                    request.setValue(v);
                } else if (request != null) {
                    release();
                    setStatus(BindingStatus.State.IDLE, "released " + device + " line " + offset + " (line "
                            + binding.line() + " is " + direction.word() + ")");
                }
            } catch (GpioException e) {
                lost(e);
            }
        }
    }
}
