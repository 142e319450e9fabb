package io.vgpio.vhost;

import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Epoll;

/** What the frontend told us about one virtqueue, and the descriptors it handed over for it. */
final class Vring {
    final int index;
    int num = 0;
    int base;
    long descUva;
    long availUva;
    long usedUva;
    boolean addressed;
    int kickFd = -1;
    /** Guarded by the vring: it is written from whichever thread completes a buffer. */
    int callFd = -1;
    /** The call descriptor's counter was found full once: said once per descriptor, not once per request. */
    boolean callFullReported;
    int errFd = -1;
    boolean enabled;
    boolean running;

    Vring(int index) {
        this.index = index;
    }

    /** Stops watching and closes the kick descriptor, if there is one. */
    void dropKick(int epoll) {
        if (kickFd >= 0) {
            Epoll.remove(epoll, kickFd);
            Descriptors.close(kickFd);
            kickFd = -1;
        }
    }

    /** Closes every descriptor of this vring. */
    void closeDescriptors(int epoll) {
        dropKick(epoll);
        synchronized (this) {
            Descriptors.close(callFd);
            callFd = -1;
        }
        Descriptors.close(errFd);
        errFd = -1;
    }
}
