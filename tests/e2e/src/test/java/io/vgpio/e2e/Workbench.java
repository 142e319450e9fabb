package io.vgpio.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A './vgpio workbench' process as a user starts it, with a home directory of its own (so a first start finds no
 * per-user state), its runtime directory (default device socket) and working directory in one temporary directory.
 * Its stdout is read line by line, so a test can wait for what the workbench announces: the device serving, then
 * "vgpio: workbench window open".
 */
final class Workbench implements AutoCloseable {
    static final String DEVICE_SERVING = "vgpio: vGPIO device serving on ";
    static final String WINDOW_OPEN = "vgpio: workbench window open";
    private static final long START_LIMIT_MS = 180_000; // a hang guard only: a loaded CI machine is slow

    final Path home;
    final Path workingDirectory;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path stderr;

    /** Starts the workbench with the home directory {@code home} (fresh or left by an earlier start). */
    Workbench(Path dir, Path home, XDisplay display) throws IOException {
        this(dir, home, display, null);
    }

    /** As above, with JVM options for the workbench (VGPIO_JAVA_OPTS; null: none). */
    Workbench(Path dir, Path home, XDisplay display, String javaOptions) throws IOException {
        this.home = home;
        workingDirectory = Files.createDirectories(dir.resolve("cwd"));
        Path runtime = dir.resolve("run");
        if (!Files.isDirectory(runtime)) {
            Files.createDirectory(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        stderr = dir.resolve("stderr-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(Repo.launcher().toString(), "workbench")
                .directory(workingDirectory.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("DISPLAY", display.name);
        env.put("VGPIO_NO_BUILD", "1"); // the reactor built the product; never rebuild inside a test
        env.remove("XDG_CACHE_HOME");
        env.remove("VGPIO_STATE_DIR");
        env.remove("VGPIO_JAVA_OPTS");
        if (javaOptions != null) {
            env.put("VGPIO_JAVA_OPTS", javaOptions);
        }
        process = pb.start();
        process.getOutputStream().close();
        Thread reader = new Thread(this::readStdout, "workbench-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process went away: waiters see it exit
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** Waits until a stdout line starts with {@code prefix}; fails if the process exits first. */
    /** The first line of stdout that starts with prefix (after {@link #awaitLine} has seen it). */
    String line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    void awaitLine(String prefix) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + START_LIMIT_MS;
        synchronized (lines) {
            while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
                if (!process.isAlive()) {
                    throw new IOException("the workbench exited with " + process.exitValue() + " before '" + prefix
                            + "'; stdout " + lines + "\nstderr:\n" + stderr());
                }
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IOException("no '" + prefix + "' within " + START_LIMIT_MS / 1000 + " s; stdout " + lines);
                }
                lines.wait(Math.min(left, 500)); // woken by each line; the bound only rechecks isAlive()
            }
        }
    }

    /** SIGTERM, as a desktop session's logout or 'kill PID' sends it (the script execs java: same process). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the exit and returns its status. */
    int awaitExit() throws InterruptedException, IOException {
        if (!process.waitFor(START_LIMIT_MS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("the workbench did not exit after SIGTERM; stdout " + lines);
        }
        return process.exitValue();
    }

    /** JVM crash reports (hs_err_pid*.log) anywhere under the home or the working directory. */
    List<Path> crashReports() throws IOException {
        try (Stream<Path> a = Files.walk(home); Stream<Path> b = Files.walk(workingDirectory)) {
            return Stream.concat(a, b).filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
