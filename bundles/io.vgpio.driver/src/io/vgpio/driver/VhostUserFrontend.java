package io.vgpio.driver;

import com.sun.jna.Memory;
import static io.vgpio.vhost.VhostUser.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import io.vgpio.linux.DescriptorPassing;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.FdList;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.UnixSockets;

/**
 * The frontend end of a vhost-user connection, as QEMU drives it: messages with descriptors over a UNIX socket.
 * Request codes and flags are those of {@link io.vgpio.vhost.VhostUser}; {@link #send} sends any message,
 * well-formed or not.
 */
public final class VhostUserFrontend implements AutoCloseable {

    private final int sock;
    private final Memory out = new Memory(12 + 4096);
    private final Memory in = new Memory(12 + 4096);
    private final FdList fds = new FdList();

    private VhostUserFrontend(int sock) {
        this.sock = sock;
    }

    public static VhostUserFrontend connect(Path socket) throws NativeException {
        return new VhostUserFrontend(UnixSockets.connect(socket.toString()));
    }

    public int socketFd() {
        return sock;
    }

    /** Sends a message (flags: version 1 plus the given bits). */
    public synchronized void send(int request, int flags, byte[] payload, int... fdsToSend) throws NativeException {
        int size = payload == null ? 0 : payload.length;
        out.setInt(0, request);
        out.setInt(4, 0x1 | flags);
        out.setInt(8, size);
        if (size > 0) {
            out.write(12, payload, 0, size);
        }
        DescriptorPassing.send(sock, out, 12 + size, fdsToSend);
    }

    /** Reads one reply and returns its payload (little-endian); fails if it answers another request. */
    public synchronized ByteBuffer readReply(int request) throws IOException {
        int got = DescriptorPassing.receive(sock, in, 12, fds);
        fds.closeAll();
        if (got == 0) {
            throw new IOException("backend closed the connection while we waited for the reply to " + request);
        }
        if (got < 12) {
            Descriptors.readFully(sock, in.share(got), 12 - got);
        }
        int req = in.getInt(0);
        int flags = in.getInt(4);
        int size = in.getInt(8);
        if (req != request || (flags & 0x4) == 0 || size < 0 || size > 4096) {
            throw new IOException("unexpected reply: request " + req + " flags 0x" + Integer.toHexString(flags)
                    + " size " + size + " (waiting for " + request + ")");
        }
        byte[] p = new byte[size];
        if (size > 0) {
            Descriptors.readFully(sock, in, size);
            in.read(0, p, 0, size);
        }
        return ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
    }

    public long getU64(int request) throws IOException {
        send(request, 0, null);
        return readReply(request).getLong(0);
    }

    public void setU64(int request, long value, int... fdsToSend) throws NativeException {
        send(request, 0, le(8).putLong(value).array(), fdsToSend);
    }

    /** Sends with FLAG_NEED_REPLY and returns the REPLY_ACK status. */
    public long setU64Acked(int request, long value, int... fdsToSend) throws IOException {
        send(request, FLAG_NEED_REPLY, le(8).putLong(value).array(), fdsToSend);
        return readReply(request).getLong(0);
    }

    public void vringState(int request, int index, int num) throws NativeException {
        send(request, 0, le(8).putInt(index).putInt(num).array());
    }

    public long vringStateAcked(int request, int index, int num) throws IOException {
        send(request, FLAG_NEED_REPLY, le(8).putInt(index).putInt(num).array());
        return readReply(request).getLong(0);
    }

    /** GET_VRING_BASE: stops the queue and returns its next available index. */
    public int getVringBase(int index) throws IOException {
        send(GET_VRING_BASE, 0, le(8).putInt(index).putInt(0).array());
        ByteBuffer r = readReply(GET_VRING_BASE);
        return r.getInt(4);
    }

    public byte[] getConfig(int offset, int size) throws IOException {
        ByteBuffer p = le(12 + size).putInt(offset).putInt(size).putInt(0);
        send(GET_CONFIG, 0, p.array());
        ByteBuffer r = readReply(GET_CONFIG);
        int len = r.getInt(4);
        byte[] c = new byte[len];
        r.position(12);
        r.get(c);
        return c;
    }

    /** SET_MEM_TABLE with every region of the RAM, one descriptor each (acked when REPLY_ACK is on). */
    public long setMemTable(GuestRam ram, boolean needReply) throws IOException {
        java.util.List<GuestRam.Region> regions = ram.regions();
        ByteBuffer p = le(8 + 32 * regions.size()).putInt(regions.size()).putInt(0);
        int[] fds = new int[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            GuestRam.Region r = regions.get(i);
            p.putLong(r.guestAddress()).putLong(r.size()).putLong(r.userAddress()).putLong(0);
            fds[i] = r.fd();
        }
        send(SET_MEM_TABLE, needReply ? FLAG_NEED_REPLY : 0, p.array(), fds);
        return needReply ? readReply(SET_MEM_TABLE).getLong(0) : 0;
    }

    public void setVringAddr(int index, DriverQueue q) throws NativeException {
        ByteBuffer p = le(40).putInt(index).putInt(0).putLong(q.descAddr() + 0L).putLong(q.usedAddr())
                .putLong(q.availAddr()).putLong(0);
        send(SET_VRING_ADDR, 0, p.array());
    }

    /** Same as {@link #setVringAddr} but with the frontend virtual addresses QEMU would send. */
    public void setVringAddrUva(int index, DriverQueue q, GuestRam ram) throws NativeException {
        ByteBuffer p = le(40).putInt(index).putInt(0).putLong(ram.toUser(q.descAddr()))
                .putLong(ram.toUser(q.usedAddr())).putLong(ram.toUser(q.availAddr())).putLong(0);
        send(SET_VRING_ADDR, 0, p.array());
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() {
        Descriptors.close(sock);
    }
}
