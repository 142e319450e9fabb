package io.vgpio.ui.tests.guest;

import io.vgpio.ui.console.DeviceConsoleView;
import io.vgpio.ui.tests.UiTest;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What a test's own guest printed on the Device Console, and waits for it. The console keeps earlier tests' guests
 * too; each guest's output starts at the line that names the device socket it was started on, which no other test
 * uses.
 */
public final class GuestOutput {
    /** A hang guard only: booting the test guest under TCG on a loaded 2-core machine takes a minute or more. */
    public static final long BOOT_GUARD_MILLIS = 300_000;

    private GuestOutput() {
    }

    /** The console text of the guest started on {@code socket}, from its start line; "" before it started. */
    public static String of(DeviceConsoleView console, Path socket) {
        String text = console.text(true);
        int start = text.lastIndexOf("== starting the guest on " + socket);
        return start < 0 ? "" : text.substring(start);
    }

    /** Waits until that guest's shell prompts: it booted without a script. */
    public static void awaitPrompt(DeviceConsoleView console, Path socket) {
        await("the guest's shell prompt", () -> {
            String out = of(console, socket);
            return out.contains("VGPIO-GUEST: no /test.sh") && out.endsWith("# ");
        });
    }

    /** Runs the UI event loop until the condition holds; fails after {@link #BOOT_GUARD_MILLIS}. */
    public static void await(String what, BooleanSupplier done) {
        if (!UiTest.spinUntil(done, BOOT_GUARD_MILLIS)) {
            throw new AssertionError("still not true after " + BOOT_GUARD_MILLIS / 1000 + " s: " + what);
        }
    }
}
