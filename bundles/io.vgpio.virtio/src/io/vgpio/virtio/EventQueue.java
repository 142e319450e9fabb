package io.vgpio.virtio;

import io.vgpio.core.Chip;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.BufferInvalid;
import java.util.ArrayList;
import java.util.List;

/**
 * The device's eventq side: decodes the buffers the driver queues to unmask a line, holds each (by head index)
 * until the chip completes it through its interrupt sink, and writes the status then, unless a breakpoint holds the
 * device ({@link QueueGate}), which keeps the completion for later. Guarded by the chip's monitor.
 */
final class EventQueue {
    private final VirtioGpioDevice device;
    private final Chip chip;
    private final EventLog log;
    private final DriverRuleChecker rules;
    private final RequestHandler handler;
    private final QueueGate gate;
    private DescriptorChain[] held = new DescriptorChain[0];
    /** True between a ring stop and the ring's start: the held chains wait to see whether the same ring goes on. */
    private boolean suspended;
    /** Completions the chip made while the ring was stopped, returned when the same ring continues. */
    private final List<ParkedMessages.Completion> completedWhileStopped = new ArrayList<>();

    EventQueue(VirtioGpioDevice device, DriverRuleChecker rules, RequestHandler handler, QueueGate gate) {
        this.device = device;
        this.chip = device.chip();
        this.log = chip.log();
        this.rules = rules;
        this.handler = handler;
        this.gate = gate;
    }

    /** A new ring started with this many descriptors: nothing is held on it yet. */
    void start(int size) {
        held = new DescriptorChain[size];
        completedWhileStopped.clear();
        suspended = false;
    }

    /** The ring stopped; whether its buffers are gone is known when a ring starts again ({@link RingPause}). */
    void suspend() {
        suspended = true;
    }

    /**
     * The stopped ring continues (a VM continued): the buffers held on it are the driver's still, so their chains
     * are walked again in the ring's current mapping, and what the chip completed meanwhile is returned now.
     */
    void resume(SplitVirtqueue q) {
        suspended = false;
        for (int head = 0; head < held.length; head++) {
            if (held[head] != null) {
                try {
                    held[head] = q.chainAt(head);
                } catch (SplitVirtqueue.BadChainException e) {
                    held[head] = null; // the driver changed it meanwhile: there is nothing to return it into
                }
            }
        }
        List<ParkedMessages.Completion> done = new ArrayList<>(completedWhileStopped);
        completedWhileStopped.clear();
        for (ParkedMessages.Completion c : done) {
            complete(q, c.line(), c.head(), c.valid(), c.seq());
        }
    }

    /** The device was reset or the frontend left: the chains it held belong to rings that are gone. */
    void stop() {
        held = new DescriptorChain[0];
        completedWhileStopped.clear();
        suspended = false;
    }

    /** A buffer taken off the eventq. */
    void take(SplitVirtqueue q, DescriptorChain chain) {
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
        if (held[head] != null) {
            // The driver reused a head we still hold: the old chain can never be returned now.
            held[head] = null;
        }
        held[head] = chain;
        handler.unmask(line, head); // may complete at once, through complete
    }

    /** Returns an eventq buffer the device cannot use at once, INVALID. */
    private void returnInvalid(SplitVirtqueue q, DescriptorChain chain, int line) {
        log.append(line, new BufferInvalid(EventKind.InvalidReason.BAD_REQUEST, chain.head()));
        writeStatus(q, chain, Protocol.IRQ_STATUS_INVALID);
    }

    /**
     * The chip's interrupt sink: returns a held (or just queued) eventq buffer, or, while a breakpoint holds the
     * device, keeps the completion until it is released.
     *
     * @param q   the running eventq, or null
     * @param seq the INTERRUPT or BUFFER_INVALID event that recorded the completion (-1 if unknown)
     */
    void complete(SplitVirtqueue q, int line, long token, boolean valid, long seq) {
        int head = (int) token;
        if (head < 0 || head >= held.length || held[head] == null) {
            return; // the queue went away; the buffer is gone with it
        }
        if (q == null) {
            if (suspended) {
                completedWhileStopped.add(new ParkedMessages.Completion(line, head, valid, seq));
            }
            return;
        }
        if (gate.parksCompletion()) {
            gate.park(new ParkedMessages.Completion(line, head, valid, seq));
            return;
        }
        DescriptorChain chain = held[head];
        held[head] = null;
        try {
            writeStatus(q, chain, valid ? Protocol.IRQ_STATUS_VALID : Protocol.IRQ_STATUS_INVALID);
            device.notifyIfWanted(Protocol.EVENT_QUEUE);
        } catch (InternalError e) {
            // Any thread that changes a line gets here (the control socket's, the UI's): the fault is the
            // frontend's, and that thread must carry on as if the buffer had gone with the frontend.
            device.memoryFaulted(Protocol.EVENT_QUEUE, e);
        }
    }

    private static void writeStatus(SplitVirtqueue q, DescriptorChain chain, int status) {
        int written = chain.writableBytes() > 0 ? chain.write(new byte[] {(byte) status}, 1) : 0;
        q.push(chain.head(), written);
    }
}
