package io.vgpio.linux;

import java.util.Arrays;

/** Descriptors received with a message. Whoever takes one out owns it; {@link #closeAll()} closes the rest. */
public final class FdList {
    private int[] fds = new int[DescriptorPassing.MAX_FDS];
    private int count;

    void clear() {
        count = 0;
    }

    void add(int fd) {
        if (count == fds.length) {
            fds = Arrays.copyOf(fds, count * 2);
        }
        fds[count++] = fd;
    }

    public int count() {
        return count;
    }

    /** Takes descriptor i; the list no longer closes it. */
    public int take(int i) {
        if (i >= count || fds[i] < 0) {
            return -1;
        }
        int fd = fds[i];
        fds[i] = -1;
        return fd;
    }

    /** Closes every descriptor not taken. */
    public void closeAll() {
        for (int i = 0; i < count; i++) {
            if (fds[i] >= 0) {
                Descriptors.close(fds[i]);
                fds[i] = -1;
            }
        }
        count = 0;
    }
}
