package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_DIRECTION;
import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_IRQ_TYPE;
import static io.vgpio.core.MessageType.SET_VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.driver.DriverOptions;
import io.vgpio.driver.GpioDriver;
import io.vgpio.driver.VhostUserFrontend;
import io.vgpio.vhost.VhostUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Frontends come and go (guest reboot, QEMU restart); the backend keeps serving and keeps the user's levels. */
class ReconnectTest {

    @Test
    @DisplayName("Disconnect, reconnect, handshake again: the user's input levels are kept, the guest's state is fresh")
    void reconnect_keeps_user_state() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(4)) {
            f.host.chip().setInput(1, 1, Cause.USER);
            f.ok(SET_VALUE, 0, 1);
            f.ok(SET_DIRECTION, 0, Direction.OUT.wireValue());
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue());
            f.driver.queueIrqBuffer(1);
            f.detach();
            assertFalse(f.host.chip().state(1).armed(), "the held buffer went with the old rings");

            f.driver = GpioDriver.attach(f.socket);
            assertEquals(1, f.ok(GET_VALUE, 1, 0), "the user's input level survived the reconnect");
            assertEquals(Direction.NONE.wireValue(), f.ok(GET_DIRECTION, 0, 0), "a new guest starts afresh");
            f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_FALLING.wireValue());
            f.driver.queueIrqBuffer(1);
            f.host.chip().setInput(1, 0, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid(), "interrupts work after the reconnect");
        }
    }

    @Test
    @DisplayName("A guest reboot on the same connection (rings stopped with GET_VRING_BASE, then set up again) works")
    void guest_reboot_on_the_same_connection() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2)) {
            f.host.chip().setInput(0, 1, Cause.USER);
            f.ok(SET_DIRECTION, 0, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 0, IrqType.EDGE_BOTH.wireValue());
            f.driver.queueIrqBuffer(0);
            f.driver.stop();
            f.driver.restart();
            // The new rings reset the guest's state when they start; a request answered on them proves they did.
            assertEquals(1, f.ok(GET_VALUE, 0, 0));
            assertEquals(IrqType.NONE, f.host.chip().irqType(0));
            assertTrue(f.host.backend().connected());
        }
    }

    @Test
    @DisplayName("SET_MEM_TABLE with three regions, each its own descriptor: rings in one, buffers in another")
    void several_memory_regions() throws Exception {
        try (DeviceFixture f = new DeviceFixture(io.vgpio.core.DeviceConfig.builder().lines(4).build(),
                DriverOptions.defaults().withRegions(3))) {
            assertEquals(3, f.driver.ram().regions().size());
            f.host.chip().setInput(2, 1, Cause.USER);
            assertEquals(1, f.ok(GET_VALUE, 2, 0), "a request whose buffers sit 8 GiB above the rings");
            f.ok(SET_DIRECTION, 2, Direction.IN.wireValue());
            f.ok(SET_IRQ_TYPE, 2, IrqType.EDGE_FALLING.wireValue());
            f.driver.queueIrqBuffer(2);
            f.host.chip().setInput(2, 0, Cause.USER);
            assertTrue(f.driver.awaitInterrupt(2000).valid());
        }
    }

    @Test
    @DisplayName("A second frontend is refused while one is attached")
    void second_frontend_is_refused() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(2);
                VhostUserFrontend second = VhostUserFrontend.connect(f.socket)) {
            assertThrows(IOException.class, () -> second.getU64(VhostUser.GET_FEATURES),
                    "the backend closes the second connection");
            assertEquals(0, f.req(GET_VALUE, 0, 0).status(), "the first frontend is unaffected");
        }
    }

    @Test
    @DisplayName("Fifty reconnects leave no descriptor and no mapping behind")
    void fifty_reconnects_leak_nothing() throws Exception {
        try (DeviceFixture f = DeviceFixture.lines(8)) {
            f.ok(GET_VALUE, 0, 0);
            f.detach();
            cycle(f); // warm up: first-use class loading and JNA scratch buffers
            long fds = countFds();
            long maps = countMaps();
            long memfdMaps = countMemfdMaps();
            for (int i = 0; i < 50; i++) {
                cycle(f);
            }
            // A leak costs at least a descriptor a cycle (50 here); the shared test JVM's own threads (class loading,
            // the JIT, JUnit) may hold a few more or fewer at any moment, which an exact count would fail on.
            long grown = countFds() - fds;
            assertTrue(grown < 25, grown + " more open descriptors after 50 reconnects");
            assertEquals(memfdMaps, countMemfdMaps(), "guest memory mappings after 50 reconnects");
            assertTrue(countMaps() - maps < 20, "process mappings grew by " + (countMaps() - maps));
        }
    }

    private static void cycle(DeviceFixture f) throws Exception {
        f.driver = GpioDriver.attach(f.socket);
        f.ok(SET_DIRECTION, 1, Direction.IN.wireValue());
        f.ok(SET_IRQ_TYPE, 1, IrqType.EDGE_BOTH.wireValue());
        f.driver.queueIrqBuffer(1);
        f.detach();
    }

    private static long countFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long countMaps() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).size();
    }

    private static long countMemfdMaps() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/maps"));
        return lines.stream().filter(l -> l.contains("memfd:")).count();
    }
}
