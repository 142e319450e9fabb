package io.vgpio.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/** Figures the suite measures: printed, and appended to tests/e2e/target/e2e-report.txt. */
final class Report {
    private Report() {
    }

    static synchronized void figure(String line) {
        System.out.println("E2E FIGURE: " + line);
        try {
            Files.createDirectories(Repo.report().getParent());
            Files.writeString(Repo.report(), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(cannot write the report: " + e.getMessage() + ")");
        }
    }

    /** "p50 X ms, max Y ms over N" of nanosecond samples. */
    static String millis(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.2f ms, min %.2f ms, max %.2f ms over %d", s[s.length / 2] / 1e6,
                s[0] / 1e6, s[s.length - 1] / 1e6, s.length);
    }
}
