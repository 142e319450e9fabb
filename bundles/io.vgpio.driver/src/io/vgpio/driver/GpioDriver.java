package io.vgpio.driver;

import io.vgpio.core.Protocol;
import io.vgpio.driver.DriverQueue.Buf;
import io.vgpio.vhost.VhostUser;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.VirtioConstants;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.Poll;

/**
 * A virtio-gpio driver in Java, attached to a backend over a real vhost-user socket: guest RAM in a memfd, split
 * rings, kick and call eventfds, and the request and interrupt flows of the Linux driver. Tests use it to check the
 * device; the benchmark uses it to measure it; the workbench's demo uses it as a guest.
 */
public final class GpioDriver implements AutoCloseable {
    /** A requestq answer: status, value, and the used length the device reported. */
    public record Response(int status, int value, int usedLen) {
        public boolean ok() {
            return status == Protocol.STATUS_OK;
        }
    }

    /** An eventq buffer returned by the device. */
    public record Interrupt(int line, int status, int usedLen) {
        public boolean valid() {
            return status == Protocol.IRQ_STATUS_VALID;
        }
    }

    private static final int SLOT = 64;

    private final VhostUserFrontend fe;
    private final GuestRam ram;
    private final GuestMemory mem;
    private DriverQueue rq;
    private DriverQueue eq;
    private final int[] kick = new int[2];
    private final int[] call = new int[2];
    private final long slots;
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<Integer, Integer> slotOfHead = new HashMap<>();
    private final Map<Integer, DriverQueue.Used> early = new HashMap<>();
    private final long irqArea;
    private final Map<Integer, Integer> lineOfEventHead = new HashMap<>();
    private final DriverOptions options;
    private final long deviceFeatures;
    private final long acceptedFeatures;
    private final int ngpio;
    private final int namesSize;

    private GpioDriver(Path socket, DriverOptions o) throws IOException {
        this.options = o;
        fe = VhostUserFrontend.connect(socket);
        try {
            int[] sizes = new int[Math.max(1, o.regions())];
            java.util.Arrays.fill(sizes, o.ramBytes());
            ram = new GuestRam(sizes);
        } catch (NativeException e) {
            fe.close();
            throw e;
        }
        mem = ram.memory();
        rq = new DriverQueue(ram, o.queueSize(), o.eventIdx());
        eq = new DriverQueue(ram, o.queueSize(), o.eventIdx());
        slots = ram.alloc(ram.regions().size() - 1, (long) SLOT * o.queueSize(), 64);
        for (int i = 0; i < o.queueSize(); i++) {
            freeSlots.add(i);
        }
        irqArea = ram.alloc(4L * Protocol.MAX_LINES + 4, 64);
        deviceFeatures = Handshake.connect(fe);
        for (int i = 0; i < 2; i++) {
            kick[i] = EventFd.create(0);
            call[i] = EventFd.create(0);
        }
        byte[] cfg = fe.getConfig(0, Protocol.CONFIG_SIZE);
        ByteBuffer c = VhostUserFrontend.le(8).put(cfg).flip();
        ngpio = c.getShort(0) & 0xffff;
        namesSize = c.getInt(4);

        acceptedFeatures = deviceFeatures & Handshake.wanted(o);
        Handshake.startDriver(fe, ram, acceptedFeatures, new DriverQueue[] {rq, eq}, kick, call);
    }

    /** Attaches with the default options (64-entry rings as QEMU 10, EVENT_IDX, INDIRECT_DESC, IRQ). */
    public static GpioDriver attach(Path socket) throws IOException {
        return new GpioDriver(socket, DriverOptions.defaults());
    }

    public static GpioDriver attach(Path socket, DriverOptions options) throws IOException {
        return new GpioDriver(socket, options);
    }

    public int ngpio() {
        return ngpio;
    }

    public int namesSize() {
        return namesSize;
    }

    public long deviceFeatures() {
        return deviceFeatures;
    }

    public long acceptedFeatures() {
        return acceptedFeatures;
    }

    public VhostUserFrontend frontend() {
        return fe;
    }

    public GuestRam ram() {
        return ram;
    }

    public GuestMemory memory() {
        return mem;
    }

    public DriverQueue requestQueue() {
        return rq;
    }

    public DriverQueue eventQueue() {
        return eq;
    }

    public int callFd(int queue) {
        return call[queue];
    }

    // ---- requestq --------------------------------------------------------------------------------------------

    /** Sends one request and waits for its answer. */
    public synchronized Response request(int type, int line, long value) throws IOException {
        int head = submit(type, line, value);
        kick(0);
        return awaitResponse(head, 5000);
    }

