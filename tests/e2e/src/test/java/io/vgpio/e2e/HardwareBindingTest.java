package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hardware bindings for real, with no hardware: a Linux guest with the in-kernel gpio-sim chip runs the product's
 * own code on the host's JDK (both shared read-only over 9p). Inside it, 'vgpio serve' binds lines to gpio-sim;
 * the Java driver plays the virtio-gpio driver; gpio-sim's pulls and values play the world. The checks themselves
 * are in src/guest (binding-check.sh and BindingCheck.java, compiled here against the product's jars).
 */
class HardwareBindingTest {
    static Path plugins() {
        return Repo.root().resolve("releng/io.vgpio.product/target/products/io.vgpio.product/linux/gtk/x86_64/plugins");
    }

    /** Compiles BindingCheck against the product's jars into target/guest-classes. */
    static Path compileCheck() throws IOException {
        Path module = Repo.root().resolve("tests/e2e");
        Path out = module.resolve("target/guest-classes");
        Files.createDirectories(out);
        List<String> jars;
        try (Stream<Path> s = Files.list(plugins())) {
            jars = s.map(Path::toString).filter(p -> p.endsWith(".jar")).filter(p -> p.contains("/io.vgpio.")
                    || p.contains("/com.sun.jna_")).collect(Collectors.toList());
        }
        List<String> sources;
        try (Stream<Path> s = Files.walk(module.resolve("src/guest/java"))) {
            sources = s.map(Path::toString).filter(p -> p.endsWith(".java")).collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", out.toString(), "-cp",
                String.join(":", jars)));
        args.addAll(sources);
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        assertEquals(0, rc, "BindingCheck does not compile against the product:\n" + errors);
        return out;
    }

    @Test
    @DisplayName("Lines bound to a gpio-sim chip in a guest: listing, inputs, outputs, debounce, busy, unplug, unbind")
    void bindings_against_gpio_sim() throws Exception {
        Path classes = compileCheck();
        Path jdk = Path.of(System.getProperty("java.home"));
        String script = "#!/bin/sh\nJDK=" + jdk + "\nPLUGINS=" + plugins() + "\nCHECK=" + classes + "\nEDGES=200\n"
                + Files.readString(Repo.root().resolve("tests/e2e/src/guest/binding-check.sh"));
        List<String> options = List.of("--no-device", "--gpio-sim", "--mem", "1G", "--share", jdk + ":jdk",
                "--share", plugins() + ":vgpio", "--share", classes + ":check");
        try (Guest guest = new Guest(options, script, 900)) {
            int rc = guest.waitExit(960);
            List<String> lines = guest.lines();
            List<String> failed = lines.stream().filter(l -> l.startsWith("CHECK FAIL")).toList();
            long passed = lines.stream().filter(l -> l.startsWith("CHECK ok")).count();
            lines.stream().filter(l -> l.startsWith("FIGURE ")).forEach(l -> Report.figure(
                    "hardware binding (gpio-sim in the guest, TCG): " + l.substring(7)));
            String console = guest.consoleText();
            assertTrue(failed.isEmpty(), "failed checks " + failed + "; console:\n" + console);
            assertTrue(lines.contains("CHECK all passed") && lines.contains("BINDING: all passed"),
                    "the checks did not all run; console:\n" + console);
            assertTrue(passed >= 30, passed + " checks passed, expected at least 30; console:\n" + console);
            assertEquals(0, rc, "run-guest.sh exit code; console:\n" + console);
        }
    }
}
