package io.vgpio.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A socket bound by path: a client connects, the server accepts and knows who, bytes and descriptors flow. */
class UnixSocketsTest {
    @TempDir
    Path dir;

    @Test
    void aClientConnectsByPathAndTheServerSeesItsPid() throws NativeException {
        String path = dir.resolve("s").toString();
        int listener = UnixSockets.listen(path, 1);
        int client = -1;
        int server = -1;
        try {
            assertTrue(Files.exists(dir.resolve("s")), "bind created the socket file");
            client = UnixSockets.connect(path); // queued in the backlog: accept does not block
            server = UnixSockets.accept(listener);
            assertEquals(ProcessHandle.current().pid(), UnixSockets.peerPid(server));
            try (Memory out = new Memory(3); Memory in = new Memory(3)) {
                out.write(0, new byte[] {1, 2, 3}, 0, 3);
                Descriptors.writeFully(client, out, 3);
                assertTrue(Descriptors.readFully(server, in, 3));
                assertArrayEquals(new byte[] {1, 2, 3}, in.getByteArray(0, 3));
            }
        } finally {
            Descriptors.close(client);
            Descriptors.close(server);
            Descriptors.close(listener);
        }
        UnixSockets.unlink(path);
        assertFalse(Files.exists(dir.resolve("s")));
        UnixSockets.unlink(path); // already gone: no error
    }

    @Test
    void aReadTimeoutEndsABlockedReadWithEagain() throws NativeException {
        int[] pair = UnixSockets.pair();
        try (Memory in = new Memory(1)) {
            UnixSockets.setIoTimeout(pair[1], 1);
            assertEquals(Errno.EAGAIN, assertThrows(NativeException.class,
                    () -> Descriptors.readFully(pair[1], in, 1)).errno());
        } finally {
            Descriptors.close(pair[0]);
            Descriptors.close(pair[1]);
        }
    }

    @Test
    void aStreamEndingInsideAMessageIsNoSystemError() throws NativeException {
        int[] pair = UnixSockets.pair();
        try (Memory buf = new Memory(4)) {
            buf.setInt(0, 0);
            Descriptors.writeFully(pair[0], buf, 2);
            UnixSockets.shutdown(pair[0]);
            assertEquals(Errno.NONE, assertThrows(NativeException.class,
                    () -> Descriptors.readFully(pair[1], buf, 4)).errno());
            assertFalse(Descriptors.readFully(pair[1], buf, 4), "then the end of the stream, before any byte");
        } finally {
            Descriptors.close(pair[0]);
            Descriptors.close(pair[1]);
        }
    }
}
