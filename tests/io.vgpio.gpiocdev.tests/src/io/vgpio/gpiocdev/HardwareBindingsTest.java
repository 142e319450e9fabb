package io.vgpio.gpiocdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineBinding;
import io.vgpio.core.control.ControlServer;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.gpiocdev.bind.HardwareBindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The binding runtime's life cycle where no chip exists (this machine has none; the guest test binds real
 * gpio-sim lines): failing cleanly, waiting for a board, unbinding, and leaking neither threads nor descriptors.
 */
class HardwareBindingsTest {
    private final Chip chip;

    HardwareBindingsTest() throws Exception {
        chip = new Chip(DeviceConfig.builder().lines(8).build(), new EventLog(1024));
    }

    private static long openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /**
     * No descriptor leaked over some cycles. Other threads of this shared test JVM (class loading, the JIT, JUnit)
     * may open or close a descriptor meanwhile, so an exact count could fail for nothing; a leak in the code under
     * test costs at least one descriptor a cycle, which the bound still catches.
     */
    private static void assertNoDescriptorLeak(long before, int cycles) throws IOException {
        long grown = openFds() - before;
        assertTrue(grown < cycles / 2, grown + " more descriptors open after " + cycles + " cycles");
    }

    private static long binderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("vgpio-hw-line"))
                .count();
    }

    @Test
    @DisplayName("Binding a missing chip fails with the chip named, leaving nothing bound and nothing open")
    void missing_chip_fails() throws Exception {
        try (HardwareBindings hb = new HardwareBindings(chip)) {
            assertThrows(GpioException.class, () -> hb.bind(LineBinding.input(3, "my-board", "5")));
            long fds = openFds(); // after JNA's first load
            for (int i = 0; i < 20; i++) {
                GpioException e = assertThrows(GpioException.class,
                        () -> hb.bind(LineBinding.input(3, "my-board", "5")));
                assertTrue(e.getMessage().contains("no GPIO chip 'my-board'"), e.getMessage());
            }
            assertTrue(hb.statuses().isEmpty());
            assertNull(hb.status(3));
            assertNoDescriptorLeak(fds, 20);
        }
        assertEquals(0, binderThreads());
    }

    @Test
    @DisplayName("Waiting for a board: the binding is kept as unplugged, reported, and unbinding stops its thread")
    void waits_for_the_board() throws Exception {
        List<BindingStatus> heard = new ArrayList<>();
        try (HardwareBindings hb = new HardwareBindings(chip)) {
            // One cycle first: loading JNA's native library opens files once per process.
            hb.bind(LineBinding.output(5, "my-board", "LED0"), true);
            hb.unbind(5);
            long fds = openFds();
            hb.addListener(heard::add);
            for (int i = 0; i < 10; i++) {
                BindingStatus s = hb.bind(LineBinding.output(5, "my-board", "LED0"), true);
                assertEquals(BindingStatus.State.UNPLUGGED, s.state());
                assertTrue(s.message().contains("simulated until the chip is back"), s.message());
                assertEquals(List.of(LineBinding.output(5, "my-board", "LED0")), hb.bindings());
                assertEquals(1, binderThreads());
                assertTrue(hb.unbind(5));
                assertEquals(0, binderThreads(), "unbind stops the binding's thread");
            }
            assertEquals(10, heard.size());
            chip.guestSetDirection(5, io.vgpio.core.Direction.OUT); // nothing is bound: nothing happens
            assertNoDescriptorLeak(fds, 10);
        }
    }

    @Test
    @DisplayName("The control socket's bind, unbind and bindings commands")
    void control_commands() throws Exception {
        try (HardwareBindings hb = new HardwareBindings(chip)) {
            ControlServer control = new ControlServer(Path.of("/nonexistent/ctl"), chip, () -> "none");
            hb.addControlCommands(control);
            assertEquals("ok 0", control.execute("bindings"));
            String err = control.execute("bind 2 in my-board:5 bias=pull-up");
            assertTrue(err.startsWith("err no GPIO chip 'my-board'"), err);
            assertTrue(control.execute("bind 2 sideways my-board:5").startsWith("err bind: a binding starts with in or"
                    + " out"));
            assertEquals("err usage: bind LINE in|out CHIP:LINE [options]", control.execute("bind 2"));
            assertEquals("err no line '9'; lines are 0..7", control.execute("bind 9 in my-board:5"));
            assertEquals("err line 2 is not bound", control.execute("unbind 2"));
            assertTrue(control.execute("help").contains("bind LINE in|out CHIP:LINE"));
            assertTrue(control.execute("frobnicate").contains("bind, bindings"));
        }
    }
}
