package io.vgpio.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and its launchers are. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        String p = System.getProperty("vgpio.repo");
        Path start = p != null ? Path.of(p) : Path.of("").toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("vgpio")) && Files.isDirectory(d.resolve("releng/guest"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start + " (set -Dvgpio.repo)");
    }

    /** ./vgpio, or -Dvgpio.launcher (another build of the same command line, e.g. while developing). */
    static Path launcher() {
        String l = System.getProperty("vgpio.launcher");
        return l != null && !l.isBlank() ? Path.of(l) : root().resolve("vgpio");
    }

    static Path runGuest() {
        return root().resolve("releng/guest/run-guest.sh");
    }

    /** Where the suite writes its figures (target/e2e-report.txt of this module). */
    static Path report() {
        return root().resolve("tests/e2e/target/e2e-report.txt");
    }
}
