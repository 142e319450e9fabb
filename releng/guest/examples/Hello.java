// Single-file program run by gpio-sim-smoke.sh inside the test guest with the
// host's JDK over 9p (java Hello.java): proves a JVM starts there and sees the
// guest's GPIO character devices. Prints its own memory figures.
import java.nio.file.*;
import java.util.stream.*;

public class Hello {
    public static void main(String[] args) throws Exception {
        System.out.println("hello from java " + Runtime.version() + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cpu(s), max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, user.home "
                + System.getProperty("user.home"));
        try (Stream<Path> s = Files.list(Path.of("/dev"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("gpiochip")).sorted().toList()) {
                System.out.println(p + " exists=" + Files.exists(p) + " readable=" + Files.isReadable(p)
                        + " writable=" + Files.isWritable(p));
            }
        }
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM") || l.startsWith("VmRSS")) System.out.println(l.replaceAll("\\s+", " "));
        }
    }
}
