package io.vgpio.core.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The QMP client against a stand-in for QEMU's QMP socket. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QmpClientTest {
    @TempDir
    Path dir;

    /** Waits for a condition; the test's timeout ends a wait that never comes true. */
    private static void until(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void connects_once_the_socket_appears_then_stops_and_continues_the_guest() throws Exception {
        Path path = dir.resolve("qmp.sock");
        try (QmpClient client = new QmpClient(path)) {
            assertFalse(client.connected(), "nothing there yet");
            assertEquals("none", client.state());
            client.pause(); // dropped: a stale stop must not freeze the guest that comes later
            try (FakeQmpServer qemu = new FakeQmpServer(path)) {
                until(client::connected);
                assertEquals("connected", client.state());
                client.pause();
                assertEquals("paused", client.status(5000), "the STOP event before the answer is skipped");
                client.resume();
                assertEquals("running", client.status(5000));
                assertEquals(List.of("qmp_capabilities", "stop", "cont"), qemu.actions());
            }
            until(() -> !client.connected());
        }
    }

    @Test
    void a_refused_command_keeps_the_session() throws Exception {
        Path path = dir.resolve("qmp.sock");
        try (FakeQmpServer qemu = new FakeQmpServer(path); QmpClient client = new QmpClient(path)) {
            qemu.refuse = "query-status";
            until(client::connected);
            QmpException e = assertThrows(QmpException.class, () -> client.status(5000));
            assertTrue(e.refused());
            assertEquals("QEMU refused query-status: not now", e.getMessage());
            qemu.refuse = "";
            assertEquals("running", client.status(5000));
            assertEquals(1, qemu.connections.get(), "the same session goes on");
        }
    }

    @Test
    void a_peer_that_is_not_QMP_is_left_and_tried_again() throws Exception {
        Path path = dir.resolve("qmp.sock");
        try (FakeQmpServer qemu = new FakeQmpServer(path)) {
            qemu.greeting = "[".repeat(QmpJson.MAX_DEPTH + 5);
            try (QmpClient client = new QmpClient(path)) {
                until(() -> qemu.connections.get() >= 2);
                assertFalse(client.connected());
                qemu.greeting = "x".repeat(QmpConnection.MAX_LINE_BYTES + 1);
                int before = qemu.connections.get();
                until(() -> qemu.connections.get() >= before + 2);
                assertFalse(client.connected());
                qemu.greeting = "{\"QMP\": {}}";
                until(client::connected);
                assertEquals("running", client.status(5000));
            }
        }
    }
}
