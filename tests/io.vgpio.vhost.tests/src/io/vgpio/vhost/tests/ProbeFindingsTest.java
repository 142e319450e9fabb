package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.driver.GpioDriver;
import io.vgpio.driver.VhostUserFrontend;
import io.vgpio.vhost.VhostUser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.EventFd;
import io.vgpio.linux.SharedMemory;

/**
 * Issue 10, part 4: what an independent probe of the backend found, each fixed and kept fixed. A misbehaving
 * frontend costs its own connection, never the device, and another frontend can attach afterwards. Time-outs on
 * these tests only guard against the hangs the findings were; no assertion depends on how long anything took.
 */
class ProbeFindingsTest {

    /** The most an eventfd counter holds: one more write would block a blocking eventfd. */
    private static final long EVENTFD_MAX = 0xffff_ffff_ffff_fffeL;

    private static void fillCounter(int eventfd) throws IOException {
        Memory m = new Memory(8);
        m.setLong(0, EVENTFD_MAX);
        Descriptors.writeFully(eventfd, m, 8);
    }

    /** Waits until a frontend the backend dropped sees its socket closed (a condition, not a clock). */
    private static void assertDropped(VhostUserFrontend fe, String why) {
        assertThrows(IOException.class, () -> fe.readReply(VhostUser.GET_FEATURES), why);
    }

    /** A new frontend attaches and is served: the device outlived the one that misbehaved. */
    private static void assertNextFrontendServed(DeviceFixture f) throws Exception {
        assertTrue(f.host.backend().awaitDisconnected(30_000), "the misbehaving frontend was let go");
        f.driver = GpioDriver.attach(f.socket);
        assertEquals(0, f.req(GET_VALUE, 0, 0).status(), "a new frontend is served");
    }

    /** QEMU's connect sequence up to SET_OWNER, on a frontend of our own. */
    private static VhostUserFrontend handshake(DeviceFixture f) throws IOException {
        VhostUserFrontend fe = VhostUserFrontend.connect(f.socket);
        fe.getU64(VhostUser.GET_FEATURES);
        fe.getU64(VhostUser.GET_PROTOCOL_FEATURES);
        fe.setU64(VhostUser.SET_PROTOCOL_FEATURES, (1L << VhostUser.PROTOCOL_F_REPLY_ACK)
                | (1L << VhostUser.PROTOCOL_F_CONFIG));
        fe.send(VhostUser.SET_OWNER, 0, null);
        return fe;
    }

    // ---- F1 ----------------------------------------------------------------------------------------------------

