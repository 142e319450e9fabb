package io.vgpio.e2e.guest;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioChips;
import io.vgpio.gpiocdev.LineInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Runs INSIDE the test guest (tests/e2e/src/guest/binding-check.sh), next to a 'vgpio serve' that binds
 * simulated lines to a gpio-sim chip: the vGPIO Java driver plays the virtio-gpio driver over the real vhost-user
 * socket, gpio-sim's sysfs attributes play the outside world, and each check prints "CHECK ok: ..." or
 * "CHECK FAIL: ...". Figures are printed as "FIGURE name: text".
 *
 * <p>Arguments: SOCKET CONTROL CHIP SYSFS CONFIGFS_DEVICE, where the serve process has line 2 bound as an input
 * to the chip's line 3 (configuration file), line 5 as an output to its line named sim-line5 (--bind) and line 6
 * as an active-low open-drain output to its line 6 (--bind).
 */
public final class BindingCheck {
    private final GpioDriver driver;
    private final Path control;
    /** The chip's name and sysfs directory: both may change when the chip comes back after an unplug. */
    private String chip;
    private Path sysfs;
    private final Path configfs;
    private int failures;

    private BindingCheck(GpioDriver driver, Path control, String chip, Path sysfs, Path configfs) {
        this.driver = driver;
        this.control = control;
        this.chip = chip;
        this.sysfs = sysfs;
        this.configfs = configfs;
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        try (GpioDriver d = GpioDriver.attach(socket)) {
            BindingCheck c = new BindingCheck(d, Path.of(args[1]), args[2], Path.of(args[3]), Path.of(args[4]));
            c.run();
            System.out.println(c.failures == 0 ? "CHECK all passed" : "CHECK FAILED: " + c.failures);
            System.exit(c.failures == 0 ? 0 : 1);
        }
    }

    private void run() throws Exception {
        inputFollowsPulls();
        edgeLatency(Integer.getInteger("edges", 200));
        irqTypesApply();
        outputDrivesPin();
        activeLowOutput();
        busyLineNamesConsumer();
        debounce();
        unplugAndReplug();
        unbindReleases();
    }

    // ---- physical input -> guest input ------------------------------------------------------------------------

    private void inputFollowsPulls() throws Exception {
        pull(3, "pull-up");
        check(waitFor(() -> value(2) == 1, 3000), "pull-up on " + chip + " line 3 -> guest reads line 2 as 1");
        pull(3, "pull-down");
        check(waitFor(() -> value(2) == 0, 3000), "pull-down -> guest reads line 2 as 0");
        try (GpioChip c = GpioChips.open(chip)) {
            LineInfo info = c.lineInfo(3);
            check(info.used() && info.consumer().equals("vgpio:2") && info.edges().equals("both"),
                    "the bound input is held by consumer vgpio:2 with both edges (" + info + ")");
        }
        String events = control("events 0 100000");
        check(events.contains(" LEVEL 2 0 3 ") || events.contains("(hardware)"),
                "the event log records the level change with cause hardware");
    }

