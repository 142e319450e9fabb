package io.vgpio.gpiocdev.bind;

import io.vgpio.core.Chip;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioChips;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.LineBusyException;
import io.vgpio.gpiocdev.LineInfo;
import io.vgpio.gpiocdev.LineRequest;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Errno;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.Poll;
import java.util.function.Consumer;

/**
 * The runtime of one binding: a thread that owns the physical line's request, waits for its edges (inputs) or
 * watches it (outputs), notices the chip going away and binds again when it comes back. Subclasses say what a
 * request is and what to do with it.
 */
abstract class Binder {
    /** How often a lost chip is looked for again, and a quiet request checked for life. */
    static final int RETRY_MILLIS = 1000;

    protected final Chip chip;
    protected final LineBinding binding;
    protected final String consumer;
    private final Consumer<BindingStatus> report;
    private final int wakeFd;
    private Thread thread;
    private volatile boolean stopping;
    private volatile BindingStatus status;
    /** Guarded by this: the current request, null while unplugged, busy or (outputs) idle. */
    protected LineRequest request;
    protected String device = "";
    protected int offset = -1;

    Binder(Chip chip, LineBinding binding, String consumer, Consumer<BindingStatus> report) throws GpioException {
        this.chip = chip;
        this.binding = binding;
        this.consumer = consumer;
        this.report = report;
        try {
            this.wakeFd = EventFd.create(0);
        } catch (NativeException e) {
            throw new GpioException("eventfd: " + Errno.describe(e.errno()), e.errno());
        }
    }

    BindingStatus status() {
        return status;
    }

    /**
     * Finds the chip and line and takes what the binding needs now, then starts the thread.
     *
     * @param waitForChip when the chip is missing or the line busy, keep the binding and retry every second instead
     *        of failing
     * @throws GpioException with a clear message when it cannot bind (and waitForChip does not apply)
     */
    final void start(boolean waitForChip) throws GpioException {
        synchronized (this) {
            try {
                attach();
            } catch (GpioException e) {
                if (waitForChip && (e.isGone() || e.isBusy())) {
                    lost(e); // kept, and looked for every second
                } else {
                    abandon();
                    throw e;
                }
            } catch (RuntimeException e) {
                abandon();
                throw e;
            }
        }
        thread = new Thread(this::loop, "vgpio-hw-line" + binding.line());
        thread.setDaemon(true);
        thread.start();
    }

    private void abandon() {
        release();
        Descriptors.close(wakeFd);
    }

    /** Opens the chip, resolves the line, refuses a line another consumer holds, then {@link #acquire}s. */
    protected final void attach() throws GpioException {
        try (GpioChip c = GpioChips.open(binding.chip())) {
            int o = GpioChips.offset(c, binding.physical());
            LineInfo info = c.lineInfo(o);
            if (info.used() && request == null) {
                throw new LineBusyException(c.info().name(), o, info.consumer());
            }
            device = c.info().name();
            offset = o;
            acquire(c);
        }
    }

    /** Takes the line if this kind of binding holds it now; sets the status. Called with this locked. */
    protected abstract void acquire(GpioChip c) throws GpioException;

    /** Something to do when the request's fd is readable (inputs). Called without the lock. */
    protected void eventsReady() throws GpioException {
    }

    /** The request whose edge events to wait for besides the wake fd, or null (outputs, or nothing held). */
    protected synchronized LineRequest waitable() {
        return null;
    }

    private void loop() {
        while (!stopping) {
            try {
                LineRequest r = waitable();
                if (r != null) {
                    if (r.awaitEvents(wakeFd, RETRY_MILLIS)) {
                        eventsReady();
                    } else if (!stopping) {
                        probe();
                    }
                } else {
                    waitWake(RETRY_MILLIS);
                    if (!stopping) {
                        probe();
                    }
                }
            } catch (GpioException e) {
                if (!stopping) {
                    lost(e);
                }
            }
        }
        synchronized (this) {
            release();
        }
    }

    /** Every second: a held request is checked for life, a lost chip looked for again. */
    private void probe() throws GpioException {
        synchronized (this) {
            if (request != null) {
                request.getValue(); // ENODEV once the chip is gone
                return;
            }
            BindingStatus.State s = status == null ? null : status.state();
            if (s != BindingStatus.State.UNPLUGGED && s != BindingStatus.State.BUSY) {
                return;
            }
            try {
                attach();
                setStatus(status.state(), "bound again: " + device + " line " + offset + " is back");
            } catch (GpioException e) {
                // still missing or busy; try again in a second, without repeating the message
            }
        }
    }

    /** The chip went away or failed: drop the request, keep the simulated line working, tell the user. */
    protected final synchronized void lost(GpioException e) {
        release();
        if (e.isBusy()) {
            setStatus(BindingStatus.State.BUSY, e.getMessage());
        } else {
            setStatus(BindingStatus.State.UNPLUGGED, e.getMessage() + "; line " + binding.line()
                    + " is simulated until the chip is back (retried every second)");
        }
    }

    protected final void release() {
        if (request != null) {
            request.close();
            request = null;
        }
    }

    protected final void setStatus(BindingStatus.State state, String message) {
        BindingStatus s = new BindingStatus(binding, state, device, offset, message);
        status = s;
        report.accept(s);
    }

    private void waitWake(int millis) {
        try {
            Poll.pollIn(wakeFd, millis);
        } catch (NativeException e) {
            // the wait is only a pause: the loop looks at why it should go on either way
        }
    }

    /** Stops the thread and releases the physical line. */
    void stop() {
        stopping = true;
        try {
            EventFd.signal(wakeFd);
        } catch (NativeException e) {
            // the line is released below either way; a thread that missed the wake-up ends at its next retry
        }
        boolean ended = true;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended = !thread.isAlive();
        }
        synchronized (this) {
            release();
        }
        if (ended) { // a thread stuck in a system call keeps its descriptor rather than polling a reused one
            Descriptors.close(wakeFd);
        }
    }
}
