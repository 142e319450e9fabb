package io.vgpio.vhost.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real backend on a real socket in a temporary directory, and a Java driver attached to it. Close it to stop
 * both and remove the directory.
 */
final class DeviceFixture implements AutoCloseable {
    final Path dir;
    final Path socket;
    final ServedDevice host;
    GpioDriver driver;

    DeviceFixture(DeviceConfig config) throws IOException {
        this(config, GpioDriver.Options.defaults());
    }

    DeviceFixture(DeviceConfig config, GpioDriver.Options options) throws IOException {
        dir = Files.createTempDirectory("vgpio-test");
        socket = dir.resolve("gpio.sock");
        host = new ServedDevice(config, socket, dir.resolve("gpio.ctl"), 1 << 16);
        host.start();
        driver = GpioDriver.attach(socket, options);
    }

    static DeviceFixture lines(int n) throws IOException {
        try {
            return new DeviceFixture(DeviceConfig.builder().lines(n).build());
        } catch (io.vgpio.core.ConfigException e) {
            throw new IllegalArgumentException(e);
        }
    }

    GpioDriver.Response req(MessageType type, int line, long value) throws IOException {
        return driver.request(type.wireValue(), line, value);
    }

    /** Sends a request that must succeed with a 2-byte response; returns its value. */
    int ok(MessageType type, int line, long value) throws IOException {
        GpioDriver.Response r = req(type, line, value);
        assertEquals(0, r.status(), type + " line " + line + " value " + value + " must answer OK");
        assertEquals(2, r.usedLen(), "used length of a " + type + " response");
        return r.value();
    }

    EventLog log() {
        return host.log();
    }

    /** Events of a kind appended since seq. */
    List<Event> events(long fromSeq, EventKind kind) {
        List<Event> out = new ArrayList<>();
        for (long s = fromSeq; s < log().nextSeq(); s++) {
            Event e = log().get(s);
            if (e != null && e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    List<Event> events(long fromSeq, Predicate<Event> p) {
        List<Event> out = new ArrayList<>();
        for (long s = fromSeq; s < log().nextSeq(); s++) {
            Event e = log().get(s);
            if (e != null && p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Detaches the driver and waits until the backend noticed. */
    void detach() throws InterruptedException {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        assertTrue(host.backend().awaitDisconnected(5000), "backend noticed the disconnect");
    }

    @Override
    public void close() throws IOException {
        if (driver != null) {
            driver.close();
        }
        host.close();
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
