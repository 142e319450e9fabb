package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** epoll reports the token a descriptor was added with; edge- and level-triggered watches differ as documented. */
class EpollTest {
    private int epoll;
    private int first;
    private int second;
    private final Epoll.Events events = new Epoll.Events(4);

    @BeforeEach
    void open() throws NativeException {
        epoll = Epoll.create();
        first = EventFd.create(EventFd.EFD_NONBLOCK);
        second = EventFd.create(EventFd.EFD_NONBLOCK);
    }

    @AfterEach
    void close() {
        Descriptors.close(first);
        Descriptors.close(second);
        Descriptors.close(epoll);
    }

    @Test
    void theReadyDescriptorIsNamedByItsToken() throws NativeException {
        Epoll.add(epoll, first, 7);
        Epoll.add(epoll, second, 0x1_0000_0009L);
        assertEquals(0, Epoll.await(epoll, events, 0));
        EventFd.signal(second);
        assertEquals(1, Epoll.await(epoll, events, 0));
        assertEquals(0x1_0000_0009L, events.token(0), "all 64 bits of the token come back");
        assertEquals(Epoll.EPOLLIN, events.events(0) & Epoll.EPOLLIN);
    }

    @Test
    void levelTriggeredReportsAgainUntilDrainedEdgeTriggeredOnce() throws NativeException {
        Epoll.add(epoll, first, 1);
        Epoll.addEdge(epoll, second, 2);
        EventFd.signal(first);
        EventFd.signal(second);
        assertEquals(2, Epoll.await(epoll, events, 0));
        assertEquals(1, Epoll.await(epoll, events, 0), "only the level-triggered one is still reported");
        assertEquals(1, events.token(0));
        EventFd.drain(first);
        assertEquals(0, Epoll.await(epoll, events, 0));
        EventFd.signal(second);
        assertEquals(1, Epoll.await(epoll, events, 0), "a new write is a new edge");
        assertEquals(2, events.token(0));
    }

    @Test
    void aRemovedDescriptorIsNoLongerReported() throws NativeException {
        Epoll.add(epoll, first, 1);
        EventFd.signal(first);
        Epoll.remove(epoll, first);
        assertEquals(0, Epoll.await(epoll, events, 0));
    }
}