    /** Edges from gpio-sim to the guest's interrupt: p50/p99 from the chip's event to the eventq notification. */
    private void edgeLatency(int edges) throws Exception {
        request(MessageType.SET_DIRECTION, 2, Direction.IN.wireValue());
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.EDGE_BOTH.wireValue());
        long from = nextSeq();
        long[] wake = new long[edges];
        int got = 0;
        int level = value(2);
        for (int i = 0; i < edges; i++) {
            driver.queueIrqBuffer(2);
            level ^= 1;
            long t0 = System.nanoTime();
            pull(3, level == 1 ? "pull-up" : "pull-down");
            GpioDriver.Interrupt irq = driver.awaitInterrupt(3000);
            wake[i] = System.nanoTime() - t0;
            if (irq == null || !irq.valid() || irq.line() != 2) {
                break;
            }
            got++;
        }
        check(got == edges, got + " of " + edges + " edges from " + chip + " line 3 raised the guest's interrupt"
                + " on line 2");
        // From the kernel's edge timestamp (HW_EDGE) to the eventq buffer's return (INTERRUPT's latency field).
        // HW_EDGE's b is the time from the kernel's timestamp to the edge reaching the device (the reader thread
        // woken and the event read), so INTERRUPT minus that is the device's own part.
        List<Long> latency = new ArrayList<>();
        List<Long> toRead = new ArrayList<>();
        int hwEdges = 0;
        for (String l : control("events " + from + " 100000").split("\n")) {
            String[] t = l.split(" ");
            if (t.length > 6 && t[3].equals("2")) {
                if (t[2].equals("HW_EDGE")) {
                    hwEdges++;
                    toRead.add(Long.parseLong(t[5]));
                } else if (t[2].equals("INTERRUPT")) {
                    latency.add(Long.parseLong(t[5]));
                }
            }
        }
        check(hwEdges >= edges && latency.size() == got, hwEdges + " HW_EDGE events with kernel timestamps and "
                + latency.size() + " interrupts logged");
        long[] lat = latency.stream().mapToLong(Long::longValue).toArray();
        System.out.println("FIGURE edge-latency: kernel edge timestamp -> eventq notification, " + lat.length
                + " edges: " + percentiles(lat));
        long[] read = toRead.stream().mapToLong(Long::longValue).toArray();
        System.out.println("FIGURE edge-to-read: kernel edge timestamp -> the edge event read by the binding's thread, "
                + read.length + " edges: " + percentiles(read));
        if (read.length == lat.length) {
            long[] device = new long[lat.length];
            for (int i = 0; i < lat.length; i++) {
                device[i] = lat[i] - read[i];
            }
            System.out.println("FIGURE read-to-notify: edge event read -> eventq notification (inside the device), "
                    + device.length + " edges: " + percentiles(device));
        }
        System.out.println("FIGURE sysfs-to-driver: gpio-sim pull written -> test driver woken by the call eventfd, "
                + got + " edges: " + percentiles(Arrays.copyOf(wake, got)));
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.NONE.wireValue());
        driver.awaitInterrupt(500); // the held buffer comes back INVALID
    }

    /** Hardware edges raise the interrupt the guest asked for, and only that one. */
    private void irqTypesApply() throws Exception {
        pull(3, "pull-up");
        check(waitFor(() -> value(2) == 1, 3000), "line 2 high before the trigger-type checks");
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.EDGE_RISING.wireValue());
        driver.queueIrqBuffer(2);
        pull(3, "pull-down");
        GpioDriver.Interrupt none = driver.awaitInterrupt(400);
        check(none == null, "edge-rising: a falling hardware edge raises no interrupt");
        pull(3, "pull-up");
        GpioDriver.Interrupt rising = driver.awaitInterrupt(3000);
        check(rising != null && rising.valid() && rising.line() == 2, "edge-rising: the rising edge does");
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.NONE.wireValue());
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.LEVEL_LOW.wireValue());
        driver.queueIrqBuffer(2);
        check(driver.awaitInterrupt(400) == null, "level-low: no interrupt while the pin is high");
        pull(3, "pull-down");
        GpioDriver.Interrupt low = driver.awaitInterrupt(3000);
        check(low != null && low.valid() && low.line() == 2, "level-low: pulling the pin low raises it");
        request(MessageType.SET_IRQ_TYPE, 2, IrqType.NONE.wireValue());
        driver.awaitInterrupt(300); // nothing held; drains a stray INVALID return if any
    }

    // ---- guest output -> physical output ----------------------------------------------------------------------

    private void outputDrivesPin() throws Exception {
        try (GpioChip c = GpioChips.open(chip)) {
            check(!c.lineInfo(5).used(), "the output-bound line 5 is free before the guest drives it");
        }
        request(MessageType.SET_VALUE, 5, 1);
        request(MessageType.SET_DIRECTION, 5, Direction.OUT.wireValue());
        check(sim(5).equals("1"), "guest SET_VALUE 1 + SET_DIRECTION(OUT) on line 5 -> sim_gpio5/value is "
                + sim(5));
        request(MessageType.SET_VALUE, 5, 0);
        check(sim(5).equals("0"), "guest SET_VALUE 0 -> sim_gpio5/value is " + sim(5));
        request(MessageType.SET_VALUE, 5, 1);
        check(sim(5).equals("1"), "guest SET_VALUE 1 -> sim_gpio5/value is " + sim(5));
        try (GpioChip c = GpioChips.open(chip)) {
            LineInfo info = c.lineInfo(5);
            check(info.used() && info.output() && info.consumer().equals("vgpio:5"),
                    "while driven, line 5 is an output held by vgpio:5 (" + info + ")");
        }
        request(MessageType.SET_DIRECTION, 5, Direction.NONE.wireValue());
        try (GpioChip c = GpioChips.open(chip)) {
            check(!c.lineInfo(5).used(), "guest SET_DIRECTION(NONE) releases the physical line");
        }
    }

    private void activeLowOutput() throws Exception {
        request(MessageType.SET_VALUE, 6, 1);
        request(MessageType.SET_DIRECTION, 6, Direction.OUT.wireValue());
        check(sim(6).equals("0"), "active-low output: guest value 1 -> physical sim_gpio6/value " + sim(6));
        try (GpioChip c = GpioChips.open(chip)) {
            LineInfo info = c.lineInfo(6);
            check(info.activeLow() && info.drive().word().equals("open-drain"),
                    "line 6 requested active-low and open-drain (" + info + ")");
        }
        request(MessageType.SET_DIRECTION, 6, Direction.NONE.wireValue());
    }

    // ---- when things go wrong ---------------------------------------------------------------------------------

    private void busyLineNamesConsumer() throws Exception {
        Process holder = new ProcessBuilder("gpioset", "-m", "signal", chip, "7=1").inheritIO().start();
        try {
            check(waitFor(() -> usedBy(7, "gpioset"), 3000), "gpioset holds " + chip + " line 7");
            String answer = control("bind 7 in " + chip + ":7");
            check(answer.startsWith("err") && answer.contains("\"gpioset\""),
                    "binding a busy line fails naming its consumer: " + answer);
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        String state = control("get 7");
        check(state.equals("ok 0"), "the simulated line 7 still works: get 7 -> " + state);
    }

    private void debounce() throws Exception {
        String answer = control("bind 4 in " + chip + ":4 debounce=100ms");
        check(answer.startsWith("ok"), "bind 4 with debounce=100ms: " + answer);
        try (GpioChip c = GpioChips.open(chip)) {
            LineInfo info = c.lineInfo(4);
            check(info.debounceMicros() == 100_000, "the kernel reports the debounce period "
                    + info.debounceMicros() + " us on line 4");
        }
        int before = value(4);
        long from = nextSeq();
        // A glitch far shorter than the debounce period must not reach the guest.
        pull(4, before == 1 ? "pull-down" : "pull-up");
        pull(4, before == 1 ? "pull-up" : "pull-down");
        Thread.sleep(400);
        check(!control("events " + from + " 1000").contains("HW_EDGE 4 "), "a glitch shorter than the debounce"
                + " period gives no edge");
        pull(4, before == 1 ? "pull-down" : "pull-up");
        check(waitFor(() -> value(4) == 1 - before, 3000), "a level held past the debounce period reaches line 4");
        control("unbind 4");
    }

    private void unplugAndReplug() throws Exception {
        Files.writeString(configfs.resolve("live"), "0");
        check(waitFor(() -> control("bindings").contains("2 unplugged"), 5000),
                "removing the chip (gpio-sim live=0) is noticed: " + firstLine(control("bindings"), "2 "));
        String set = control("set 2 1");
        check(set.equals("ok") && value(2) == 1, "the simulated line 2 keeps working after the unplug");
        control("set 2 0");
        Files.writeString(configfs.resolve("live"), "1");
        String oldName = chip;
        chip = Files.readString(configfs.resolve("gpio-bank0/chip_name")).strip();
        sysfs = Path.of("/sys/devices/platform", Files.readString(configfs.resolve("dev_name")).strip(), chip);
        check(waitFor(() -> control("bindings").contains("2 active"), 5000),
                "plugging the chip back (live=1, was " + oldName + ", now " + chip + ") rebinds line 2, bound by"
                        + " the chip's label: " + firstLine(control("bindings"), "2 "));
        pull(3, "pull-up");
        check(waitFor(() -> value(2) == 1, 3000), "after the replug, pulls drive line 2 again");
    }

    private void unbindReleases() throws Exception {
        String answer = control("unbind 2");
        check(answer.equals("ok"), "unbind 2: " + answer);
        try (GpioChip c = GpioChips.open(chip)) {
            check(!c.lineInfo(3).used(), "after unbind the physical line is released");
        }
        control("set 2 0");
        pull(3, "pull-up");
        Thread.sleep(200);
        check(value(2) == 0, "after unbind, pulls no longer change line 2 (the simulated line is the user's again)");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void check(boolean ok, String what) {
        System.out.println((ok ? "CHECK ok: " : "CHECK FAIL: ") + what);
        if (!ok) {
            failures++;
        }
    }

    private int value(int line) {
        try {
            return driver.request(MessageType.GET_VALUE.wireValue(), line, 0).value();
        } catch (IOException e) {
            return -1;
        }
    }

    private void request(MessageType type, int line, long value) throws IOException {
        GpioDriver.Response r = driver.request(type.wireValue(), line, value);
        if (!r.ok()) {
            throw new IOException(type + " line " + line + " answered ERR");
        }
    }

    private void pull(int simLine, String pull) throws IOException {
        Files.writeString(sysfs.resolve("sim_gpio" + simLine).resolve("pull"), pull);
    }

    private String sim(int simLine) throws IOException {
        return Files.readString(sysfs.resolve("sim_gpio" + simLine).resolve("value")).strip();
    }

    private boolean usedBy(int offset, String consumer) {
        try (GpioChip c = GpioChips.open(chip)) {
            LineInfo i = c.lineInfo(offset);
            return i.used() && i.consumer().equals(consumer);
        } catch (Exception e) {
            return false;
        }
    }

    private long nextSeq() throws IOException {
        return Long.parseLong(control("events 0 0").split("\\s+")[4]);
    }

    private String control(String command) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(control));
            OutputStream out = Channels.newOutputStream(ch);
            out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ch.shutdownOutput();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            String l;
            while ((l = in.readLine()) != null) {
                s.append(s.length() == 0 ? "" : "\n").append(l);
            }
            return s.toString();
        } catch (IOException e) {
            return "err control socket: " + e.getMessage();
        }
    }

    private static String firstLine(String text, String prefix) {
        for (String l : text.split("\n")) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        return text;
    }

    private static boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.1f us, p99 %.1f us, min %.1f us, max %.1f us",
                s[s.length / 2] / 1e3, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e3,
                s[0] / 1e3, s[s.length - 1] / 1e3);
    }
}
