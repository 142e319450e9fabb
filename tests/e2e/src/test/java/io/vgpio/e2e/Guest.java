package io.vgpio.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test Linux guest (releng/guest/run-guest.sh) running a script, attached to a device. Its serial console is
 * read live, so a test can wait for a line and act on the host at that moment.
 */
final class Guest implements AutoCloseable {
    /** A console line and when the host saw it. */
    record Line(String text, long nanos) {
    }

    /** Shell functions every script gets. SYNC is the handshake line the host pulses to let the guest go on. */
    static String prelude(int syncLine) {
        return """
                #!/bin/sh
                C=gpiochip0
                SYNC=%d
                # Tell the host we reached a point, and wait until it pulses the SYNC line.
                sync_host() { echo "VGPIO-SYNC $1"; gpiomon -n 1 -r -s $C $SYNC >/dev/null; }
                """.formatted(syncLine);
    }

    private final Process process;
    private final List<Line> console = new ArrayList<>();
    private final Thread reader;
    private int consumed;

    /**
     * @param extra more run-guest.sh options
     */
    Guest(Path socket, String script, int timeoutSeconds, String... extra) throws IOException {
        this(withSocket(socket, extra), script, timeoutSeconds);
    }

    private static List<String> withSocket(Path socket, String... extra) {
        List<String> options = new ArrayList<>(List.of("--socket", socket.toString()));
        options.addAll(List.of(extra));
        return options;
    }

    /**
     * @param options run-guest.sh options besides --script and --timeout (e.g. --no-device --gpio-sim)
     */
    Guest(List<String> options, String script, int timeoutSeconds) throws IOException {
        Path file = Files.createTempFile("vgpio-guest", ".sh");
        Files.writeString(file, script);
        List<String> cmd = new ArrayList<>(List.of(Repo.runGuest().toString(), "--script", file.toString(),
                "--timeout", Integer.toString(timeoutSeconds)));
        cmd.addAll(options);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (console) {
                        console.add(new Line(l.replace("\r", ""), System.nanoTime()));
                        console.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            synchronized (console) {
                console.notifyAll();
            }
        }, "guest-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the next console line (after those already consumed) matching p. */
    Line await(Predicate<String> p, long timeoutMillis, String what) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (console) {
            while (true) {
                for (; consumed < console.size(); consumed++) {
                    Line l = console.get(consumed);
                    if (p.test(l.text())) {
                        consumed++;
                        return l;
                    }
                }
                long left = end - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new IOException("the guest did not print " + what + " (waited " + timeoutMillis
                            + " ms); console:\n" + consoleText());
                }
                console.wait(Math.min(left, 200));
            }
        }
    }

    Line awaitPrefix(String prefix, long timeoutMillis) throws IOException, InterruptedException {
        return await(s -> s.startsWith(prefix), timeoutMillis, "'" + prefix + "'");
    }

    /** Waits for 'VGPIO-SYNC name'. */
    void awaitSync(String name, long timeoutMillis) throws IOException, InterruptedException {
        awaitPrefix("VGPIO-SYNC " + name, timeoutMillis);
    }

    /** Every console line so far. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        synchronized (console) {
            for (Line l : console) {
                out.add(l.text());
            }
        }
        return out;
    }

    String consoleText() {
        StringBuilder b = new StringBuilder();
        synchronized (console) {
            for (Line l : console) {
                b.append("  | ").append(l.text()).append('\n');
            }
        }
        return b.toString();
    }

    /** All console lines between two markers (exclusive). */
    List<String> between(String startPrefix, String endPrefix) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        synchronized (console) {
            for (Line l : console) {
                if (l.text().startsWith(startPrefix)) {
                    in = true;
                } else if (l.text().startsWith(endPrefix)) {
                    in = false;
                } else if (in) {
                    out.add(l.text());
                }
            }
        }
        return out;
    }

    int waitExit(long timeoutSeconds) throws InterruptedException, IOException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the guest did not finish in " + timeoutSeconds + " s; console:\n" + consoleText());
        }
        reader.join(2000);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
