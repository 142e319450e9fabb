package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A memfd mapped twice is one memory: what one mapping writes, the other reads (as frontend and backend do). */
class SharedMemoryTest {
    private int memfd;

    @BeforeEach
    void create() throws NativeException {
        memfd = SharedMemory.memfd("vgpio-linux-test", 4096);
    }

    @AfterEach
    void close() {
        Descriptors.close(memfd);
    }

    @Test
    void twoMappingsOfOneMemfdShareTheirBytes() throws NativeException {
        try (Mapping writer = SharedMemory.map(memfd, 4096); Mapping reader = SharedMemory.map(memfd, 4096)) {
            assertTrue(writer.address() != reader.address(), "two mappings at two addresses");
            ByteBuffer in = reader.buffer(0, 4096);
            assertEquals(0, in.getLong(4088), "a new memfd reads as zeros");
            writer.buffer(4088, 8).putLong(0, 0x0123_4567_89ab_cdefL);
            assertEquals(0x0123_4567_89ab_cdefL, in.getLong(4088));
        }
    }

    @Test
    void ftruncateSetsTheSizeFstatReports() throws NativeException {
        Descriptors.FileStat before = Descriptors.stat(memfd);
        assertTrue(before.regular(), "a memfd is a regular file");
        assertEquals(4096, before.size());
        SharedMemory.truncate(memfd, 3 * 4096);
        assertEquals(3 * 4096, Descriptors.stat(memfd).size());
    }

    @Test
    void aMappingHandsOutNoBufferOutsideItselfOrAfterClose() throws NativeException {
        Mapping m = SharedMemory.map(memfd, 4096);
        assertThrows(IndexOutOfBoundsException.class, () -> m.buffer(4000, 100));
        m.close();
        assertThrows(IllegalStateException.class, () -> m.buffer(0, 8));
    }

    @Test
    void anEventfdIsNotARegularFile() throws NativeException {
        int efd = EventFd.create(0);
        try {
            assertTrue(!Descriptors.stat(efd).regular());
            assertTrue(Descriptors.isEventfd(efd));
            assertTrue(!Descriptors.isEventfd(memfd));
        } finally {
            Descriptors.close(efd);
        }
    }
}
