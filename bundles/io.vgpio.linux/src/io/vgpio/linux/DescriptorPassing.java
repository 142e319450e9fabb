package io.vgpio.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Messages with descriptors attached (SCM_RIGHTS) over a UNIX stream socket: how a vhost-user frontend hands over
 * its eventfds and guest memory files.
 *
 * <p>The structures are laid out by hand for the LP64 ABI of 64-bit Linux (x86_64 and aarch64 alike): pointers,
 * size_t and socklen_t-as-size_t fields are 8 bytes, int 4, and the kernel aligns control messages to 8 bytes
 * (CMSG_ALIGN). A 32-bit ABI would need other offsets; the product runs on 64-bit Linux only.
 */
public final class DescriptorPassing {
    private DescriptorPassing() {
    }

    /** Most descriptors one message may carry (vhost-user sends at most 8 memory regions at once). */
    public static final int MAX_FDS = 16;

    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int MSG_CTRUNC = 0x8;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;

    /** struct msghdr: name, namelen (padded), iov, iovlen, control, controllen, flags (padded): 56 bytes. */
    static final int MSGHDR_SIZE = 56;
    static final int MSG_NAME = 0;
    static final int MSG_NAMELEN = 8;
    static final int MSG_IOV = 16;
    static final int MSG_IOVLEN = 24;
    static final int MSG_CONTROL = 32;
    static final int MSG_CONTROLLEN = 40;
    static final int MSG_FLAGS = 48;

    /** struct iovec: void *iov_base, size_t iov_len. */
    static final int IOVEC_SIZE = 16;
    static final int IOV_BASE = 0;
    static final int IOV_LEN = 8;

    /** struct cmsghdr: size_t cmsg_len, int cmsg_level, int cmsg_type, then the data (here: ints, descriptors). */
    static final int CMSG_HDR_SIZE = 16;
    static final int CMSG_LEN = 0;
    static final int CMSG_LEVEL = 8;
    static final int CMSG_TYPE = 12;
    static final int CMSG_DATA = CMSG_HDR_SIZE;
    static final int CMSG_ALIGN = 8;

    /** Room for one SCM_RIGHTS message with {@link #MAX_FDS} descriptors. */
    static final int CONTROL_SIZE = CMSG_HDR_SIZE + Integer.BYTES * MAX_FDS;

    /** Where the parts go in the per-thread scratch block: msghdr, then its one iovec, then the control buffer. */
    private static final int AT_IOVEC = MSGHDR_SIZE;
    private static final int AT_CONTROL = AT_IOVEC + IOVEC_SIZE;

    static {
        if (AT_CONTROL + CONTROL_SIZE > Scratch.SIZE) {
            throw new AssertionError("scratch block too small for a msghdr with " + MAX_FDS + " descriptors");
        }
    }

    private static long align(long len) {
        return (len + CMSG_ALIGN - 1) & ~(CMSG_ALIGN - 1L);
    }

    /** A msghdr for one buffer, in the scratch block; the control buffer is zeroed and not yet attached. */
    private static Memory message(Pointer buf, int len) {
        Memory s = Scratch.get();
        s.clear(AT_CONTROL + CONTROL_SIZE);
        Pointer iov = s.share(AT_IOVEC);
        iov.setPointer(IOV_BASE, buf);
        iov.setLong(IOV_LEN, len);
        s.setPointer(MSG_IOV, iov);
        s.setLong(MSG_IOVLEN, 1);
        return s;
    }

    /**
     * Receives up to len bytes into buf, and the descriptors that came with them (close-on-exec).
     *
     * @param fds receives the descriptors; fds.count() tells how many
     * @return bytes received; 0 at end of stream
     */
    public static int receive(int sock, Pointer buf, int len, FdList fds) throws NativeException {
        Memory s = message(buf, len);
        Pointer control = s.share(AT_CONTROL);
        s.setPointer(MSG_CONTROL, control);
        s.setLong(MSG_CONTROLLEN, CONTROL_SIZE);
        fds.clear();
        long n;
        while (true) {
            n = LibC.recvmsg(sock, s, MSG_CMSG_CLOEXEC);
            if (n >= 0) {
                break;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("recvmsg", err);
            }
        }
        long controlLen = s.getLong(MSG_CONTROLLEN);
        int off = 0;
        while (off + CMSG_HDR_SIZE <= controlLen) {
            long cmsgLen = control.getLong(off + CMSG_LEN);
            if (cmsgLen < CMSG_HDR_SIZE) {
                break;
            }
            if (control.getInt(off + CMSG_LEVEL) == SOL_SOCKET && control.getInt(off + CMSG_TYPE) == SCM_RIGHTS) {
                int count = (int) ((cmsgLen - CMSG_HDR_SIZE) / Integer.BYTES);
                for (int i = 0; i < count; i++) {
                    fds.add(control.getInt(off + CMSG_DATA + (long) Integer.BYTES * i));
                }
            }
            off += (int) align(cmsgLen);
        }
        if ((s.getInt(MSG_FLAGS) & MSG_CTRUNC) != 0) {
            fds.closeAll();
            throw new NativeException("recvmsg: more descriptors than " + MAX_FDS + " in one message", Errno.NONE);
        }
        return (int) n;
    }

    /** Sends len bytes from buf with the given descriptors attached (none if fds is null or empty). */
    public static void send(int sock, Pointer buf, int len, int[] fds) throws NativeException {
        Memory s = message(buf, len);
        if (fds != null && fds.length > 0) {
            if (fds.length > MAX_FDS) {
                throw new NativeException("sendmsg: more than " + MAX_FDS + " descriptors", Errno.NONE);
            }
            Pointer control = s.share(AT_CONTROL);
            long cmsgLen = CMSG_HDR_SIZE + (long) Integer.BYTES * fds.length;
            control.setLong(CMSG_LEN, cmsgLen);
            control.setInt(CMSG_LEVEL, SOL_SOCKET);
            control.setInt(CMSG_TYPE, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                control.setInt(CMSG_DATA + (long) Integer.BYTES * i, fds[i]);
            }
            s.setPointer(MSG_CONTROL, control);
            s.setLong(MSG_CONTROLLEN, align(cmsgLen));
        }
        long sent;
        while (true) {
            sent = LibC.sendmsg(sock, s, MSG_NOSIGNAL);
            if (sent >= 0) {
                break;
            }
            int err = Errno.last();
            if (err != Errno.EINTR) {
                throw new NativeException("sendmsg", err);
            }
        }
        if (sent < len) {
            Descriptors.writeFully(sock, buf.share(sent), len - (int) sent);
        }
    }
}
