package io.vgpio.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor {@code vgpio bench} compares with: releng/bench/eventfd-floor.c, a C eventfd ping-pong between two
 * processes, the least a vhost-user round trip can cost on this machine.
 */
final class EventfdFloor {
    private EventfdFloor() {
    }

    /** Builds releng/bench/eventfd-floor.c with gcc into the user's cache (again when the source is newer). */
    static Path program() throws IOException, InterruptedException {
        Path source = repoFile("releng/bench/eventfd-floor.c");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "vgpio", "bench");
        Files.createDirectories(cache);
        Path exe = cache.resolve("eventfd-floor");
        if (!Files.exists(exe) || Files.getLastModifiedTime(exe).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Process cc = new ProcessBuilder("gcc", "-O2", "-o", exe.toString(), source.toString()).inheritIO().start();
            if (cc.waitFor() != 0) {
                throw new IOException("building the eventfd floor with gcc failed (is gcc installed?)");
            }
        }
        return exe;
    }

    /** Runs the floor program for {@code rounds} round trips; returns each one in ns. */
    static long[] samples(Path exe, int rounds, boolean oneCpu) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (oneCpu) {
            cmd.addAll(List.of("taskset", "-c", "0"));
        }
        cmd.addAll(List.of(exe.toString(), Integer.toString(rounds), "--raw"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (p.waitFor() != 0) {
            throw new IOException("eventfd floor failed: " + text);
        }
        String[] lines = text.split("\\s+");
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            t[i] = Long.parseLong(lines[i]);
        }
        return t;
    }

    private static Path repoFile(String relative) throws IOException {
        List<Path> tried = new ArrayList<>();
        String home = System.getenv("VGPIO_HOME");
        if (home != null) {
            tried.add(Path.of(home, relative));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            tried.add(p.resolve(relative));
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("cannot find " + relative + " (set VGPIO_HOME to the repository root)");
    }
}
