package io.vgpio.linux;

import com.sun.jna.Memory;

/**
 * Native scratch memory, one block per thread, so the hot paths (eventfd reads and writes, poll, sendmsg/recvmsg)
 * allocate nothing. A call uses it only until it returns, and never calls another user of it meanwhile.
 */
final class Scratch {
    static final int SIZE = 512;
    private static final ThreadLocal<Memory> PER_THREAD = ThreadLocal.withInitial(() -> new Memory(SIZE));

    private Scratch() {
    }

    static Memory get() {
        return PER_THREAD.get();
    }
}
