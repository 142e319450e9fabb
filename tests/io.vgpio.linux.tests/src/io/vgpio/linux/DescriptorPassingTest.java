package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SCM_RIGHTS over a socketpair: what arrives is a working descriptor of the same object, with the bytes sent. */
class DescriptorPassingTest {
    private int[] pair;
    private final FdList received = new FdList();

    @BeforeEach
    void connect() throws NativeException {
        pair = UnixSockets.pair();
    }

    @AfterEach
    void closeAll() {
        received.closeAll();
        Descriptors.close(pair[0]);
        Descriptors.close(pair[1]);
    }

    @Test
    void aPassedEventfdCountsWhatTheOtherSideSignals() throws NativeException {
        int original = EventFd.create(EventFd.EFD_NONBLOCK);
        try (Memory out = bytes("kick"); Memory in = new Memory(16)) {
            DescriptorPassing.send(pair[0], out, 4, new int[] {original});
            assertEquals(4, DescriptorPassing.receive(pair[1], in, 16, received));
            assertArrayEquals("kick".getBytes(StandardCharsets.US_ASCII), in.getByteArray(0, 4));
            assertEquals(1, received.count());
            int copy = received.take(0);
            try {
                assertNotEquals(original, copy, "the receiver gets a descriptor of its own");
                assertTrue(Descriptors.isEventfd(copy));
                EventFd.signal(copy);
                EventFd.signal(copy);
                assertEquals(2, EventFd.drain(original), "both descriptors are the same counter");
            } finally {
                Descriptors.close(copy);
            }
        } finally {
            Descriptors.close(original);
        }
    }

    @Test
    void severalDescriptorsArriveInOrder() throws NativeException {
        int small = SharedMemory.memfd("small", 4096);
        int large = SharedMemory.memfd("large", 8192);
        try (Memory out = bytes("x"); Memory in = new Memory(1)) {
            DescriptorPassing.send(pair[0], out, 1, new int[] {small, large});
            DescriptorPassing.receive(pair[1], in, 1, received);
            assertEquals(2, received.count());
            int first = received.take(0);
            int second = received.take(1);
            try {
                assertEquals(4096, Descriptors.stat(first).size(), "first the small memfd");
                assertEquals(8192, Descriptors.stat(second).size(), "then the large one");
            } finally {
                Descriptors.close(first);
                Descriptors.close(second);
            }
        } finally {
            Descriptors.close(small);
            Descriptors.close(large);
        }
    }

    @Test
    void aMessageWithoutDescriptorsBringsNone() throws NativeException {
        try (Memory out = bytes("hello"); Memory in = new Memory(5)) {
            DescriptorPassing.send(pair[0], out, 5, null);
            assertEquals(5, DescriptorPassing.receive(pair[1], in, 5, received));
            assertEquals(0, received.count());
        }
    }

    @Test
    void theEndOfTheStreamReadsAsZeroBytes() throws NativeException {
        UnixSockets.shutdown(pair[0]);
        try (Memory in = new Memory(8)) {
            assertEquals(0, DescriptorPassing.receive(pair[1], in, 8, received));
        }
    }

    @Test
    void moreDescriptorsThanOneMessageCarriesAreRefusedBeforeSending() {
        int[] tooMany = new int[DescriptorPassing.MAX_FDS + 1];
        try (Memory out = bytes("x")) {
            NativeException e = assertThrows(NativeException.class, () -> DescriptorPassing.send(pair[0], out, 1,
                    tooMany));
            assertEquals(Errno.NONE, e.errno());
        }
    }

    private static Memory bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }
}
