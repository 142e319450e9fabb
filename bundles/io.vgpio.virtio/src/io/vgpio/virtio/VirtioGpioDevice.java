package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventKind.ChainError;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.Features;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import java.util.function.UnaryOperator;

/**
 * The virtio-gpio device: takes requestq messages and eventq buffers off the queues, decodes them, and hands them
 * to a {@link RequestHandler} (the chip, or whatever stands in front of it), then writes its {@link Reply} back with
 * the exact response sizes the specification gives. The {@link DriverRuleChecker} sees every decoded message first
 * and records the driver-normative statements the guest breaks. Transport-independent: queues come from whoever
 * negotiated them (the vhost-user backend, or a test).
 *
 * <p>The seam: {@link RequestHandler} is the one place between "a decoded request" and "the chip that answers it".
 * Whatever should stand between guest and chip (a breakpoint, fault injection) is a RequestHandler that wraps the
 * chip's, installed with {@link #VirtioGpioDevice(Chip, UnaryOperator)}; nothing else here needs to change.
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
    private final DriverRuleChecker rules;
    private final RequestHandler handler;
    private final SplitVirtqueue[] queues = new SplitVirtqueue[2];
    private final Notifier[] notifiers = new Notifier[2];
    /** Wake-ups and fault reports decided under the monitor, done after it is released. */
    private final DeferredWakeUps wakeUps;
    private DescriptorChain[] heldEventChains = new DescriptorChain[0];
    private long driverFeatures;
    private boolean started;
    private final byte[] request = new byte[Protocol.REQUEST_SIZE];
    /** Refilled for every requestq chain (answered before the next is taken); eventq chains are held, so new. */
    private DescriptorChain scratch;
    /** The bytes of every two-byte response, refilled for each. */
    private final byte[] response = new byte[Protocol.RESPONSE_SIZE];

    /** A device whose requests the chip answers directly. */
    public VirtioGpioDevice(Chip chip) {
        this(chip, UnaryOperator.identity());
    }

    /**
     * A device with something between the decoded requests and the chip: {@code around} gets the
     * {@link ChipRequestHandler} and returns the handler the device uses (a breakpoint, a fault injector; see
     * {@link RequestHandler}).
     */
    public VirtioGpioDevice(Chip chip, UnaryOperator<RequestHandler> around) {
        this.chip = chip;
        this.log = chip.log();
        this.names = chip.config().namesBlob();
        this.wakeUps = new DeferredWakeUps(chip);
        this.rules = new DriverRuleChecker(chip, this::irqNegotiated);
        this.handler = around.apply(new ChipRequestHandler(chip, this::irqNegotiated));
        chip.setInterruptSink(new Chip.InterruptSink() {
            @Override
            public void complete(int line, long token, boolean valid) {
                completeEvent(line, token, valid);
            }

            @Override
            public void unlocked() {
                wakeUps.run(); // the wake-ups decided under the monitor, now that it is released
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
            log.append(Event.NO_LINE, new Features(driverFeatures, features));
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

    /** For the checker and the handler, which ask under the monitor. */
    private boolean irqNegotiated() {
        return (driverFeatures & (1L << Protocol.F_IRQ)) != 0;
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
            wakeUps.forget(index);
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
        wakeUps.run(); // the wake-ups decided under the monitor, now that it is released
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
                log.append(Event.NO_LINE, new ChainRejected(index, e.error()));
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
                log.append(Event.NO_LINE, new ChainRejected(index, ChainError.ADDRESS_OUTSIDE_MEMORY));
                q.push(chain.head(), 0);
            }
        }
        notifyIfWanted(index);
    }

    private void notifyIfWanted(int index) {
        SplitVirtqueue q = queues[index];
        if (q != null && q.shouldNotify()) {
            wakeUps.wake(index, notifiers[index]);
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
        if (n != null) {
            wakeUps.memoryFault(n, "guest memory faulted while queue " + index + " was in use (" + e.getMessage()
                    + ")");
        }
    }

    // ---- requestq ------------------------------------------------------------------------------------------

    private void handleRequest(SplitVirtqueue q, DescriptorChain chain) {
        long received = System.nanoTime();
        rules.requestChain(chain.count(), chain.firstWritable(), chain.writableCount());
        if (chain.readableBytes() < Protocol.REQUEST_SIZE) {
            // Nothing to decode: answer ERR if there is room for a response at all.
            log.append(Event.NO_LINE, new ChainRejected(Protocol.REQUEST_QUEUE, ChainError.TOO_SHORT));
            respond(q, chain, Reply.error(), 0, Event.NO_LINE, received);
            return;
        }
        chain.read(request, Protocol.REQUEST_SIZE);
        GpioRequest r = GpioRequest.decode(request);
        log.append(received, r.line(), new Request(r.type(), r.value(), chain.head()));
        rules.request(r); // before the answer: the rules compare the request with the state it changes
        Reply reply = handler.answer(r);
        // GET_LINE_NAMES concerns no line: its gpio field means nothing.
        int line = r.messageType() == MessageType.GET_LINE_NAMES ? Event.NO_LINE : r.line();
        if (reply.isLater()) {
            scratch = null; // the parked chain is the handler's now: the next request gets a chain of its own
            handler.parked(new ParkedRequest(this, q, chain, r, line, received));
            return;
        }
        respond(q, chain, reply, r.type(), line, received);
    }

    /**
     * Answers a request a handler parked, on the caller's thread. Dropped if the queue it came from stopped: its
     * ring and the guest waiting on it are gone.
     */
    void answerParked(ParkedRequest p, java.util.function.Supplier<Reply> reply) {
        synchronized (chip) {
            SplitVirtqueue q = queues[Protocol.REQUEST_QUEUE];
            if (!p.claim() || q != p.queue()) {
                return;
            }
            try {
                respond(q, p.chain(), reply.get(), p.request().type(), p.line(), p.receivedNanos());
                notifyIfWanted(Protocol.REQUEST_QUEUE);
            } catch (GuestMemoryException e) {
                log.append(Event.NO_LINE, new ChainRejected(Protocol.REQUEST_QUEUE, ChainError.ADDRESS_OUTSIDE_MEMORY));
                q.push(p.chain().head(), 0);
            } catch (InternalError e) {
                memoryFaulted(Protocol.REQUEST_QUEUE, e);
            }
        }
        wakeUps.run();
    }

    /**
     * Writes the reply, as much of it as the driver left room for, and returns the chain. A reply with a body (the
     * line names) that does not fit becomes a lone ERR byte: half a names blob would be worse than none.
     */
    private void respond(SplitVirtqueue q, DescriptorChain chain, Reply reply, int type, int line, long received) {
        if (reply.hasBody() && chain.writableBytes() < reply.size()) {
            reply = Reply.statusOnlyError();
        }
        int written = reply.writeTo(chain, response);
        q.push(chain.head(), written);
        long now = System.nanoTime();
        log.append(now, line, new Response(type, reply.status(), reply.value(), now - received));
    }

    // ---- eventq --------------------------------------------------------------------------------------------

    private void handleEventBuffer(SplitVirtqueue q, DescriptorChain chain) {
        if (chain.readableBytes() < Protocol.IRQ_REQUEST_SIZE || chain.writableBytes() < Protocol.IRQ_RESPONSE_SIZE) {
            rules.malformedEventBuffer();
            returnInvalid(q, chain, Event.NO_LINE);
            return;
        }
        byte[] req = new byte[Protocol.IRQ_REQUEST_SIZE];
        chain.read(req, req.length);
        int line = (req[0] & 0xff) | (req[1] & 0xff) << 8;
        rules.eventBuffer(line);
        if (line >= chip.lineCount()) {
            returnInvalid(q, chain, line);
            return;
        }
        int head = chain.head();
        if (heldEventChains[head] != null) {
            // The driver reused a head we still hold: the old chain can never be returned now.
            heldEventChains[head] = null;
        }
        heldEventChains[head] = chain;
        handler.unmask(line, head); // may complete at once, through completeEvent
    }

    /** Returns an eventq buffer the device cannot use at once, INVALID. */
    private void returnInvalid(SplitVirtqueue q, DescriptorChain chain, int line) {
        log.append(line, new BufferInvalid(EventKind.InvalidReason.BAD_REQUEST, chain.head()));
        writeEventStatus(q, chain, Protocol.IRQ_STATUS_INVALID);
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