    @Test
    @Timeout(120)
    @DisplayName("F1: a blocking call eventfd with a full counter neither wedges the device nor floods the log")
    void f1_blocking_call_fd_costs_the_connection_not_the_device() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            int full = EventFd.create(0); // blocking, as the probe's: a write now would block for ever
            try {
                fillCounter(full);
                assertEquals(0, f.driver.frontend().setU64Acked(VhostUser.SET_VRING_CALL, 0, full));
                for (int i = 0; i < 200; i++) {
                    f.driver.submit(GET_VALUE.wireValue(), 0, 0);
                    f.driver.kick(0);
                    // No wake-up can reach us through a full counter: wait on the used ring itself.
                    Await.until(() -> f.driver.pollAnyResponse() != null);
                }
                try (ControlClient control = new ControlClient(f.dir.resolve("gpio.ctl"))) {
                    assertEquals("ok", control.ask("set 1 1"), "the chip is not held by a blocked writer");
                    assertEquals("ok 1", control.ask("get 1"));
                }
                assertEquals(1, log.warningsWith("cannot signal the call descriptor"),
                        "one warning for the full descriptor, not one per request: " + log.warnings());
                f.detach();
                assertNextFrontendServed(f);
            } finally {
                Descriptors.close(full);
            }
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F1: a call descriptor that is not an eventfd costs that frontend its connection")
    void f1_call_descriptor_that_is_not_an_eventfd_drops_the_connection() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            int notAnEventfd = SharedMemory.memfd("not-an-eventfd", 8);
            try {
                VhostUserFrontend fe = f.driver.frontend();
                fe.send(VhostUser.SET_VRING_CALL, VhostUser.FLAG_NEED_REPLY,
                        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0).array(), notAnEventfd);
                assertThrows(IOException.class, () -> fe.readReply(VhostUser.SET_VRING_CALL),
                        "the backend closes the connection instead of answering");
                f.detach();
                assertEquals(1, log.warningsWith("is not an eventfd"), log.warnings().toString());
                assertNextFrontendServed(f);
            } finally {
                Descriptors.close(notAnEventfd);
            }
        }
    }

    // ---- F5 ----------------------------------------------------------------------------------------------------

    /** The frontend whose memory faulted was dropped with one line and no stack trace; the next one is served. */
    private static void assertMemoryFaultCostTheConnection(DeviceFixture f, LogCapture log) throws Exception {
        assertTrue(f.host.backend().awaitDisconnected(30_000), "the frontend that shrank its memory is dropped");
        assertEquals(0, log.withStackTraces().size(), "no stack trace in the log");
        assertEquals(1, log.warningsWith("guest memory faulted"), log.warnings().toString());
        f.detach();
        assertNextFrontendServed(f);
    }

    @Test
    @Timeout(120)
    @DisplayName("F5: SET_MEM_TABLE regions past the end of their memfd are refused with one line, no SIGBUS")
    void f5_region_past_the_end_of_its_memfd_drops_the_connection() throws Exception {
        long[][] cases = { // file size, region size, mmap offset
            {4096, 8192, 0}, // region longer than the file
            {0, 4096, 0}, // empty memfd
            {8192, 4096, 8192}, // offset at the end of the file
        };
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.detach();
            for (long[] c : cases) {
                int memfd = SharedMemory.memfd("vgpio-test-short", c[0]);
                try (VhostUserFrontend fe = handshake(f)) {
                    ByteBuffer p = ByteBuffer.allocate(8 + 32).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0)
                            .putLong(0).putLong(c[1]).putLong(0x7f00_0000_0000L).putLong(c[2]);
                    fe.send(VhostUser.SET_MEM_TABLE, VhostUser.FLAG_NEED_REPLY, p.array(), memfd);
                    assertThrows(IOException.class, () -> fe.readReply(VhostUser.SET_MEM_TABLE),
                            "file " + c[0] + " bytes, region " + c[1] + " at " + c[2] + ": connection dropped");
                } finally {
                    Descriptors.close(memfd);
                }
                assertTrue(f.host.backend().awaitDisconnected(30_000));
            }
            assertEquals(cases.length, log.warningsWith("reaches past the end of its memory file"),
                    log.warnings().toString());
            assertEquals(0, log.withStackTraces().size(), "no stack trace in the log");
            assertNextFrontendServed(f);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F5: memory shrunk after the handshake: a control `set` that completes an eventq buffer is answered")
    void f5_memory_shrunk_under_an_eventq_buffer_is_a_clean_error() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_RISING.wireValue());
            f.driver.queueIrqBuffer(1);
            Await.until(() -> f.host.chip().state(1).armed()); // the kick is handled on the connection's thread
            SharedMemory.truncate(f.driver.ram().fd(), 0); // every page of guest memory now faults (SIGBUS)
            try (ControlClient control = new ControlClient(f.dir.resolve("gpio.ctl"))) {
                assertEquals("ok", control.ask("set 1 1"), "the control client gets its answer");
                assertEquals("ok 1", control.ask("get 1"), "and its thread goes on");
            }
            assertMemoryFaultCostTheConnection(f, log);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F5: memory shrunk after the handshake: a kick that reads the rings drops that frontend cleanly")
    void f5_memory_shrunk_under_the_request_queue_drops_the_connection() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.ok(GET_VALUE, 0, 0);
            f.driver.submit(GET_VALUE.wireValue(), 0, 0); // written while the memory is still there
            SharedMemory.truncate(f.driver.ram().fd(), 0);
            f.driver.kick(0);
            assertMemoryFaultCostTheConnection(f, log);
        }
    }

    // ---- F7 ----------------------------------------------------------------------------------------------------

    @Test
    @Timeout(120)
    @DisplayName("F7: a frontend that connects and says nothing loses the slot when its handshake time is up")
    void f7_silent_frontend_loses_the_slot_after_the_handshake_timeout() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.detach();
            f.host.backend().setHandshakeTimeout(300);
            try (VhostUserFrontend silent = VhostUserFrontend.connect(f.socket)) {
                assertDropped(silent, "the silent frontend is dropped");
            }
            assertEquals(1, log.warningsWith("did not complete its handshake"), log.warnings().toString());
            assertNextFrontendServed(f);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F7: the refusal of a second frontend says which process holds the slot")
    void f7_refusal_names_the_process_that_holds_the_slot() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.detach(); // the default time-out (10 s) keeps the silent one in the slot during the test
            try (VhostUserFrontend silent = VhostUserFrontend.connect(f.socket);
                    VhostUserFrontend second = VhostUserFrontend.connect(f.socket)) {
                assertDropped(second, "the second frontend is refused while the first holds the slot");
                String me = "pid " + ProcessHandle.current().pid();
                assertEquals(1, log.warnings().stream()
                        .filter(m -> m.contains("refused a second frontend") && m.contains(me + ", attached"))
                        .count(), "the refusal says who holds the slot: " + log.warnings());
            }
            assertNextFrontendServed(f);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F7: a frontend that sends 5 bytes of a header and stops loses the slot")
    void f7_partial_header_loses_the_slot() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); LogCapture log = new LogCapture()) {
            f.detach();
            f.host.backend().setHandshakeTimeout(1000); // the 5 bytes must arrive first: they are sent at once
            try (VhostUserFrontend partial = VhostUserFrontend.connect(f.socket)) {
                Memory five = new Memory(5);
                five.clear();
                five.setInt(0, VhostUser.GET_FEATURES);
                Descriptors.writeFully(partial.socketFd(), five, 5);
                assertDropped(partial, "a frontend stuck inside a header is dropped");
            }
            assertEquals(1, log.warningsWith("sent part of a message"), log.warnings().toString());
            assertNextFrontendServed(f);
        }
    }

    @Test
    @Timeout(120)
    @DisplayName("F7: a frontend that completed its handshake keeps the slot past the time-out")
    void f7_handshake_time_out_spares_a_frontend_that_completed_it() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2); DeviceFixture other = DeviceFixture.lines(1)) {
            f.detach();
            other.detach();
            f.host.backend().setHandshakeTimeout(300);
            other.host.backend().setHandshakeTimeout(300);
            f.driver = GpioDriver.attach(f.socket);
            // A silent frontend of another backend that connects afterwards is dropped only once its own
            // time-out has passed: by then f's driver has been attached for longer than the time-out too.
            try (VhostUserFrontend silent = VhostUserFrontend.connect(other.socket)) {
                assertDropped(silent, "the silent frontend of the other backend is dropped");
            }
            assertTrue(f.host.backend().connected(), "the frontend that completed its handshake keeps the slot");
            f.host.chip().setInput(0, 1, io.vgpio.core.Cause.USER);
            assertEquals(1, f.ok(GET_VALUE, 0, 0), "and is still served");
        }
    }
}
