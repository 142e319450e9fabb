package io.vgpio.virtio;

/**
 * Recognises a fault on guest memory that is mapped from a file: when the frontend shrinks its memory file after
 * handing it over, touching a page past the new end raises SIGBUS, which the JVM turns into an {@link InternalError}
 * for the direct-buffer access that caused it. Such a fault is the frontend's doing, not a bug in the device, so the
 * device treats it as that frontend's error; any other InternalError is left alone.
 *
 * <p>This is HotSpot's handling of faults in Unsafe accesses (direct buffers go through them), not JNA's
 * protected mode: {@code jna.protected} only covers JNA's own Pointer accesses and native calls, which guest memory
 * never uses, and it is not set.
 */
public final class MemoryFault {
    private MemoryFault() {
    }

    /** True if e is the JVM's report of a fault in a memory access through a direct buffer (SIGBUS). */
    public static boolean is(Throwable e) {
        return e instanceof InternalError && e.getMessage() != null && e.getMessage().contains("unsafe memory access");
    }
}
