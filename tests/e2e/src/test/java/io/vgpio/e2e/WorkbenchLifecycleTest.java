package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench started and stopped the way users and desktop sessions do it: a first start with a fresh home
 * directory, a second start with the state the first one left, and SIGTERM at different moments of its life. A
 * JVM crash at exit (the dynamic class-data sharing archive the start script once asked for crashed it when
 * SIGTERM came during start-up) shows as an hs_err_pid*.log and an exit status other than 143, the status of
 * a JVM that ran its shutdown on SIGTERM. Every wait is for something the workbench announces on stdout.
 */
class WorkbenchLifecycleTest {
    /** 128 + SIGTERM: the JVM's exit status after a SIGTERM-initiated shutdown. */
    private static final int SIGTERM_STATUS = 143;

    private static XDisplay display;

    @BeforeAll
    static void display() throws Exception {
        display = XDisplay.open();
    }

    @AfterAll
    static void closeDisplay() throws Exception {
        display.close();
    }

    private enum Moment {
        /** Right after the process started: the JVM and Equinox are still coming up. */
        AT_ONCE,
        /** The default device serves: the display and the workbench are being created. */
        DEVICE_SERVING,
        /** The window is open. */
        WINDOW_OPEN,
        /** The window is open; a second SIGTERM follows the first while the JVM runs its shutdown. */
        WINDOW_OPEN_TWICE
    }

    @Test
    @DisplayName("Workbench: SIGTERM during start-up, once the device serves, with the window up (first and second"
            + " start), twice: every exit is a clean 143, no JVM crash report anywhere")
    void sigterm_at_every_phase_never_crashes(@TempDir Path dir) throws Exception {
        cycle(dir.resolve("1"), fresh(dir, "home1"), Moment.AT_ONCE);
        cycle(dir.resolve("2"), fresh(dir, "home2"), Moment.DEVICE_SERVING);
        Path home = fresh(dir, "home3");
        long first = cycle(dir.resolve("3"), home, Moment.WINDOW_OPEN);
        long second = cycle(dir.resolve("4"), home, Moment.WINDOW_OPEN);
        cycle(dir.resolve("5"), fresh(dir, "home5"), Moment.WINDOW_OPEN_TWICE);
        Report.figure(String.format(Locale.ROOT,
                "workbench: process start to window open %d ms on a first start (fresh home), %d ms on a second", first,
                second));
    }

    private static Path fresh(Path dir, String name) throws Exception {
        return Files.createDirectories(dir.resolve(name));
    }

    /** One start and SIGTERM; returns the milliseconds from start to the open window (0 if not waited for). */
    private static long cycle(Path dir, Path home, Moment moment) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        long windowMs = 0;
        try (Workbench w = new Workbench(dir, home, display)) {
            switch (moment) {
                case AT_ONCE -> {
                }
                case DEVICE_SERVING -> w.awaitLine(Workbench.DEVICE_SERVING);
                case WINDOW_OPEN, WINDOW_OPEN_TWICE -> {
                    w.awaitLine(Workbench.WINDOW_OPEN);
                    windowMs = (System.nanoTime() - start) / 1_000_000;
                }
            }
            w.terminate();
            if (moment == Moment.WINDOW_OPEN_TWICE) {
                w.terminate();
            }
            int status = w.awaitExit();
            String stderr = w.stderr();
            assertTrue(w.crashReports().isEmpty(), moment + ": JVM crash report " + w.crashReports());
            assertFalse(stderr.contains("A fatal error has been detected"), moment + ": " + stderr);
            assertEquals(SIGTERM_STATUS, status, moment + ": exit status; stderr:\n" + stderr);
        }
        return windowMs;
    }

    @Test
    @DisplayName("Workbench: the product's own window has the menus File, Device, Trace, Window, Help and nothing"
            + " the bundled Eclipse IDE and Debug bundles could add; its screenshot is saved to look at")
    void product_window_and_menu_bar(@TempDir Path dir) throws Exception {
        Path shot = Repo.root().resolve("tests/e2e/target/screenshots/product-window.png");
        Files.deleteIfExists(shot);
        try (Workbench w = new Workbench(dir.resolve("w"), fresh(dir, "home"), display,
                "-Dvgpio.screenshot=" + shot)) {
            w.awaitLine("vgpio: screenshot saved:");
            assertEquals("vgpio: menu bar: File Device Trace Window Help", w.line("vgpio: menu bar:"));
            assertTrue(Files.size(shot) > 10_000, "a screenshot of the window in " + shot);
            w.terminate();
            assertEquals(SIGTERM_STATUS, w.awaitExit());
        }
    }
}
