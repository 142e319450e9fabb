package io.vgpio.ui.guest;

import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.ui.console.TerminalDecoder;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One QEMU guest booted by run-guest.sh: its serial console's output is decoded into a {@link ConsoleBuffer}, what
 * the user types goes to its stdin (QEMU's serial port, raw), and {@link #stop} powers it off.
 */
public final class GuestProcess {
    /** Ctrl+C: with the shell's job control the guest's tty turns it into SIGINT for the foreground program. */
    public static final String INTERRUPT = "\u0003";
    /** How long QEMU gets to end after SIGTERM (it shuts down cleanly on it) before it is killed. */
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(3);

    /** How a stop ended. */
    public enum Ending { ALREADY_ENDED, POWERED_OFF, TERMINATED, KILLED }

    private final Process process;
    private final OutputStream stdin;
    private final Path socket;
    private final GuestOptions options;

    private GuestProcess(Process process, Path socket, GuestOptions options) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.socket = socket;
        this.options = options;
    }

    /**
     * Starts run-guest.sh; a daemon thread copies the console (run-guest.sh's own messages included) into console.
     *
     * @param lineListener hears every complete console line (on the reader thread)
     */
    public static GuestProcess start(Path runner, Path socket, GuestOptions options, ConsoleBuffer console,
            Consumer<String> lineListener) throws IOException {
        List<String> command = options.command(runner, socket);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        GuestProcess g = new GuestProcess(p, socket, options);
        Thread reader = new Thread(() -> g.copyConsole(new TerminalDecoder(console, lineListener)),
                "guest-console " + socket.getFileName());
        reader.setDaemon(true);
        reader.start();
        return g;
    }

    private void copyConsole(TerminalDecoder decoder) {
        char[] chunk = new char[4096];
        try (Reader r = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = r.read(chunk)) > 0) {
                decoder.feed(new String(chunk, 0, n));
            }
        } catch (IOException e) {
            // the process ended and its pipe closed
        } finally {
            decoder.finish();
        }
    }

    public Path socket() {
        return socket;
    }

    public GuestOptions options() {
        return options;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for run-guest.sh to end; its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Sends what the user typed to the guest's serial console; false if the guest is gone. */
    public synchronized boolean type(String text) {
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Powers the guest off: Ctrl+C for whatever runs in the foreground, then {@code poweroff -f} typed to the
     * shell (the guest's /init has no ACPI daemon, so a power button would go unheard). If QEMU is still there after
     * grace, SIGTERM (QEMU closes the vhost-user connection and exits), and SIGKILL if even that does not help.
     * Blocks until run-guest.sh is gone.
     */
    public Ending stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return Ending.ALREADY_ENDED;
        }
        type(INTERRUPT);
        type("\rpoweroff -f\r");
        if (ended(grace)) {
            return Ending.POWERED_OFF;
        }
        // QEMU first: run-guest.sh then ends on its own and removes its temporary files.
        process.descendants().forEach(ProcessHandle::destroy);
        if (ended(TERMINATE_GRACE)) {
            return Ending.TERMINATED;
        }
        process.destroy();
        if (ended(TERMINATE_GRACE)) {
            return Ending.TERMINATED;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        return Ending.KILLED;
    }

    /** Waits up to the timeout for run-guest.sh to end. */
    public void waitForExit(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            process.onExit().get(timeout, unit);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // onExit never completes exceptionally
        }
    }

    private boolean ended(Duration within) throws InterruptedException {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
