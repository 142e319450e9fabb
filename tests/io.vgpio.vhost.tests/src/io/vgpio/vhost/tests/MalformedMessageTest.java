package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.vgpio.driver.GpioDriver;
import io.vgpio.driver.VhostUserFrontend;
import io.vgpio.vhost.VhostUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.SharedMemory;
import io.vgpio.linux.UnixSockets;

/**
 * Malformed vhost-user messages (bad headers, unknown requests, wrong descriptor counts, truncated payloads): the
 * backend answers what it can answer, drops a frontend it cannot follow any more, and in every case survives and
 * serves the next frontend.
 */
@Timeout(60) // a guard against a backend that stops answering; no assertion depends on time
class MalformedMessageTest {

    private DeviceFixture f;
    private VhostUserFrontend fe;

    @BeforeEach
    void open() throws Exception {
        f = DeviceFixture.lines(2);
        f.detach();
        fe = VhostUserFrontend.connect(f.socket);
        fe.getU64(VhostUser.GET_FEATURES);
        fe.setU64(VhostUser.SET_PROTOCOL_FEATURES, (1L << VhostUser.PROTOCOL_F_REPLY_ACK)
                | (1L << VhostUser.PROTOCOL_F_CONFIG));
        fe.send(VhostUser.SET_OWNER, 0, null);
    }

    @AfterEach
    void close() throws Exception {
        fe.close();
        f.close();
    }

    private static byte[] le(int n, long... values) {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** Writes raw bytes on the frontend's socket: a header the Java driver would never build. */
    private void raw(int request, int flags, int size, int payloadBytes) throws Exception {
        Memory m = new Memory(12 + Math.max(1, payloadBytes));
        m.clear();
        m.setInt(0, request);
        m.setInt(4, flags);
        m.setInt(8, size);
        Descriptors.writeFully(fe.socketFd(), m, 12 + payloadBytes);
    }

    /** The backend closed this frontend's connection (the read sees the end of the stream). */
    private void assertDropped(String why) {
        assertThrows(IOException.class, () -> fe.readReply(VhostUser.GET_FEATURES), why);
    }

    /** This frontend is still served after the bad message. */
    private void assertStillAnswered() throws Exception {
        assertNotEquals(0, fe.getU64(VhostUser.GET_FEATURES), "the same frontend is still answered");
    }

    /** The backend survived: once the bad frontend is gone, a new one attaches and is served. */
    private void assertNextFrontendServed() throws Exception {
        UnixSockets.shutdown(fe.socketFd()); // the end of the stream; the descriptor is closed once, after the test
        assertTrue(f.host.backend().awaitDisconnected(30_000));
        f.driver = GpioDriver.attach(f.socket);
        assertEquals(0, f.req(GET_VALUE, 0, 0).status(), "a new frontend is served");
    }

    @Test
    @DisplayName("Bad header: a protocol version other than 1 drops the frontend")
    void bad_version() throws Exception {
        raw(VhostUser.GET_FEATURES, 0x2, 0, 0);
        assertDropped("version 2");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Bad header: a payload size over the limit drops the frontend before anything is read")
    void payload_size_over_the_limit() throws Exception {
        raw(VhostUser.SET_FEATURES, 0x1, VhostUser.MAX_PAYLOAD + 1, 0);
        assertDropped("size 4097");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Bad header: a negative payload size drops the frontend")
    void negative_payload_size() throws Exception {
        raw(VhostUser.SET_FEATURES, 0x1, -1, 0);
        assertDropped("size -1");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Unknown request codes are answered 'not supported' (REPLY_ACK) or ignored, and logged once each")
    void unknown_request_codes() throws Exception {
        int[] codes = {0, 99, 0x7fff_ffff, -1};
        try (LogCapture log = new LogCapture()) {
            for (int round = 0; round < 20; round++) {
                for (int code : codes) {
                    fe.send(code, VhostUser.FLAG_NEED_REPLY, le(8, 0));
                    assertNotEquals(0, fe.readReply(code).getLong(0), "request " + code + " is answered as failed");
                    fe.send(code, 0, null);
                }
            }
            assertStillAnswered(); // answered after every message above: all of them were handled
            assertEquals(codes.length, log.warningsWith("is not supported by this device"),
                    "one line per unknown code, not per message: " + log.warnings());
        }
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Wrong descriptor count: SET_MEM_TABLE listing one region with no descriptor drops the frontend")
    void mem_table_without_its_descriptor() throws Exception {
        fe.send(VhostUser.SET_MEM_TABLE, VhostUser.FLAG_NEED_REPLY, le(40, 1, 0, 4096, 0x7f00_0000_0000L, 0));
        assertDropped("1 region, 0 descriptors");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Wrong descriptor count: SET_MEM_TABLE listing one region with two descriptors drops the frontend")
    void mem_table_with_too_many_descriptors() throws Exception {
        int a = SharedMemory.memfd("extra-a", 4096);
        int b = SharedMemory.memfd("extra-b", 4096);
        try {
            fe.send(VhostUser.SET_MEM_TABLE, VhostUser.FLAG_NEED_REPLY, le(40, 1, 0, 4096, 0x7f00_0000_0000L, 0),
                    a, b);
            assertDropped("1 region, 2 descriptors");
        } finally {
            Descriptors.close(a);
            Descriptors.close(b);
        }
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Wrong descriptor count: SET_VRING_KICK without a descriptor (and without the no-fd flag) drops it")
    void kick_without_descriptor() throws Exception {
        fe.send(VhostUser.SET_VRING_KICK, VhostUser.FLAG_NEED_REPLY, le(8, 0));
        assertDropped("kick without descriptor");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Stray descriptors on a message that takes none are closed; the frontend is answered")
    void stray_descriptors_are_closed() throws Exception {
        int[] stray = {EventFd.create(0), EventFd.create(0), EventFd.create(0)};
        try {
            fe.send(VhostUser.GET_FEATURES, 0, null, stray);
            assertNotEquals(0, fe.readReply(VhostUser.GET_FEATURES).getLong(0));
        } finally {
            for (int fd : stray) {
                Descriptors.close(fd);
            }
        }
        assertStillAnswered();
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Truncated payload: SET_VRING_NUM with 4 of its 8 bytes drops the frontend")
    void payload_shorter_than_the_request_needs() throws Exception {
        fe.send(VhostUser.SET_VRING_NUM, VhostUser.FLAG_NEED_REPLY, new byte[4]);
        assertDropped("4-byte SET_VRING_NUM");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Truncated payload: SET_MEM_TABLE announcing two regions but carrying one drops the frontend")
    void mem_table_shorter_than_its_count() throws Exception {
        fe.send(VhostUser.SET_MEM_TABLE, VhostUser.FLAG_NEED_REPLY, le(40, 2, 0, 4096, 0x7f00_0000_0000L, 0));
        assertDropped("2 regions in 40 bytes");
        assertNextFrontendServed();
    }

    @Test
    @DisplayName("Truncated payload: the stream ends inside a payload; the backend notices and frees the slot")
    void stream_ends_inside_a_payload() throws Exception {
        raw(VhostUser.SET_FEATURES, 0x1, 8, 4);
        assertNextFrontendServed(); // shuts the stream down four bytes into the payload
    }

    @Test
    @DisplayName("A queue index that does not exist drops the frontend")
    void queue_index_out_of_range() throws Exception {
        fe.send(VhostUser.SET_VRING_NUM, VhostUser.FLAG_NEED_REPLY, le(8, 5L | (64L << 32)));
        assertDropped("queue 5");
        assertNextFrontendServed();
    }
}
