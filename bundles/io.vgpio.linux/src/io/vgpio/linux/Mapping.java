package io.vgpio.linux;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/** A shared read-write mapping of a file descriptor ({@link SharedMemory#map}); {@link #close()} unmaps it. */
public final class Mapping implements AutoCloseable {
    private Pointer base;
    private final long length;

    Mapping(Pointer base, long length) {
        this.base = base;
        this.length = length;
    }

    public long address() {
        return Pointer.nativeValue(base);
    }

    public long length() {
        return length;
    }

    /** A direct buffer over [offset, offset+len) of the mapping (len up to 2 GiB - 1). */
    public ByteBuffer buffer(long offset, int len) {
        if (base == null) {
            throw new IllegalStateException("mapping was closed");
        }
        if (offset < 0 || len < 0 || offset + len > length) {
            throw new IndexOutOfBoundsException("[" + offset + ", +" + len + ") outside mapping of " + length);
        }
        return base.getByteBuffer(offset, len);
    }

    /** Unmaps. Every buffer obtained from this mapping must be unreachable by then. */
    @Override
    public void close() {
        if (base != null) {
            SharedMemory.unmap(base, length);
            base = null;
        }
    }
}