    /** Queues a request without kicking; returns its head. Answers come from {@link #awaitResponse}. */
    public synchronized int submit(int type, int line, long value) {
        Integer slot = freeSlots.poll();
        if (slot == null) {
            throw new IllegalStateException("all " + options.queueSize() + " request slots are in flight");
        }
        long req = slots + (long) SLOT * slot;
        mem.putU16(req, type);
        mem.putU16(req + 2, line);
        mem.putU32(req + 4, value);
        mem.putU16(req + 8, 0xeeee); // poison: the device must overwrite both response bytes
        int head = rq.add(Buf.in(req, Protocol.REQUEST_SIZE), Buf.out(req + 8, Protocol.RESPONSE_SIZE));
        slotOfHead.put(head, slot);
        return head;
    }

    private int fixedHead = -1;
    private long fixedReq;

    /**
     * The lean path for latency measurements: one request in flight on a chain built once and reused, the way a
     * kernel driver reuses its descriptors; blocks on the call eventfd. Returns the response value (status must be
     * OK). Do not mix with {@link #submit} while in use.
     */
    public int fixedRequest(int type, int line, long value) throws IOException {
        if (fixedHead < 0) {
            fixedReq = ram.alloc(ram.regions().size() - 1, 16, 16);
            int a = rq.takeDescriptor();
            int b = rq.takeDescriptor();
            rq.writeDesc(a, fixedReq, Protocol.REQUEST_SIZE, io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_NEXT, b);
            rq.writeDesc(b, fixedReq + 8, Protocol.RESPONSE_SIZE, io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_WRITE, 0);
            fixedHead = a;
        }
        mem.putU16(fixedReq, type);
        mem.putU16(fixedReq + 2, line);
        mem.putU32(fixedReq + 4, value);
        mem.putU8(fixedReq + 8, 0xee);
        rq.republish(fixedHead);
        EventFd.signal(kick[0]);
        while (!rq.takeUsed()) {
            blockOnCall(0);
        }
        if (mem.u8(fixedReq + 8) != Protocol.STATUS_OK) {
            throw new IOException("request type " + type + " answered status " + mem.u8(fixedReq + 8));
        }
        return mem.u8(fixedReq + 9);
    }

