package io.vgpio.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user meets it: the product's launcher, its messages and exit codes. */
class CliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Repo.launcher().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("VGPIO_NO_BUILD", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vgpio " + String.join(" ", args) + " finished");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "serve --lines abc|--lines must be a whole number from 1 to 65535, not 'abc'.",
        "serve --lines 70000|line count 70000 is out of range; give a number from 1 to 65535.",
        "serve --names A,B,A|lines 0 and 2 are both named 'A'; line names must be unique, rename one of them.",
        "serve --colour red|unknown option '--colour'; see 'vgpio serve --help' for the options.",
        "serve --socket|--socket needs a value; see 'vgpio serve --help'.",
        "serve --config /nonexistent/dev.conf|does not exist or is not a file; check the --config path.",
        "serve --bind 2|--bind takes LINE=SPEC with LINE a line number, e.g. --bind 3=in,gpiochip1:5,bias=pull-up; found '2'.",
        "serve --bind 2=sideways,gpiochip1:5|a binding starts with in or out, not 'sideways'",
        "serve --bind 9=in,gpiochip1:5|line 9 is bound (in gpiochip1:5) but the device has only 8 lines (0..7)",
        "serve --bind 1=in,gpiochip1:5 --bind 2=out,gpiochip1:5|lines 1 and 2 are both bound to gpiochip1:5",
        "serve --bind 1=in,nochip:3|cannot bind line 1 (in nochip:3): no GPIO chip 'nochip' (no /dev/nochip and no chip with that label)",
        "gpioinfo --all|unknown option '--all'; give chip names only.",
        "decode can-bus x.vcd|unknown protocol 'can-bus'; protocols are i2c, spi, uart and onewire (or onewire_link).",
        "decode i2c --sda SDA x.vcd|--scl LINE is missing; see 'vgpio decode --help'.",
        "decode i2c --scl SCL --sda SDA /nonexistent/x.vcd|the input /nonexistent/x.vcd does not exist or is not a file.",
        "frobnicate|unknown command 'frobnicate'; commands are workbench, serve, bench, trace, replay, decode, guest, gpiodetect, gpioinfo and help."})
    @DisplayName("Bad arguments: one message naming the problem and the fix, exit code 2")
    void bad_arguments(String args, String message) throws Exception {
        Result r = run(args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one message: " + r.err());
    }

    @Test
    @DisplayName("F10, F4: paths and names that cannot work give one message naming the problem and the fix, exit 2")
    void f10_cli_errors_name_the_problem_and_the_fix(@TempDir Path dir) throws Exception {
        String sock = dir.resolve("s.sock").toString();
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path latin1 = dir.resolve("latin1.conf");
        Files.write(latin1, "lines = 4\nname.1 = L\u00c9D\n".getBytes(StandardCharsets.ISO_8859_1));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        // a socket path that fits a UNIX socket address while its default .ctl path (4 bytes more) does not
        Path deep = dir.resolve("d".repeat(95 - dir.toString().length() - 1));
        String fits = deep.resolve("gpio.sock").toString();
        List<List<String>> cases = List.of(
                List.of("serve --socket /proc/vgpio-f10/gpio.sock", "/proc is on the kernel's proc file system"),
                List.of("serve --socket " + file + "/gpio.sock", file + " is a file, not a directory"),
                List.of("serve --socket " + sock + " --record /proc/x.trc",
                        "the --record file /proc/x.trc cannot be made in /proc: /proc is on the kernel's proc file"),
                List.of("serve --socket " + sock + " --config " + latin1,
                        latin1 + ":2: the file is not UTF-8 text (byte 0xC9 at offset 20 is not UTF-8)"),
                List.of("serve --socket|", "--socket needs a path, not an empty string"),
                List.of("serve --socket " + fits, "the control socket path " + fits + ".ctl is too long"),
                List.of("serve --socket " + sock + " --control " + sock,
                        "--control and --socket are the same path " + sock),
                List.of("serve --socket " + sock + " --names \u0001",
                        "the name of line 0 ('\\u0001') has a character that is not printable 7-bit ASCII"),
                List.of("serve --socket " + open + "/gpio.sock", "has mode 0777: anyone can write to it"));
        for (List<String> c : cases) {
            // '|' stands for an empty argument, which split() cannot make
            List<String> args = new ArrayList<>(List.of(c.get(0).split(" ")));
            args.replaceAll(a -> a.endsWith("|") ? a.substring(0, a.length() - 1) : a);
            if (c.get(0).endsWith("|")) {
                args.add("");
            }
            Result r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), c.get(0) + ": " + r.err());
            assertTrue(r.err().contains(c.get(1)), c.get(0) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one message: " + r.err());
        }
        assertTrue(Files.notExists(open.resolve("gpio.sock")) && Files.notExists(deep), "nothing was made");
    }

    @Test
    @DisplayName("A bad config file names the file, the line and the fix")
    void bad_config_file(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("dev.conf");
        Files.writeString(conf, "lines = 4\nirq = sometimes\n");
        Result r = run("serve", "--config", conf.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(conf + ":2: irq must be on or off, found 'sometimes'."), r.err());
    }

    @Test
    @DisplayName("help and serve --help document every command and option")
    void help() throws Exception {
        Result r = run("help");
        assertEquals(0, r.code());
        for (String c : List.of("workbench", "serve", "bench", "trace", "replay", "guest", "gpiodetect", "gpioinfo",
                "help")) {
            assertTrue(r.out().contains("  " + c), r.out());
        }
        Result s = run("serve", "--help");
        assertEquals(0, s.code());
        for (String o : List.of("--socket", "--lines", "--names", "--config", "--control", "--no-irq", "-v",
                "--record", "--bind")) {
            assertTrue(s.out().contains(o), o + " in:\n" + s.out());
        }
    }

    @Test
    @DisplayName("A second backend on a socket that is being served is refused with a clear message")
    void socket_in_use() throws Exception {
        try (Serve first = new Serve(2, null)) {
            Result r = run("serve", "--socket", first.socket.toString(), "--no-control");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("another backend is already serving " + first.socket), r.err());
            assertTrue(first.alive());
        }
    }
}
