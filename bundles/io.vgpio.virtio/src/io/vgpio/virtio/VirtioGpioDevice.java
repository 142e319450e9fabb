package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.DriverRule;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The virtio-gpio device: decodes requestq messages and eventq buffers into chip operations, answers them with the
 * exact response sizes the specification gives, and records every driver-normative statement the guest breaks.
 * Transport-independent: queues come from whoever negotiated them (the vhost-user backend, or a test).
 *
 * <p>Thread-safety: every entry point runs under the chip's monitor, the same lock that guards line changes, so
 * an input change on any thread can complete an eventq buffer directly, without a hand-off. The driver is woken
 * (a write to the frontend's call descriptor) on that same thread, but only after the monitor is released: a
 * frontend whose descriptor misbehaves must not stall everyone else who uses the chip.
 */
public final class VirtioGpioDevice {
    /** Wakes the driver up after buffers were returned (writes the call eventfd). Never called under the monitor. */
    @FunctionalInterface
    public interface Notifier {
        void notifyDriver();

        /**
         * Guest memory faulted while the device used this queue (see {@link MemoryFault}); the device has stopped
         * its queues. The transport should drop the frontend that owns the memory.
         */
        default void memoryFault(String detail) {
        }
    }

    private final Chip chip;
    private final EventLog log;
    private final byte[] names;
    private final SplitVirtqueue[] queues = new SplitVirtqueue[2];
    private final Notifier[] notifiers = new Notifier[2];
    /** Wake-ups decided under the monitor, done after it is released (by whichever thread releases it). */
    private final AtomicReferenceArray<Notifier> toNotify = new AtomicReferenceArray<>(2);
    /** The transport to tell about a memory fault, once the monitor is released; with its detail. */
    private Notifier faulted;
    private String faultDetail;
    private DescriptorChain[] heldEventChains = new DescriptorChain[0];
    private long driverFeatures;
    private boolean started;
    private final byte[] request = new byte[Protocol.REQUEST_SIZE];
    /** Refilled for every requestq chain (answered before the next is taken); eventq chains are held, so new. */
    private DescriptorChain scratch;
    private final byte[] response = new byte[Protocol.RESPONSE_SIZE];

    public VirtioGpioDevice(Chip chip) {
        this.chip = chip;
        this.log = chip.log();
        this.names = chip.config().namesBlob();
        chip.setInterruptSink(new Chip.InterruptSink() {
            @Override
            public void complete(int line, long token, boolean valid) {
                completeEvent(line, token, valid);
            }

            @Override
            public void unlocked() {
                afterUnlock();
            }
        });
    }

    public Chip chip() {
        return chip;
    }

    /** Feature bits the device offers: VERSION_1, INDIRECT_DESC, EVENT_IDX and, if configured, VIRTIO_GPIO_F_IRQ. */
    public long deviceFeatures() {
        long f = (1L << VirtioConstants.F_VERSION_1) | (1L << VirtioConstants.F_INDIRECT_DESC)
                | (1L << VirtioConstants.F_EVENT_IDX);
        if (chip.config().irq()) {
            f |= 1L << Protocol.F_IRQ;
        }
        return f;
    }

    /** The driver's accepted features (bits the device did not offer are dropped). */
    public void setDriverFeatures(long features) {
        synchronized (chip) {
            driverFeatures = features & deviceFeatures();
            log.append(EventKind.FEATURES, Event.NO_LINE, driverFeatures, features);
        }
    }

    public long driverFeatures() {
        synchronized (chip) {
            return driverFeatures;
        }
    }

    public boolean negotiated(int bit) {
        synchronized (chip) {
            return (driverFeatures & (1L << bit)) != 0;
        }
    }

    /** struct virtio_gpio_config: le16 ngpio, u8 padding[2] = 0, le32 gpio_names_size. */
    public byte[] configSpace() {
        byte[] c = new byte[Protocol.CONFIG_SIZE];
        int n = chip.lineCount();
        c[0] = (byte) n;
        c[1] = (byte) (n >>> 8);
        int s = names.length;
        c[4] = (byte) s;
        c[5] = (byte) (s >>> 8);
        c[6] = (byte) (s >>> 16);
        c[7] = (byte) (s >>> 24);
        return c;
    }

    /** Starts a queue; buffers already available are processed at once. */
    public void startQueue(int index, SplitVirtqueue queue, Notifier notifier) {
        checkIndex(index);
        synchronized (chip) {
            queues[index] = queue;
            notifiers[index] = notifier;
            if (index == Protocol.EVENT_QUEUE) {
                heldEventChains = new DescriptorChain[queue.size()];
            }
            started = true;
        }
        kick(index);
    }

    /**
     * Stops a queue (GET_VRING_BASE, disconnect). Buffers held for interrupts belong to a ring that is going away,
     * so the guest's state of every line is reset; the user's input levels stay.
     *
     * @return the next available index to report, or 0 if the queue was not running
     */
    public int stopQueue(int index) {
        checkIndex(index);
        synchronized (chip) {
            SplitVirtqueue q = queues[index];
            queues[index] = null;
            notifiers[index] = null;
            toNotify.set(index, null);
            if (started) {
                started = false;
                chip.resetGuestState();
            }
            if (index == Protocol.EVENT_QUEUE) {
                heldEventChains = new DescriptorChain[0];
            }
            return q == null ? 0 : q.nextAvail();
        }
    }

    /** Stops all queues and forgets the negotiated features (disconnect, device reset). */
    public void reset() {
        synchronized (chip) {
            stopQueue(0);
            stopQueue(1);
            driverFeatures = 0;
        }
    }

    public boolean queueRunning(int index) {
        synchronized (chip) {
            return queues[index] != null;
        }
    }

    private static void checkIndex(int index) {
        if (index != Protocol.REQUEST_QUEUE && index != Protocol.EVENT_QUEUE) {
            throw new IllegalArgumentException("virtio-gpio has queues 0 and 1, not " + index);
        }
    }

    /** The driver notified the device of new buffers on a queue. */
    public void kick(int index) {
        synchronized (chip) {
            try {
                drain(index);
            } catch (InternalError e) {
                memoryFaulted(index, e);
            }
        }
        afterUnlock();
    }

    private void drain(int index) {
        SplitVirtqueue q = queues[index];
        if (q == null) {
            return;
        }
        while (true) {
            DescriptorChain chain;
            try {
                chain = q.pop(index == Protocol.REQUEST_QUEUE ? scratch : null);
                if (index == Protocol.REQUEST_QUEUE && chain != null) {
                    scratch = chain;
                }
            } catch (SplitVirtqueue.BadChainException e) {
                log.append(EventKind.CHAIN_ERROR, Event.NO_LINE, index, e.error().wire());
                if (e.head() >= 0) {
                    q.push(e.head(), 0); // give the buffers back so the driver does not leak them
                }
                continue;
            }
            if (chain == null) {
                break;
            }
            try {
                if (index == Protocol.REQUEST_QUEUE) {
                    handleRequest(q, chain);
                } else {
                    handleEventBuffer(q, chain);
                }
            } catch (GuestMemoryException e) {
                // The ring can change under us (another vCPU); a buffer that left memory is that chain's error.
                log.append(EventKind.CHAIN_ERROR, Event.NO_LINE, index,
                        EventKind.ChainError.ADDRESS_OUTSIDE_MEMORY.wire());
                q.push(chain.head(), 0);
            }
        }
        notifyIfWanted(index);
    }

    private void notifyIfWanted(int index) {
        SplitVirtqueue q = queues[index];
        if (q != null && q.shouldNotify()) {
            toNotify.set(index, notifiers[index]);
        }
    }

    /**
     * Guest memory faulted (the frontend shrank its memory file): every queue of that memory is unusable, so both
     * stop, and the transport hears of it once the monitor is released. Any other error is a bug and goes on.
     */
    private void memoryFaulted(int index, InternalError e) {
        if (!MemoryFault.is(e)) {
            throw e;
        }
        Notifier n = notifiers[index];
        stopQueue(Protocol.REQUEST_QUEUE);
        stopQueue(Protocol.EVENT_QUEUE);
        if (n != null && faulted == null) {
            faulted = n;
            faultDetail = "guest memory faulted while queue " + index + " was in use (" + e.getMessage() + ")";
        }
    }

    /** Does the I/O decided under the monitor: wake-ups, and a memory fault report. Never under the monitor. */
    private void afterUnlock() {
        if (Thread.holdsLock(chip)) {
            return; // a nested call: the outermost caller does it
        }
        for (int i = 0; i < 2; i++) {
            Notifier n = toNotify.getAndSet(i, null);
            if (n != null) {
                n.notifyDriver();
            }
        }
        Notifier f;
        String detail;
        synchronized (chip) {
            f = faulted;
            detail = faultDetail;
            faulted = null;
        }
        if (f != null) {
            f.memoryFault(detail);
        }
    }

    // ---- requestq ------------------------------------------------------------------------------------------

    private void handleRequest(SplitVirtqueue q, DescriptorChain chain) {
        long received = System.nanoTime();
        if (chain.count() < 2) {
            violation(DriverRule.REQUEST_AND_RESPONSE_BUFFERS, Event.NO_LINE, 0);
        }
        if (chain.firstWritable()) {
            violation(DriverRule.REQUEST_READ_ONLY, Event.NO_LINE, 0);
        }
        if (chain.writableCount() == 0) {
            violation(DriverRule.RESPONSE_WRITABLE, Event.NO_LINE, 0);
        }
        if (chain.readableBytes() < Protocol.REQUEST_SIZE) {
            // Nothing to decode: answer ERR if there is room for a response at all.
            log.append(EventKind.CHAIN_ERROR, Event.NO_LINE, Protocol.REQUEST_QUEUE,
                    EventKind.ChainError.TOO_SHORT.wire());
            respond(q, chain, Protocol.STATUS_ERR, 0, 0, -1, Event.NO_LINE, received);
            return;
        }
        chain.read(request, Protocol.REQUEST_SIZE);
        int type = (request[0] & 0xff) | (request[1] & 0xff) << 8;
        int line = (request[2] & 0xff) | (request[3] & 0xff) << 8;
        long value = (request[4] & 0xffL) | (request[5] & 0xffL) << 8 | (request[6] & 0xffL) << 16
                | (request[7] & 0xffL) << 24;
        log.append(received, EventKind.REQUEST, line, (long) type << 32 | value, chain.head());

        MessageType t = MessageType.fromWire(type);
        if (t == null) {
            violation(DriverRule.UNKNOWN_MESSAGE, line, type);
            respond(q, chain, Protocol.STATUS_ERR, 0, type, 2, line, received);
            return;
        }
        if (t == MessageType.GET_LINE_NAMES) {
            answerNames(q, chain, received);
            return;
        }
        if (line >= chip.lineCount()) {
            violation(DriverRule.LINE_OUT_OF_RANGE, line, type);
            respond(q, chain, Protocol.STATUS_ERR, 0, type, 2, line, received);
            return;
        }
        int status = Protocol.STATUS_OK;
        int result = 0;
        switch (t) {
            case GET_DIRECTION -> result = chip.direction(line).wireValue();
            case GET_VALUE -> result = chip.guestRead(line);
            case SET_VALUE -> {
                if (value > 1) {
                    status = Protocol.STATUS_ERR;
                } else {
                    chip.guestSetValue(line, (int) value);
                }
            }
            case SET_DIRECTION -> {
                Direction d = Direction.fromWire(value);
                if (d == null) {
                    status = Protocol.STATUS_ERR;
                } else {
                    if (d == Direction.OUT && !chip.valueSetSinceRelease(line)) {
                        violation(DriverRule.OUTPUT_BEFORE_VALUE, line, type);
                    }
                    if (d == Direction.NONE && chip.irqType(line) != IrqType.NONE) {
                        violation(DriverRule.IRQ_NOT_DISABLED_ON_RELEASE, line, type);
                    }
                    chip.guestSetDirection(line, d);
                }
            }
            case SET_IRQ_TYPE -> status = setIrqType(line, value, type);
            default -> throw new AssertionError(t);
        }
        respond(q, chain, status, status == Protocol.STATUS_OK ? result : 0, type, 2, line, received);
    }

    private int setIrqType(int line, long value, int type) {
        if ((driverFeatures & (1L << Protocol.F_IRQ)) == 0) {
            violation(DriverRule.IRQ_WITHOUT_FEATURE, line, type);
            return Protocol.STATUS_ERR;
        }
        IrqType it = IrqType.fromWire(value);
        if (it == null) {
            return Protocol.STATUS_ERR;
        }
        if (chip.direction(line) == Direction.OUT && it != IrqType.NONE) {
            violation(DriverRule.IRQ_ON_OUTPUT, line, type);
        }
        IrqType old = chip.irqType(line);
        if (old != IrqType.NONE && it != IrqType.NONE && old != it) {
            violation(DriverRule.TRIGGER_CHANGE_WITHOUT_NONE, line, type);
        }
        chip.guestSetIrqType(line, it);
        return Protocol.STATUS_OK;
    }

    private void answerNames(SplitVirtqueue q, DescriptorChain chain, long received) {
        int type = MessageType.GET_LINE_NAMES.wireValue();
        int need = 1 + names.length;
        if (names.length == 0 || chain.writableBytes() < need) {
            // No names to give (the driver should not ask), or no room for them: a one-byte ERR.
            respond(q, chain, Protocol.STATUS_ERR, 0, type, 1, Event.NO_LINE, received);
            return;
        }
        byte[] out = new byte[need];
        out[0] = Protocol.STATUS_OK;
        System.arraycopy(names, 0, out, 1, names.length);
        int written = chain.write(out, need);
        q.push(chain.head(), written);
        logResponse(type, Protocol.STATUS_OK, 0, Event.NO_LINE, received);
    }

    /**
     * Writes status and value (or only the status when {@code size} is 1) and returns the chain.
     * {@code size} -1 means "whatever fits of a normal response".
     */
    private void respond(SplitVirtqueue q, DescriptorChain chain, int status, int value, int type, int size, int line,
            long received) {
        response[0] = (byte) status;
        response[1] = (byte) value;
        int want = size < 0 ? Protocol.RESPONSE_SIZE : size;
        int written = chain.write(response, (int) Math.min(want, chain.writableBytes()));
        q.push(chain.head(), written);
        logResponse(type, status, value, line, received);
    }

    private void logResponse(int type, int status, int value, int line, long received) {
        long now = System.nanoTime();
        log.append(now, EventKind.RESPONSE, line, (long) (type & 0xffff) << 16 | (status & 0xff) << 8 | (value & 0xff),
                now - received);
    }

    private void violation(DriverRule rule, int line, long detail) {
        log.append(EventKind.RULE_VIOLATION, line, rule.wire(), detail);
    }

    // ---- eventq --------------------------------------------------------------------------------------------

    private void handleEventBuffer(SplitVirtqueue q, DescriptorChain chain) {
        if (chain.readableBytes() < Protocol.IRQ_REQUEST_SIZE || chain.writableBytes() < Protocol.IRQ_RESPONSE_SIZE) {
            violation(DriverRule.SEPARATE_EVENT_BUFFERS, Event.NO_LINE, 0);
            log.append(EventKind.BUFFER_INVALID, Event.NO_LINE, EventKind.InvalidReason.BAD_REQUEST.wire(),
                    chain.head());
            writeEventStatus(q, chain, Protocol.IRQ_STATUS_INVALID);
            return;
        }
        byte[] req = new byte[Protocol.IRQ_REQUEST_SIZE];
        chain.read(req, req.length);
        int line = (req[0] & 0xff) | (req[1] & 0xff) << 8;
        if (line >= chip.lineCount()) {
            violation(DriverRule.LINE_OUT_OF_RANGE, line, 0);
            log.append(EventKind.BUFFER_INVALID, line, EventKind.InvalidReason.BAD_REQUEST.wire(), chain.head());
            writeEventStatus(q, chain, Protocol.IRQ_STATUS_INVALID);
            return;
        }
        if ((driverFeatures & (1L << Protocol.F_IRQ)) == 0) {
            violation(DriverRule.IRQ_WITHOUT_FEATURE, line, 0);
        }
        if (chip.direction(line) == Direction.OUT) {
            violation(DriverRule.IRQ_ON_OUTPUT, line, 0);
        }
        if (chip.state(line).armed()) {
            violation(DriverRule.MULTIPLE_EVENT_BUFFERS, line, 0);
        } else if (chip.irqType(line) == IrqType.NONE) {
            violation(DriverRule.UNMASK_BEFORE_ENABLE, line, 0);
        }
        int head = chain.head();
        if (heldEventChains[head] != null) {
            // The driver reused a head we still hold: the old chain can never be returned now.
            heldEventChains[head] = null;
        }
        heldEventChains[head] = chain;
        chip.queueEventBuffer(line, head); // may complete at once, through completeEvent
    }

    /** The chip's interrupt sink: returns a held (or just queued) eventq buffer. */
    private void completeEvent(int line, long token, boolean valid) {
        SplitVirtqueue q = queues[Protocol.EVENT_QUEUE];
        int head = (int) token;
        if (q == null || head < 0 || head >= heldEventChains.length || heldEventChains[head] == null) {
            return; // the queue went away; the buffer is gone with it
        }
        DescriptorChain chain = heldEventChains[head];
        heldEventChains[head] = null;
        try {
            writeEventStatus(q, chain, valid ? Protocol.IRQ_STATUS_VALID : Protocol.IRQ_STATUS_INVALID);
            notifyIfWanted(Protocol.EVENT_QUEUE);
        } catch (InternalError e) {
            // Any thread that changes a line gets here (the control socket's, the UI's): the fault is the
            // frontend's, and that thread must carry on as if the buffer had gone with the frontend.
            memoryFaulted(Protocol.EVENT_QUEUE, e);
        }
    }

    private void writeEventStatus(SplitVirtqueue q, DescriptorChain chain, int status) {
        int written = chain.writableBytes() > 0 ? chain.write(new byte[] {(byte) status}, 1) : 0;
        q.push(chain.head(), written);
    }
}
