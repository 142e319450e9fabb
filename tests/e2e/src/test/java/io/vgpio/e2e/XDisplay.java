package io.vgpio.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An X display for tests that open the workbench: the inherited $DISPLAY (releng/test.sh runs the build under
 * xvfb-run), else an Xvfb of our own, which names the display it chose on a file descriptor (-displayfd) once it
 * accepts connections, so nothing waits by the clock.
 */
final class XDisplay implements AutoCloseable {
    final String name;
    private final Process xvfb;

    private XDisplay(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static XDisplay open() throws IOException {
        String inherited = System.getenv("DISPLAY");
        if (inherited != null && !inherited.isBlank()) {
            return new XDisplay(inherited, null);
        }
        Process p = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine(); // blocks until Xvfb is ready, or null when it exits
        if (number == null || !number.strip().matches("\\d+")) {
            p.destroyForcibly();
            throw new IOException("Xvfb did not start (install xvfb, or run the suite with a DISPLAY)");
        }
        return new XDisplay(":" + number.strip(), p);
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
