package io.vgpio.ui.tests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vgpio.ui.console.TerminalKeys;
import io.vgpio.ui.guest.GuestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.SWT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-guest.sh's command line from the Run Guest options, and the keys the terminal sends. */
class GuestOptionsTest {
    private static final Path RUNNER = Path.of("/src/releng/guest/run-guest.sh");
    private static final Path SOCKET = Path.of("/run/gpio.sock");

    @Test
    @DisplayName("The default is a shell on a raw console with no time limit")
    void shell_command() {
        assertEquals(List.of(RUNNER.toString(), "--socket", "/run/gpio.sock", "--raw-console", "--timeout", "0"),
                GuestOptions.shell().command(RUNNER, SOCKET));
    }

    @Test
    @DisplayName("Script, own kernel and initrd, and each extra QEMU argument are passed on")
    void full_command(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("t.sh"), "gpioinfo\n");
        Path kernel = Files.writeString(dir.resolve("bzImage"), "k");
        Path initrd = Files.writeString(dir.resolve("initrd"), "i");
        GuestOptions o = new GuestOptions(script, true, kernel, initrd, GuestOptions.splitArguments("-s -d 'a b'"));
        assertNull(o.problem());
        assertEquals(List.of(RUNNER.toString(), "--socket", "/run/gpio.sock", "--raw-console", "--timeout", "0",
                "--script", script.toString(), "--shell", "--kernel", kernel.toString(), "--initrd",
                initrd.toString(), "--qemu-arg", "-s", "--qemu-arg", "-d", "--qemu-arg", "a b"),
                o.command(RUNNER, SOCKET));
    }

    @Test
    @DisplayName("A kernel without an initrd, or a missing file, is a problem the dialog shows")
    void problems(@TempDir Path dir) throws Exception {
        Path kernel = Files.writeString(dir.resolve("bzImage"), "k");
        assertNotNull(new GuestOptions(null, false, kernel, null, List.of()).problem());
        assertNotNull(new GuestOptions(dir.resolve("missing.sh"), false, null, null, List.of()).problem());
    }

    @Test
    @DisplayName("QEMU arguments split like shell words and join back to the same words")
    void split_and_join() {
        List<String> words = GuestOptions.splitArguments("  -device \"virtio-rng-pci,id=r\" -append 'a b' ");
        assertEquals(List.of("-device", "virtio-rng-pci,id=r", "-append", "a b"), words);
        assertEquals(words, GuestOptions.splitArguments(GuestOptions.joinArguments(words)));
        assertThrows(IllegalArgumentException.class, () -> GuestOptions.splitArguments("-s 'open"));
    }

    @Test
    @DisplayName("Keys send what a VT100 sends: CR for Enter, DEL for Backspace, ETX for Ctrl+C, CSI for arrows")
    void terminal_keys() {
        assertEquals("\r", TerminalKeys.bytesFor(SWT.CR, '\r', 0));
        assertEquals("\u007f", TerminalKeys.bytesFor(SWT.BS, '\b', 0));
        assertEquals("\u0003", TerminalKeys.bytesFor('c', '\u0003', SWT.CTRL));
        assertEquals("\u001b[A", TerminalKeys.bytesFor(SWT.ARROW_UP, '\0', 0));
        assertEquals("g", TerminalKeys.bytesFor('g', 'g', 0));
        assertNull(TerminalKeys.bytesFor(SWT.SHIFT, '\0', SWT.SHIFT));
        assertNull(TerminalKeys.bytesFor(SWT.PAGE_UP, '\0', 0));
    }
}
