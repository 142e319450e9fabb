package io.vgpio.ui.tests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.console.DeviceConsoleView;
import io.vgpio.ui.console.GuestTerminal;
import io.vgpio.ui.guest.GuestDeviceChange;
import io.vgpio.ui.guest.GuestOptions;
import io.vgpio.ui.guest.GuestService;
import io.vgpio.ui.tests.DialogAnswerer;
import io.vgpio.ui.tests.UiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real test guest (QEMU, TCG) from the workbench: a shell on its console that one types into, and a stop that
 * leaves no QEMU behind. Slow (a boot each): releng/guest/build-guest.sh must have built the guest.
 */
class GuestConsoleTest {
    /** Only a guard against a hung boot: the tests wait for the guest's output, not for a time. */

    @TempDir
    Path dir;
    private DeviceSession device;
    private DeviceConsoleView console;

    @BeforeEach
    void startDevice() throws Exception {
        device = UiTest.startDevice(dir); // lines LED, BUTTON, (unnamed), RESET, ...
        console = (DeviceConsoleView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView(DeviceConsoleView.ID);
        console.showGuest();
    }

    @AfterEach
    void stopAll() throws Exception {
        GuestService.get().stop();
        DeviceService.get().stop();
    }

    @Test
    @DisplayName("gpioinfo typed into the guest's console lists the device's line names")
    void gpioinfo_typed_into_the_console() throws Exception {
        GuestService.get().launch(device, GuestOptions.shell());
        awaitPrompt();
        GuestTerminal terminal = console.guestTerminal();
        for (char c : "gpioinfo".toCharArray()) {
            terminal.press(c, c, 0);
        }
        terminal.press(SWT.CR, '\r', 0);
        await("gpioinfo's output names the lines", () -> {
            String out = afterLast(thisGuestsOutput(), "gpioinfo");
            return out.contains("\"LED\"") && out.contains("\"BUTTON\"") && out.contains("\"RESET\"");
        });
        await("the Device Console logged the guest's connect", () -> console.text(false)
                .contains("frontend connected on " + device.socketPath()));
        UiTest.drain();
        UiTest.screenshot(terminal.control().getParent(), "guest-console.png"); // for people to look at
    }

    @Test
    @DisplayName("Ctrl+C (the workbench's Copy key) in the terminal interrupts the guest's foreground program")
    void ctrl_c_interrupts_the_foreground_program() throws Exception {
        GuestService.get().launch(device, GuestOptions.shell());
        awaitPrompt();
        GuestTerminal terminal = console.guestTerminal();
        terminal.type("sleep 100000\r");
        await("sleep runs", () -> thisGuestsOutput().contains("sleep 100000"));
        console.getSite().getPage().activate(console);
        console.showGuest();
        UiTest.drain();
        assertTrue(terminal.isFocused(), "the terminal has the keyboard focus");
        // Ctrl+C is the workbench's Copy key: with nothing selected in the terminal, Copy is Ctrl+C for the guest.
        console.getSite().getService(IHandlerService.class).executeCommand(IWorkbenchCommandConstants.EDIT_COPY,
                null);
        terminal.type("echo interrupted-$((6*7))\r");
        // The shell runs the echo only once sleep is gone: its output proves the interrupt.
        await("the shell ran the next command", () -> afterLast(thisGuestsOutput(), "sleep 100000")
                .contains("\ninterrupted-42"));
    }

    @Test
    @DisplayName("Stop Guest powers the guest off and leaves no QEMU; a second guest is refused meanwhile")
    void stop_leaves_no_qemu() throws Exception {
        GuestService.get().launch(device, GuestOptions.shell());
        awaitPrompt();
        assertFalse(qemuProcesses().isEmpty(), "a QEMU names the device's socket while the guest runs");
        IOException refused = assertThrows(IOException.class,
                () -> GuestService.get().launch(device, GuestOptions.shell()));
        assertTrue(refused.getMessage().contains("already running"), refused.getMessage());

        // Stop Guest and Exit ask first: "No" leaves the guest running (and the workbench open).
        DialogAnswerer no = DialogAnswerer.answer("Stop Guest", "No");
        execute("io.vgpio.ui.stopGuest");
        assertTrue(no.answered(), "Stop Guest asked");
        assertTrue(no.message().contains("Power off the guest on " + device.socketPath()), no.message());
        DialogAnswerer stayOpen = DialogAnswerer.answer("Exit", "No");
        assertFalse(PlatformUI.getWorkbench().close(), "the workbench stays open when the user says No");
        assertTrue(stayOpen.answered() && stayOpen.message().contains("A guest is running"), stayOpen.message());
        assertNotNull(GuestService.get().current(), "the guest still runs after both No answers");
        assertFalse(qemuProcesses().isEmpty(), "QEMU still runs after both No answers");

        DialogAnswerer yes = DialogAnswerer.answer("Stop Guest", "Yes");
        execute("io.vgpio.ui.stopGuest");
        assertTrue(yes.answered(), "Stop Guest asked again");
        assertNull(GuestService.get().current(), "the guest is gone once Stop Guest returns");
        assertEquals(List.of(), qemuProcesses(), "no QEMU process names the socket after the stop");
        await("the Device Console logged the guest's disconnect", () -> afterLast(console.text(false),
                "frontend connected on " + device.socketPath()).contains("frontend disconnected"));
        assertTrue(console.controlSocketText().endsWith("gpio.ctl"), console.controlSocketText());
    }

    @Test
    @DisplayName("A device change powers the guest off, logs its disconnect, and boots it again on the new device")
    void device_change_restarts_the_guest_on_the_new_device() throws Exception {
        GuestService.get().launch(device, GuestOptions.shell());
        awaitPrompt();
        Path oldSocket = device.socketPath();

        GuestDeviceChange change = GuestDeviceChange.powerOff(true);
        device = DeviceService.get().start(device.config(), dir.resolve("new.sock"), dir.resolve("new.ctl"));
        change.resume(null, device);
        awaitPrompt(); // this guest: the start line names the new socket
        assertEquals(List.of(), qemuProcesses(oldSocket), "no QEMU is left on the old device");
        assertFalse(qemuProcesses(device.socketPath()).isEmpty(), "the guest's QEMU names the new socket");
        await("the Device Console logged the old device's disconnect", () -> afterLast(console.text(false),
                "frontend connected on " + oldSocket).contains("frontend disconnected"));
    }

    /**
     * Waits for this guest's prompt. The console keeps earlier guests' output, and the view may still show it: the
     * start line names this test's socket, which no other test uses.
     */
    private void awaitPrompt() {
        GuestOutput.awaitPrompt(console, device.socketPath());
    }

    private String thisGuestsOutput() {
        return GuestOutput.of(console, device.socketPath());
    }

    private static void await(String what, BooleanSupplier done) {
        GuestOutput.await(what, done);
    }

    private static String afterLast(String text, String marker) {
        int i = text.lastIndexOf(marker);
        return i < 0 ? "" : text.substring(i + marker.length());
    }

    /** The qemu-system processes whose command line names this test's device socket. */
    private List<Long> qemuProcesses() throws IOException {
        return qemuProcesses(device.socketPath());
    }

    /** The qemu-system processes whose command line names the socket. */
    private static List<Long> qemuProcesses(Path socketPath) throws IOException {
        String socket = socketPath.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    return cmd.contains("qemu-system") && cmd.contains(socket);
                } catch (IOException e) {
                    return false; // the process ended meanwhile
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private static void execute(String command) throws Exception {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class)
                .executeCommand(command, null);
    }
}
