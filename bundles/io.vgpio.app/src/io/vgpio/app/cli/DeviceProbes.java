package io.vgpio.app.cli;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code vgpio bench} measures on a device, through the Java driver and the control socket: request round
 * trips, throughput with many requests in flight, and interrupt latency end to end and inside the device.
 */
final class DeviceProbes {
    private DeviceProbes() {
    }

    static long[] percentiles(long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        return new long[] {s[s.length / 2], s[(int) Math.min(s.length - 1, (long) s.length * 99 / 100)]};
    }

    /** Round trips of GET_VALUE with one request in flight, in ns. */
    static long[] roundTripSamples(GpioDriver d, int rounds) throws IOException {
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            d.fixedRequest(MessageType.GET_VALUE.wireValue(), 0, 0);
            t[i] = System.nanoTime() - t0;
        }
        return t;
    }

    static double throughput(GpioDriver d, int inFlight, long nanos) throws IOException {
        long done = 0;
        for (int i = 0; i < inFlight; i++) {
            d.submit(MessageType.GET_VALUE.wireValue(), i % d.ngpio(), 0);
        }
        d.kick(0);
        long start = System.nanoTime();
        long warmEnd = start + nanos / 4;
        long measuredStart = 0;
        long measuredDone = 0;
        while (true) {
            int got = 0;
            while (d.pollAnyResponse() != null) {
                got++;
            }
            if (got == 0) {
                d.blockOnCall(0);
                continue;
            }
            done += got;
            long now = System.nanoTime();
            if (measuredStart == 0 && now >= warmEnd) {
                measuredStart = now;
                measuredDone = done;
            }
            if (measuredStart != 0 && now - measuredStart >= nanos) {
                return (done - measuredDone) * 1e9 / (now - measuredStart);
            }
            for (int i = 0; i < got; i++) {
                d.submit(MessageType.GET_VALUE.wireValue(), i % d.ngpio(), 0);
            }
            d.kick(0);
        }
    }

    static long[] interruptLatency(GpioDriver d, Path control, int rounds) throws IOException {
        int line = 0;
        d.request(MessageType.SET_DIRECTION.wireValue(), line, Direction.IN.wireValue());
        d.request(MessageType.SET_IRQ_TYPE.wireValue(), line, IrqType.EDGE_BOTH.wireValue());
        int warm = Math.max(200, rounds / 10);
        long[] t = new long[rounds];
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(control));
            OutputStream os = Channels.newOutputStream(ch);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.US_ASCII));
            byte[][] cmds = {"set 0 1\n".getBytes(StandardCharsets.US_ASCII),
                    "set 0 0\n".getBytes(StandardCharsets.US_ASCII)};
            for (int i = 0; i < warm + rounds; i++) {
                d.queueIrqBuffer(line);
                long t0 = System.nanoTime();
                os.write(cmds[i & 1]);
                os.flush();
                GpioDriver.Interrupt irq;
                while ((irq = d.pollInterrupt()) == null) {
                    d.blockOnCall(1);
                }
                long dt = System.nanoTime() - t0;
                String answer = in.readLine();
                if (!irq.valid() || !"ok".equals(answer)) {
                    throw new IOException("interrupt benchmark: got " + irq + " and '" + answer + "'");
                }
                if (i >= warm) {
                    t[i - warm] = dt;
                }
            }
        }
        return percentiles(t);
    }

    /** The device's own share of the interrupt latency: INTERRUPT events' trigger-to-delivery time, from the log. */
    static long[] inDeviceInterruptLatency(Path control) throws IOException {
        List<Long> lat = new ArrayList<>();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(control));
            OutputStream os = Channels.newOutputStream(ch);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.US_ASCII));
            long next = 0;
            while (true) {
                os.write(("events " + next + " 10000\n").getBytes(StandardCharsets.US_ASCII));
                os.flush();
                String[] head = in.readLine().split(" ");
                int count = Integer.parseInt(head[1]);
                for (int i = 0; i < count; i++) {
                    String[] f = in.readLine().split(" ", 7);
                    if (f[2].equals("INTERRUPT")) {
                        lat.add(Long.parseLong(f[5]));
                    }
                }
                next = Long.parseLong(head[2]);
                if (count < 10000) {
                    break;
                }
            }
        }
        if (lat.isEmpty()) {
            throw new IOException("no INTERRUPT events in the backend's log");
        }
        return percentiles(lat.stream().mapToLong(Long::longValue).toArray());
    }
}