    /** Waits for a given request's answer (answers to others that arrive first are kept for later). */
    public synchronized Response awaitResponse(int head, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            DriverQueue.Used u = early.remove(head);
            if (u == null) {
                u = rq.poll();
                if (u != null && u.head() != head) {
                    early.put(u.head(), u);
                    continue;
                }
            }
            if (u != null) {
                Integer slot = slotOfHead.remove(head);
                long req = slots + (long) SLOT * slot;
                Response r = new Response(mem.u8(req + 8), mem.u8(req + 9), u.len());
                freeSlots.add(slot);
                return r;
            }
            waitCall(0, deadline);
        }
    }

    /** Takes any one answered request (for pipelined use), or null if none is waiting. */
    public synchronized DriverQueue.Used pollAnyResponse() {
        DriverQueue.Used u = rq.poll();
        if (u != null) {
            Integer slot = slotOfHead.remove(u.head());
            if (slot != null) {
                freeSlots.add(slot);
            }
        }
        return u;
    }

    /** Waits up to timeoutMillis for any chain to come back on a queue (for hand-made chains); null on timeout. */
    public synchronized DriverQueue.Used awaitUsed(int queue, long timeoutMillis) throws IOException {
        DriverQueue q = queue == 0 ? rq : eq;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            DriverQueue.Used u = q.poll();
            if (u != null) {
                return u;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            if (Poll.pollIn(call[queue], (int) left)) {
                EventFd.drain(call[queue]);
            }
        }
    }

    /** Blocks until the device signals the queue's call eventfd (no timeout: for the benchmark's hot loop). */
    public void blockOnCall(int queue) throws IOException {
        // The backend makes call descriptors non-blocking (QEMU creates them so), so a read alone would not wait.
        Poll.pollIn(call[queue], -1);
        EventFd.drain(call[queue]);
    }

    private void waitCall(int queue, long deadlineNanos) throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0 || !Poll.pollIn(call[queue], (int) Math.max(1, left))) {
            if (System.nanoTime() >= deadlineNanos) {
                throw new IOException("no answer from the device on queue " + queue + " in time");
            }
            return;
        }
        EventFd.drain(call[queue]);
    }

    public void kick(int queue) throws IOException {
        EventFd.signal(kick[queue]);
    }

    /** GET_LINE_NAMES with a response buffer of 1 + names_size bytes; returns the names, "" for unnamed lines. */
    public synchronized String[] lineNames() throws IOException {
        int n = namesSize;
        long req = ram.alloc(8 + 1 + n, 8);
        mem.putU16(req, io.vgpio.core.MessageType.GET_LINE_NAMES.wireValue());
        mem.putU16(req + 2, 0);
        mem.putU32(req + 4, 0);
        int head = rq.add(Buf.in(req, 8), Buf.out(req + 8, 1 + n));
        kick(0);
        long deadline = System.nanoTime() + 5_000_000_000L;
        DriverQueue.Used u;
        while ((u = rq.poll()) == null) {
            waitCall(0, deadline);
        }
        if (u.head() != head) {
            throw new IOException("unexpected answer for head " + u.head());
        }
        if (mem.u8(req + 8) != Protocol.STATUS_OK) {
            throw new IOException("GET_LINE_NAMES answered ERR");
        }
        if (u.len() != 1 + n) {
            throw new IOException("GET_LINE_NAMES used length " + u.len() + ", expected " + (1 + n));
        }
        byte[] blob = new byte[n];
        mem.read(req + 9, blob, 0, n);
        String[] names = new String[ngpio];
        int p = 0;
        for (int i = 0; i < ngpio; i++) {
            int end = p;
            while (end < n && blob[end] != 0) {
                end++;
            }
            names[i] = new String(blob, p, end - p, java.nio.charset.StandardCharsets.US_ASCII);
            p = end + 1;
        }
        return names;
    }

    // ---- eventq ----------------------------------------------------------------------------------------------

    /** Queues the eventq buffer pair for a line (unmasks its interrupt) and kicks. */
    public synchronized int queueIrqBuffer(int line) throws IOException {
        long req = irqArea + 4L * line;
        mem.putU16(req, line);
        mem.putU8(req + 2, 0xee); // poison: the device must write the status
        int head = eq.add(Buf.in(req, Protocol.IRQ_REQUEST_SIZE), Buf.out(req + 2, Protocol.IRQ_RESPONSE_SIZE));
        lineOfEventHead.put(head, line);
        kick(1);
        return head;
    }

    /** Waits up to timeoutMillis for an eventq buffer to come back; null on timeout. */
    public synchronized Interrupt awaitInterrupt(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            DriverQueue.Used u = eq.poll();
            if (u != null) {
                Integer line = lineOfEventHead.remove(u.head());
                int l = line == null ? -1 : line;
                int status = l < 0 ? -1 : mem.u8(irqArea + 4L * l + 2);
                return new Interrupt(l, status, u.len());
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            if (Poll.pollIn(call[1], (int) left)) {
                EventFd.drain(call[1]);
            }
        }
    }

    /** Takes a returned eventq buffer without waiting; null if none. */
    public synchronized Interrupt pollInterrupt() {
        DriverQueue.Used u = eq.poll();
        if (u == null) {
            return null;
        }
        Integer line = lineOfEventHead.remove(u.head());
        int l = line == null ? -1 : line;
        return new Interrupt(l, l < 0 ? -1 : mem.u8(irqArea + 4L * l + 2), u.len());
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /**
     * What QEMU does at guest shutdown and when it stops the VM: disable the rings and fetch their bases.
     *
     * @return the bases the backend reported, by queue
     */
    public int[] stop() throws IOException {
        for (int i = 0; i < 2; i++) {
            fe.vringStateAcked(VhostUser.SET_VRING_ENABLE, i, 0);
        }
        int[] bases = new int[2];
        for (int i = 0; i < 2; i++) {
            bases[i] = fe.getVringBase(i);
        }
        return bases;
    }

    /** What QEMU does when the VM continues after {@link #stop()}: the same rings, from the reported bases. */
    public synchronized void resume(int[] bases) throws IOException {
        Handshake.startDriver(fe, ram, acceptedFeatures, new DriverQueue[] {rq, eq}, kick, call, bases);
    }

    /**
     * What a guest reboot looks like on a connection that stays: {@link #stop()}, then the driver starts again
     * with fresh rings (SET_FEATURES, SET_MEM_TABLE, and the per-queue setup).
     */
    public synchronized void restart() throws IOException {
        rq = new DriverQueue(ram, options.queueSize(), options.eventIdx());
        eq = new DriverQueue(ram, options.queueSize(), options.eventIdx());
        slotOfHead.clear();
        early.clear();
        lineOfEventHead.clear();
        freeSlots.clear();
        for (int i = 0; i < options.queueSize(); i++) {
            freeSlots.add(i);
        }
        Handshake.startDriver(fe, ram, acceptedFeatures, new DriverQueue[] {rq, eq}, kick, call);
    }

    @Override
    public void close() {
        fe.close();
        for (int i = 0; i < 2; i++) {
            Descriptors.close(kick[i]);
            Descriptors.close(call[i]);
        }
        ram.close();
    }
}
