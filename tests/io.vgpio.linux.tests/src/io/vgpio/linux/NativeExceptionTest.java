package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed call becomes a NativeException carrying the errno by its name and strerror's words for it. */
class NativeExceptionTest {
    @TempDir
    Path dir;

    @Test
    void aSocketPathTooLongForSockaddrUnIsEnametoolong() {
        String path = dir.resolve("x".repeat(UnixSockets.MAX_PATH_BYTES)).toString();
        NativeException e = assertThrows(NativeException.class, () -> UnixSockets.connect(path));
        assertEquals(Errno.ENAMETOOLONG, e.errno());
        assertTrue(e.getMessage().contains(Errno.describe(Errno.ENAMETOOLONG)), e.getMessage());
        assertTrue(e.getMessage().contains("(errno 36)"), e.getMessage());
    }

    @Test
    void aClosedDescriptorIsEbadf() throws NativeException {
        int efd = EventFd.create(0);
        Descriptors.close(efd);
        assertEquals(Errno.EBADF, assertThrows(NativeException.class, () -> EventFd.signal(efd)).errno());
        assertEquals(Errno.EBADF, assertThrows(NativeException.class, () -> Descriptors.stat(efd)).errno());
        assertEquals("Bad file descriptor", Errno.describe(Errno.EBADF));
    }

    @Test
    void connectingWhereNoSocketIsIsEnoent() {
        NativeException e = assertThrows(NativeException.class,
                () -> UnixSockets.connect(dir.resolve("nobody").toString()));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().startsWith("connect " + dir.resolve("nobody")), e.getMessage());
    }

    @Test
    void anIoctlTheDescriptorDoesNotKnowIsEnotty() throws NativeException {
        int efd = EventFd.create(0);
        try (com.sun.jna.Memory arg = new com.sun.jna.Memory(68)) {
            long gpioGetChipinfo = 0x8044b401L;
            assertEquals(Errno.ENOTTY, assertThrows(NativeException.class,
                    () -> Ioctl.call(efd, gpioGetChipinfo, arg)).errno());
        } finally {
            Descriptors.close(efd);
        }
    }

    @Test
    void openingAMissingFileIsEnoent() {
        assertEquals(Errno.ENOENT, assertThrows(NativeException.class,
                () -> Descriptors.open(dir.resolve("missing").toString(), Descriptors.O_RDONLY)).errno());
    }
}
