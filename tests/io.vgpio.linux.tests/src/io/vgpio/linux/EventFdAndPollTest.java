package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** eventfd counting, and poll telling a readable descriptor from an idle one (timeouts of 0: nothing waits). */
class EventFdAndPollTest {
    private int efd;
    private int wake;

    @BeforeEach
    void open() throws NativeException {
        efd = EventFd.create(EventFd.EFD_NONBLOCK);
        wake = EventFd.create(EventFd.EFD_NONBLOCK);
    }

    @AfterEach
    void close() {
        Descriptors.close(efd);
        Descriptors.close(wake);
    }

    @Test
    void drainReturnsHowManySignalsCameAndResetsTheCounter() throws NativeException {
        EventFd.signal(efd);
        EventFd.signal(efd);
        EventFd.signal(efd);
        assertEquals(3, EventFd.drain(efd));
        assertEquals(0, EventFd.drain(efd), "a non-blocking eventfd at 0 reads as nothing instead of blocking");
    }

    @Test
    void pollInSeesASignalUntilItIsDrained() throws NativeException {
        assertFalse(Poll.pollIn(efd, 0));
        EventFd.signal(efd);
        assertTrue(Poll.pollIn(efd, 0));
        EventFd.drain(efd);
        assertFalse(Poll.pollIn(efd, 0));
    }

    @Test
    void readinessReportsTheWatchedDescriptorOnlyNotTheWakeUp() throws NativeException {
        assertEquals(0, Poll.readiness(efd, wake, 0));
        EventFd.signal(wake);
        assertEquals(0, Poll.readiness(efd, wake, -1) & Poll.POLLIN, "a wake-up ends the wait with nothing to read");
        EventFd.signal(efd);
        assertEquals(Poll.POLLIN, Poll.readiness(efd, -1, 0) & Poll.POLLIN);
    }

    @Test
    void readinessOfAClosedDescriptorIsPollnval() throws NativeException {
        int gone = EventFd.create(0);
        Descriptors.close(gone);
        assertEquals(Poll.POLLNVAL, Poll.readiness(gone, -1, 0) & Poll.POLLNVAL);
    }
}
