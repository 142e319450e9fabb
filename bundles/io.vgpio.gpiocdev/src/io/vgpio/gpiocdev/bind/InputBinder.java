package io.vgpio.gpiocdev.bind;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.EdgeEvent;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.LineRequest;
import io.vgpio.gpiocdev.LineSettings;
import java.util.function.Consumer;

/**
 * Physical input to guest input: the line is requested as an input with both edges detected (and the binding's
 * bias, active-low and debounce); each edge event sets the simulated line's input level, stamped with the kernel's
 * timestamp, and so raises the guest's interrupt according to its trigger type.
 */
final class InputBinder extends Binder {
    private final EdgeEvent[] batch = new EdgeEvent[LineRequest.BATCH];
    private long lastLineSeqno;
    private long missed;

    InputBinder(Chip chip, LineBinding binding, String consumer, Consumer<BindingStatus> report)
            throws GpioException {
        super(chip, binding, consumer, report);
    }

    @Override
    protected void acquire(GpioChip c) throws GpioException {
        request = c.request(offset,
                LineSettings.input(binding.bias(), binding.activeLow(), binding.debounceMicros()), consumer);
        lastLineSeqno = 0;
        int level = request.getValue();
        chip.setInput(binding.line(), level, Cause.HARDWARE);
        setStatus(BindingStatus.State.ACTIVE, "edges from " + device + " line " + offset + " drive line "
                + binding.line() + " (now " + level + ")");
    }

    @Override
    protected synchronized LineRequest waitable() {
        return request;
    }

    @Override
    protected void eventsReady() throws GpioException {
        LineRequest r;
        synchronized (this) {
            r = request;
        }
        if (r == null) {
            return;
        }
        int n = r.readEvents(batch);
        for (int i = 0; i < n; i++) {
            EdgeEvent e = batch[i];
            if (lastLineSeqno != 0 && e.lineSeqno() > lastLineSeqno + 1) {
                missed += e.lineSeqno() - lastLineSeqno - 1; // the kernel's event buffer overflowed
            }
            lastLineSeqno = e.lineSeqno();
            chip.hardwareEdge(binding.line(), e.level(), e.timestampNanos());
        }
    }

    /** Edges the kernel dropped because they came faster than they were read. */
    long missed() {
        return missed;
    }
}
