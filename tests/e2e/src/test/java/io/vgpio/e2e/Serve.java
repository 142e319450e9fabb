package io.vgpio.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A './vgpio serve' process (the product's headless application) with its sockets in a temporary directory. */
final class Serve implements AutoCloseable {
    final Path dir;
    final Path socket;
    final Path controlPath;
    final int lines;
    private final Process process;
    private final Path log;

    Serve(int lines, String names, String... extra) throws IOException, InterruptedException {
        this.lines = lines;
        dir = Files.createTempDirectory("vgpio-e2e");
        socket = dir.resolve("gpio.sock");
        controlPath = dir.resolve("gpio.ctl");
        log = dir.resolve("serve.log");
        List<String> cmd = new ArrayList<>(List.of(Repo.launcher().toString(), "serve", "--socket", socket.toString(),
                "--control", controlPath.toString(), "--lines", Integer.toString(lines), "-v"));
        if (names != null) {
            cmd.add("--names");
            cmd.add(names);
        }
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VGPIO_NO_BUILD", "1"); // the reactor built the product; never rebuild inside a test
        process = pb.start();
        long end = System.currentTimeMillis() + 60_000;
        while (!Files.exists(controlPath)) {
            if (!process.isAlive()) {
                throw new IOException("'vgpio serve' exited with " + process.exitValue() + ":\n" + log());
            }
            if (System.currentTimeMillis() > end) {
                throw new IOException("'vgpio serve' did not open its sockets in 60 s:\n" + log());
            }
            Thread.sleep(20);
        }
    }

    /** A control client. The socket file appears at bind(), a moment before listen(): retry briefly. */
    Control control() throws IOException, InterruptedException {
        for (int i = 0;; i++) {
            try {
                return new Control(controlPath, lines);
            } catch (java.net.ConnectException e) {
                if (i >= 100) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL, as a crash would: no shutdown hook runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook closes the sockets
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
