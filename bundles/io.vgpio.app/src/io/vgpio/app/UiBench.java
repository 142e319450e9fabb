package io.vgpio.app;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.ui.waveform.WaveformView;
import io.vgpio.session.DeviceSession;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench's benchmarks, run inside the real product when started with -Dvgpio.uibench=true
 * (releng/bench/ui-bench.sh): time from JVM start to a usable window; the UI thread's longest frame gap while
 * 100,000 events a second stream into the device's log with every view open; heap per event with 1,000,000 events
 * in the log; the waveform's frame over that whole log; the Traffic view catching up with a million new rows; the
 * waveform's frame with an I2C decoder lane over a million events ({@link DecoderBench}). Prints one line per
 * figure, then closes the workbench.
 */
final class UiBench {
    static final String PROPERTY = "vgpio.uibench";
    private static final int RATE = 100_000;
    private static final int STREAM_SECONDS = 10;
    private static final int EVENTS = 1_000_000;

    private UiBench() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Called on the UI thread once the window is open and its first paint is queued. */
    static void windowOpened(Display display) {
        display.asyncExec(() -> {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            print("launch to usable window: %d ms (JVM start to the first UI event after the window opened)",
                    System.currentTimeMillis() - jvmStart);
            if (Boolean.getBoolean("vgpio.uibench.startupOnly")) {
                PlatformUI.getWorkbench().close();
                return;
            }
            Thread t = new Thread(() -> run(display), "vgpio-uibench");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void run(Display display) {
        try {
            Path dir = Files.createTempDirectory("vgpio-uibench");
            DeviceSession host = DeviceService.get().start(DeviceConfig.builder().lines(8).build(),
                    dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
            frameGap(display, host.chip());
            heapPerEvent(host);
            waveformFrame(display);
            trafficCatchUp(display, host);
            DecoderBench.run(display, host);
        } catch (Exception e) {
            print("benchmark failed: %s", e);
        } finally {
            display.asyncExec(() -> PlatformUI.getWorkbench().close());
        }
    }

    /** A 5 ms heartbeat on the UI thread; the longest gap between beats while events stream in. */
    private static void frameGap(Display display, Chip chip) {
        long[] last = {0};
        long[] worst = {0};
        AtomicBoolean beating = new AtomicBoolean(true);
        Runnable[] beat = new Runnable[1];
        beat[0] = () -> {
            long now = System.nanoTime();
            if (last[0] != 0) {
                worst[0] = Math.max(worst[0], now - last[0]);
            }
            last[0] = now;
            if (beating.get()) {
                display.timerExec(5, beat[0]);
            }
        };
        display.syncExec(() -> display.timerExec(5, beat[0]));
        long start = System.nanoTime();
        long events = 0;
        long end = start + STREAM_SECONDS * 1_000_000_000L;
        int line = 0;
        while (System.nanoTime() < end) {
            // Paced: the events due by now (each toggle is one LEVEL event), in small batches.
            long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
            for (; events < due; events++) {
                chip.setInput(line, 1 - chip.inputLevel(line), Cause.USER);
                line = (line + 1) % chip.lineCount();
            }
            LockSupport.parkNanos(200_000);
        }
        beating.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] result = new long[1];
        display.syncExec(() -> result[0] = worst[0]);
        print("UI thread longest frame gap with %,.0f events/s streaming for %.0f s: %.1f ms (target <= 100 ms)",
                events / seconds, seconds, result[0] / 1e6);
    }

    /** Heap growth per event once 1,000,000 events are in the log and the views have caught up. */
    private static void heapPerEvent(DeviceSession host) throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long firstSeq = host.log().nextSeq();
        Chip chip = host.chip();
        for (int i = 0; i < EVENTS; i++) {
            chip.setInput(i % chip.lineCount(), 1 - chip.inputLevel(i % chip.lineCount()), Cause.USER);
        }
        Thread.sleep(2000); // let every view catch up and build whatever it keeps
        gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long added = host.log().nextSeq() - firstSeq;
        double views = (after - before) / (double) added;
        print("heap per event with %,d events in the log and all views open: %.0f bytes (target <= 200):"
                + " 32 in the log's ring (allocated up front, %d MB) + %.0f that the views and indexes added",
                added, 32 + views, host.log().capacity() * 32L >> 20, views);
    }

    /**
     * The waveform's frame with the log full (after {@link #heapPerEvent}): the view fitted to the whole log, then
     * ten frames (timeline query and JFreeChart paint, synchronously) on the UI thread.
     */
    private static void waveformFrame(Display display) {
        double[] ms = new double[10];
        long[] columns = {0};
        display.syncExec(() -> {
            var page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            WaveformView view;
            try {
                view = (WaveformView) page.showView(WaveformView.ID);
            } catch (org.eclipse.ui.PartInitException e) {
                print("waveform frame: the view did not open: %s", e.getMessage());
                return;
            }
            view.fit();
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                view.paintNow();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            columns[0] = view.model().lastFrame().columns();
        });
        java.util.Arrays.sort(ms);
        print("waveform frame over the whole log (%d columns, query + JFreeChart paint): median %.1f ms, worst %.1f ms"
                + " (target: median <= 50 ms)", columns[0], ms[ms.length / 2], ms[ms.length - 1]);
    }

    /**
     * The Traffic view with a million requests and responses appended at once: how long until its table shows the
     * last row, and the UI thread's longest gap meanwhile (a 5 ms heartbeat, as in {@link #frameGap}).
     */
    private static void trafficCatchUp(Display display, DeviceSession host) throws InterruptedException {
        TrafficView[] view = new TrafficView[1];
        display.syncExec(() -> {
            try {
                view[0] = (TrafficView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(TrafficView.ID);
            } catch (org.eclipse.ui.PartInitException e) {
                print("traffic view: it did not open: %s", e.getMessage());
            }
        });
        if (view[0] == null) {
            return;
        }
        int pairs = 500_000;
        int get = io.vgpio.core.MessageType.GET_VALUE.wireValue();
        for (int i = 0; i < pairs; i++) {
            host.log().append(i % 8, new io.vgpio.core.payload.Request(get, 0, i % 64));
            host.log().append(i % 8, new io.vgpio.core.payload.Response(get, 0, 0, 4_000));
        }
        long lastSeq = host.log().nextSeq() - 1;
        long start = System.nanoTime();
        long[] worst = {0};
        long[] shownAt = {0};
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Runnable[] beat = new Runnable[1];
        long[] last = {System.nanoTime()};
        beat[0] = () -> {
            long now = System.nanoTime();
            worst[0] = Math.max(worst[0], now - last[0]);
            last[0] = now;
            TrafficView v = view[0];
            if (v.rowCount() > 0 && v.seqAt(v.rowCount() - 1) == lastSeq) {
                shownAt[0] = now;
                shown.countDown();
            } else {
                display.timerExec(5, beat[0]);
            }
        };
        display.asyncExec(beat[0]);
        if (!shown.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            print("traffic view: the last of %,d new rows was not shown within 60 s", 2 * pairs);
            return;
        }
        print("traffic view: %,d requests and responses appended at once: last row shown after %.0f ms, longest UI"
                + " thread gap meanwhile %.1f ms (target <= 100 ms)", 2 * pairs, (shownAt[0] - start) / 1e6,
                worst[0] / 1e6);
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    private static void print(String format, Object... args) {
        System.out.println("vgpio uibench: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
