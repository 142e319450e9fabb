package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind.ChainError;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.breakpoint.HeldQueues;
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
 * Whatever should change the answers (fault injection) is a RequestHandler that wraps the chip's, installed with
 * {@link #VirtioGpioDevice(Chip, UnaryOperator)}. A breakpoint's hold is the {@link #gate()}: requests wait in the
 * ring and completions in the device until it is released, so no thread ever blocks for it.
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
    /** The eventq's buffers, held per line until the chip completes them. */
    private final EventQueue events;
    /** A breakpoint's hold: while closed, requests wait in the ring and completions in the gate. */
    private final QueueGate gate;
    private long driverFeatures;
    /**
     * A ring stopped while the guest had state on the lines: it stays until the rings start again, and goes if
     * a new ring starts instead of the stopped one.
     */
    private boolean guestStateOnHold;
    private final RingPause pause = new RingPause();
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
     * {@link ChipRequestHandler} and returns the handler the device uses (a fault injector; see
     * {@link RequestHandler}).
     */
    public VirtioGpioDevice(Chip chip, UnaryOperator<RequestHandler> around) {
        this.chip = chip;
        this.log = chip.log();
        this.names = chip.config().namesBlob();
        this.wakeUps = new DeferredWakeUps(chip);
        this.gate = new QueueGate(this, wakeUps);
        this.rules = new DriverRuleChecker(chip, this::irqNegotiated);
        this.handler = around.apply(new ChipRequestHandler(chip, this::irqNegotiated));
        this.events = new EventQueue(this, rules, handler, gate);
        chip.setInterruptSink(new Chip.InterruptSink() {
            @Override
            public void complete(int line, long token, boolean valid) {
                events.complete(queues[Protocol.EVENT_QUEUE], line, token, valid, -1);
            }

            @Override
            public void complete(int line, long token, boolean valid, long seq) {
                events.complete(queues[Protocol.EVENT_QUEUE], line, token, valid, seq);
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

    /** The gate a breakpoint closes to hold this device (see {@link io.vgpio.core.breakpoint.Breakpoints}). */
    public HeldQueues gate() {
        return gate;
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
        return ConfigSpace.of(chip.lineCount(), names.length);
    }

    /**
     * Starts a queue; buffers already available are processed at once. A ring that continues where it stopped (a VM
     * continued) keeps the guest's state of the lines and the eventq buffers it held; a new ring (the driver reset
     * the device) starts from a guest that has asked for nothing.
     */
    public void startQueue(int index, SplitVirtqueue queue, Notifier notifier) {
        checkIndex(index);
        synchronized (chip) {
            queues[index] = queue;
            notifiers[index] = notifier;
            boolean continues = pause.continues(index, queue);
            if (!continues) {
                forgetStoppedGuest();
            } else if (!pause.pending()) {
                guestStateOnHold = false; // every stopped ring continued: the VM is running again
            }
            if (index == Protocol.REQUEST_QUEUE) {
                gate.restarted(queue.nextAvail());
            }
            if (index == Protocol.EVENT_QUEUE) {
                if (continues) {
                    events.resume(queue);
                } else {
                    events.start(queue.size());
                }
            }
        }
        kick(index);
    }

    /**
     * Stops a queue (GET_VRING_BASE). The guest's state of the lines and the eventq buffers it handed over stay
     * until a ring starts again: QEMU stops the rings for a VM stop too, and continues them afterwards.
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
            int base = q == null ? 0 : q.nextAvail();
            if (index == Protocol.REQUEST_QUEUE && q != null) {
                base = gate.rewind(base); // the frontend offers the held requests again when it restarts the ring
            }
            if (q != null) {
                pause.stopped(index, base, q);
                guestStateOnHold = true;
            }
            if (index == Protocol.EVENT_QUEUE) {
                events.suspend();
            }
            return base;
        }
    }

    /**
     * A ring starts that does not continue the stopped one: the driver reset the device, so the guest's state of
     * every line is reset (the user's input levels stay) and the buffers held on the old rings are gone.
     */
    private void forgetStoppedGuest() {
        pause.clear();
        if (!guestStateOnHold) {
            return;
        }
        guestStateOnHold = false;
        gate.forgetCompletions();
        events.stop();
        chip.resetGuestState();
    }

    /** Stops all queues and forgets the negotiated features (disconnect, device reset). */
    public void reset() {
        synchronized (chip) {
            stopQueue(0);
            stopQueue(1);
            forgetStoppedGuest();
            gate.reset();
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

    /** {@link #takeOne}: the ring had nothing. */
    private static final long EMPTY = -2;
    /** {@link #takeOne}: the chain was rejected (and given back). */
    private static final long REJECTED = -3;

    /** Takes what waits in a queue; the requestq only while no breakpoint holds the device. */
    private void drain(int index) {
        while ((index == Protocol.EVENT_QUEUE || !gate.closed()) && takeOne(index) != EMPTY) {
            // each round handled one chain
        }
        notifyIfWanted(index);
    }

    /**
     * Takes one chain off a queue and handles it.
     *
     * @return the RESPONSE's sequence number for an answered request, -1 for a chain that waits or an eventq
     *         buffer, {@link #EMPTY} or {@link #REJECTED}
     */
    private long takeOne(int index) {
        SplitVirtqueue q = queues[index];
        if (q == null) {
            return EMPTY;
        }
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
            return REJECTED;
        }
        if (chain == null) {
            return EMPTY;
        }
        try {
            if (index == Protocol.REQUEST_QUEUE) {
                return handleRequest(q, chain);
            }
            events.take(q, chain);
            return -1;
        } catch (GuestMemoryException e) {
            // The ring can change under us (another vCPU); a buffer that left memory is that chain's error.
            log.append(Event.NO_LINE, new ChainRejected(index, ChainError.ADDRESS_OUTSIDE_MEMORY));
            q.push(chain.head(), 0);
            return REJECTED;
        }
    }

    void notifyIfWanted(int index) {
        SplitVirtqueue q = queues[index];
        if (q != null && q.shouldNotify()) {
            wakeUps.wake(index, notifiers[index]);
        }
    }

    /**
     * Guest memory faulted (the frontend shrank its memory file): every queue of that memory is unusable, so both
     * stop, and the transport hears of it once the monitor is released. Any other error is a bug and goes on.
     */
    void memoryFaulted(int index, InternalError e) {
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

    /** @return the sequence number of the RESPONSE, or -1 when the request waits behind a breakpoint */
    private long handleRequest(SplitVirtqueue q, DescriptorChain chain) {
        long received = System.nanoTime();
        boolean replay = gate.replay(); // held when the ring stopped (a VM stop): recorded and checked back then
        if (!replay) {
            rules.requestChain(chain.count(), chain.firstWritable(), chain.writableCount());
        }
        if (chain.readableBytes() < Protocol.REQUEST_SIZE) {
            // Nothing to decode: answer ERR if there is room for a response at all.
            log.append(Event.NO_LINE, new ChainRejected(Protocol.REQUEST_QUEUE, ChainError.TOO_SHORT));
            return respond(q, chain, Reply.error(), 0, Event.NO_LINE, received);
        }
        chain.read(request, Protocol.REQUEST_SIZE);
        GpioRequest r = GpioRequest.decode(request);
        if (replay) {
            return answer(q, chain, r, received);
        }
        log.append(received, r.line(), new Request(r.type(), r.value(), chain.head()));
        rules.request(r); // before the answer: the rules compare the request with the state it changes
        if (gate.parksRequest()) { // the request (or one before it) hit a breakpoint: answered on release
            gate.park(new ParkedMessages.Request(chain, r, received));
            scratch = null; // the parked chain is not to be refilled by the next one
            return -1;
        }
        return answer(q, chain, r, received);
    }

    private long answer(SplitVirtqueue q, DescriptorChain chain, GpioRequest r, long received) {
        Reply reply = handler.answer(r);
        // GET_LINE_NAMES concerns no line: its gpio field means nothing.
        int line = r.messageType() == MessageType.GET_LINE_NAMES ? Event.NO_LINE : r.line();
        if (reply.isLater()) {
            scratch = null; // the parked chain is the handler's now: the next request gets a chain of its own
            handler.parked(new ParkedRequest(this, q, chain, r, line, received));
            return -1;
        }
        return respond(q, chain, reply, r.type(), line, received);
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
    private long respond(SplitVirtqueue q, DescriptorChain chain, Reply reply, int type, int line, long received) {
        if (reply.hasBody() && chain.writableBytes() < reply.size()) {
            reply = Reply.statusOnlyError();
        }
        int written = reply.writeTo(chain, response);
        long now = System.nanoTime();
        // Recorded before the used ring shows it: whoever sees the answer (the driver, a test) finds it in the log,
        // with what a breakpoint on it recorded too.
        long seq = log.append(now, line, new Response(type, reply.status(), reply.value(), now - received));
        q.push(chain.head(), written);
        return seq;
    }

    // ---- releasing what a breakpoint held (QueueGate, under the monitor) --------------------------------------

    /**
     * Lets a message that waited go: answers a request, or returns an eventq buffer.
     *
     * @return the RESPONSE's sequence number, the completion's INTERRUPT or BUFFER_INVALID, or -1 when the request's
     *         queue went away
     */
    long release(ParkedMessages.Parked parked) {
        if (parked instanceof ParkedMessages.Completion c) {
            events.complete(queues[Protocol.EVENT_QUEUE], c.line(), c.head(), c.valid(), c.seq());
            return c.seq();
        }
        ParkedMessages.Request r = (ParkedMessages.Request) parked;
        SplitVirtqueue q = queues[Protocol.REQUEST_QUEUE];
        try {
            long seq = q == null ? -1 : answer(q, r.chain(), r.request(), r.receivedNanos());
            notifyIfWanted(Protocol.REQUEST_QUEUE);
            return seq;
        } catch (InternalError e) {
            memoryFaulted(Protocol.REQUEST_QUEUE, e);
            return -1;
        }
    }

    /** Takes the next request off the ring and answers it, whatever it hits; -1 when the ring is empty. */
    long takeOneRequest() {
        try {
            long seq;
            do {
                seq = takeOne(Protocol.REQUEST_QUEUE);
            } while (seq == REJECTED);
            notifyIfWanted(Protocol.REQUEST_QUEUE);
            return seq == EMPTY ? -1 : seq;
        } catch (InternalError e) {
            memoryFaulted(Protocol.REQUEST_QUEUE, e);
            return -1;
        }
    }
}
