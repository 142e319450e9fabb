package io.vgpio.ui.tests.waveform;

import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.waitFor;
import static io.vgpio.ui.tests.UiTest.spinUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Request;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.core.timeline.LevelColumns;
import io.vgpio.core.waveform.LaneData;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.waveform.WaveformView;
import io.vgpio.session.DeviceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waveform view in a real workbench with a real device (UI thread, Xvfb). */
class WaveformViewTest {

    @TempDir
    Path dir;
    DeviceSession host;
    IWorkbenchPage page;
    WaveformView view;

    @BeforeEach
    void open() throws Exception {
        host = DeviceService.get().start(DeviceConfig.builder().lines(8).namesList("LED,BUTTON,,RESET").build(),
                dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1600, 1000);
        page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        view = (WaveformView) page.showView(WaveformView.ID);
        view.model().setSpan(WaveformModel.DEFAULT_SPAN); // the memento may hold another test's zoom
        view.model().setHidden(java.util.Set.of());
        drain();
    }

    @AfterEach
    void close() {
        if (page != null && view != null) {
            page.hideView(view);
        }
        DeviceService.get().stop();
    }

    @Test
    @DisplayName("One lane per line plus the six virtqueue lanes; a line's lane shows the changes driven on it")
    void lanes_reflect_input_changes() throws Exception {
        try (StimulusScheduler stim = new StimulusScheduler(host.chip())) {
            stim.pulseTrain(2, 3, 30_000, 60_000).get(); // three 30 ms pulses: whole columns high
        }
        view.fit(); // the whole log: a loaded machine may take longer than the live window over these pulses
        view.refreshNow();
        WaveformModel.Frame f = view.model().lastFrame();
        assertEquals(8 + 6, f.lanes().size(), "lanes: " + f.lanes());
        for (int line = 0; line < 8; line++) {
            assertNotNull(f.lane("line:" + line), "a lane for line " + line);
        }
        for (String q : List.of("requests", "responses", "buffers", "interrupts", "invalid", "violations")) {
            assertNotNull(f.lane("queue:" + q), "a lane for " + q);
        }
        LaneData two = f.lane("line:2");
        assertEquals(6, two.total(), "three pulses: six transitions on line 2");
        assertEquals(0, f.lane("line:3").total(), "nothing on line 3");
        LevelColumns c = two.levels();
        int high = 0;
        for (int i = 0; i < c.columns(); i++) {
            high += c.state(i) == LevelColumns.HIGH ? 1 : 0;
        }
        assertTrue(high > 0, "line 2 was high for whole columns (30 ms pulses in a window of the whole run)");
        assertEquals(c.columns(), f.columns());
        assertTrue(f.columns() > 500, "one column per pixel of a wide plot: " + f.columns());
    }

    @Test
    @DisplayName("Wheel zoom, drag pan, click cursors, fit and follow change the window as the user expects")
    void mouse_and_actions() {
        view.refreshNow();
        drain();
        WaveformModel m = view.model();
        assertTrue(m.isFollowing());
        Control canvas = findCanvas();
        Rectangle area = view.chartDataArea();
        long span = m.span();
        mouse(canvas, SWT.MouseVerticalWheel, area.x + area.width / 2, area.y + 10, 0, 1);
        assertTrue(m.span() < span, "wheel up zooms in: " + m.span());
        assertTrue(m.isFollowing(), "zooming keeps following");
        view.refreshNow();
        // drag 100 px to the right: earlier times, and the window stops following
        long before = m.windowStart(System.nanoTime());
        mouse(canvas, SWT.MouseDown, area.x + 200, area.y + 10, 1, 0);
        mouse(canvas, SWT.MouseMove, area.x + 250, area.y + 10, 0, 0, SWT.BUTTON1);
        mouse(canvas, SWT.MouseMove, area.x + 300, area.y + 10, 0, 0, SWT.BUTTON1);
        mouse(canvas, SWT.MouseUp, area.x + 300, area.y + 10, 1, 0);
        assertFalse(m.isFollowing(), "dragging pauses");
        assertTrue(m.windowStart(0) < before, "dragging right shows earlier times: " + before + " -> "
                + m.windowStart(0) + " area " + area + " span " + m.span());
        view.refreshNow();
        // click: cursor A; shift-click: cursor B
        mouse(canvas, SWT.MouseDown, area.x + 100, area.y + 10, 1, 0);
        mouse(canvas, SWT.MouseUp, area.x + 100, area.y + 10, 1, 0);
        mouse(canvas, SWT.MouseDown, area.x + 400, area.y + 10, 1, 0);
        Event up = mouse(canvas, SWT.MouseUp, area.x + 400, area.y + 10, 1, 0, SWT.SHIFT);
        assertNotNull(up);
        assertNotEquals(WaveformModel.NONE, m.cursorA());
        assertNotEquals(WaveformModel.NONE, m.cursorB());
        long expected = Math.round(300.0 * m.span() / area.width);
        assertTrue(Math.abs(m.cursorB() - m.cursorA() - expected) <= m.span() / area.width + 1,
                "B - A spans 300 px: " + (m.cursorB() - m.cursorA()) + " vs " + expected);
        view.refreshNow();
        assertTrue(view.statusText().contains("\u0394t"), view.statusText());
        view.fit();
        view.refreshNow();
        assertFalse(m.isFollowing());
        view.setFollowing(true);
        assertTrue(m.isFollowing());
    }

    @Test
    @DisplayName("An event selected in the Traffic view is marked, and scrolled to when paused")
    void selection_highlights_event() {
        long seq = host.log().append(1, new Request(MessageType.GET_VALUE.wireValue(), 0, 0));
        io.vgpio.core.Event e = host.log().get(seq);
        view.setFollowing(false);
        view.model().pan(-60_000_000_000L, System.nanoTime()); // far away from the event
        view.onSelection(null, new StructuredSelection(e));
        assertEquals(e.timeNanos(), view.model().highlight());
        long start = view.model().windowStart(System.nanoTime());
        assertTrue(start <= e.timeNanos() && e.timeNanos() <= start + view.model().span(), "scrolled to it");
    }

    @Test
    @DisplayName("Live traffic (Java driver + stimulus pulse trains): screenshot, PNG and SVG export")
    void live_traffic_screenshot_and_export() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread guest = new Thread(() -> drive(host.config().lines(), stop, failure), "waveform-test-guest");
        guest.setDaemon(true);
        try (StimulusScheduler stim = new StimulusScheduler(host.chip())) {
            guest.start();
            waitFor("the test guest armed line 1", () -> host.chip().irqType(1) != IrqType.NONE
                    || failure.get() != null);
            assertEquals(null, failure.get(), "the test guest set up its lines");
            // The scheduler runs these one after another: about 1.2 s in all.
            List<java.util.concurrent.Future<?>> stimuli = List.of(stim.pulseTrain(0, 30, 4_000, 10_000),
                    stim.pulseTrain(1, 10, 20_000, 40_000), stim.bounce(2, 41, 30_000),
                    stim.pulseTrain(3, 200, 500, 2_000));
            waitFor("every stimulus ran", () -> stimuli.stream().allMatch(java.util.concurrent.Future::isDone));
            for (var s : stimuli) {
                s.get(); // rethrows a stimulus's failure
            }
            org.eclipse.swt.graphics.Point restored = view.chartComposite().getSize();
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
            waitFor("maximized, the chart is bigger", () -> {
                org.eclipse.swt.graphics.Point now = view.chartComposite().getSize();
                return now.x * now.y > restored.x * restored.y;
            });
            view.refreshNow();
            // Checked and pictured while the guest is still attached (a detach resets the guest's directions):
            // the whole run, paused, with the cursors on two pulses of line 1 (40 ms apart).
            view.fit();
            view.refreshNow();
            drain();
            long[] rises = risingEdges(1);
            assertTrue(rises.length >= 3, "pulses on line 1: " + rises.length);
            view.model().setCursorA(rises[1]);
            view.model().setCursorB(rises[2]);
            view.refreshNow();
            drain();
            // The readout is the distance between the two edges the cursors sit on, as the log recorded them (the
            // scheduler's thread may be late on a loaded machine, so that distance is not exactly 40 ms).
            String readout = "\u0394t " + io.vgpio.core.waveform.TimeText.duration(rises[2] - rises[1]);
            assertTrue(view.statusText().contains(readout), "expected '" + readout + "' in " + view.statusText());
            checkLiveFrameAndExports();
        } finally {
            stop.set(true);
            guest.join(5000);
        }
        if (failure.get() != null) {
            throw new AssertionError("the test guest failed", failure.get());
        }
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }

    @Test
    @DisplayName("With 1,048,576 events in the log the whole-log frame counts every transition (timings printed)")
    void million_events_frame() {
        EventLog log = host.log();
        // Log times count from the log's start, and a fitted window ends now: spread the events in between.
        long t = log.startNanos();
        long step = Math.max(1, (System.nanoTime() - t) / EventLog.DEFAULT_CAPACITY);
        int[] level = new int[8];
        EventKind[] kinds = {EventKind.REQUEST, EventKind.RESPONSE, EventKind.EVENT_BUFFER, EventKind.INTERRUPT};
        for (int i = 0; i < EventLog.DEFAULT_CAPACITY; i++) {
            t += step;
            int line = i & 7;
            if ((i & 8) == 0) {
                level[line] ^= 1;
                log.append(t, EventKind.LEVEL, line, level[line], Cause.USER.wire());
            } else {
                log.append(t, kinds[i & 3], line, 0, 5_000);
            }
        }
        long a = System.nanoTime();
        int ticks = 0;
        while (view.model().backlog() > 0) { // what the UI timer does, a quarter of a million events a tick
            view.model().update();
            ticks++;
        }
        double indexMs = (System.nanoTime() - a) / 1e6;
        view.fit();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            view.refreshNow();
            view.chartComposite().forceRedraw();
            view.chartComposite().update(); // paint now, synchronously
            times.add((System.nanoTime() - s) / 1e6);
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        // A 1 ms window at the end (what follow mode shows when zoomed in)
        view.model().setSpan(1_000_000);
        view.model().centreOn(t, System.nanoTime());
        long s = System.nanoTime();
        view.refreshNow();
        view.chartComposite().forceRedraw();
        view.chartComposite().update();
        double zoomedMs = (System.nanoTime() - s) / 1e6;
        System.out.println(String.format(Locale.ROOT,
                "[waveform frame] 1,048,576 events, %d columns: index %.1f ms in %d ticks; whole-log frame (query + JFreeChart "
                        + "paint) median %.1f ms, worst %.1f ms; 1 ms window %.1f ms",
                view.model().lastFrame().columns(), indexMs, ticks, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), zoomedMs));
        // How fast is a figure for releng/bench/ui-bench.sh; what the frame shows is checked here.
        view.fit();
        view.refreshNow();
        long[] onLine0 = {0};
        log.read(0, Integer.MAX_VALUE, (seq, time, kind, l, x, y) -> onLine0[0] += kind == EventKind.LEVEL
                && l == 0 ? 1 : 0);
        assertTrue(onLine0[0] > 60_000, "the log holds line 0's transitions: " + onLine0[0]);
        assertEquals(onLine0[0], view.model().lastFrame().lane("line:0").total(),
                "the fitted frame counts every transition of line 0 in the log");
    }

    private long[] risingEdges(int line) {
        List<Long> t = new ArrayList<>();
        host.log().read(0, Integer.MAX_VALUE, (seq, time, kind, l, a, b) -> {
            if (kind == EventKind.LEVEL && l == line && a == 1) {
                t.add(time);
            }
        });
        return t.stream().mapToLong(Long::longValue).toArray();
    }

    private void checkLiveFrameAndExports() throws Exception {
        WaveformModel.Frame f = view.model().lastFrame();
        String diag = "frame [" + f.t0() + ", " + f.t1() + ") log " + host.log().size() + " events, indexed requests "
                + view.model().timeline().count(EventKind.REQUEST);
        assertTrue(f.lane("queue:requests").total() > 10, "requests: " + f.lane("queue:requests").total() + diag);
        assertTrue(f.lane("queue:responses").total() > 10, "responses: " + f.lane("queue:responses").total());
        assertTrue(f.lane("queue:interrupts").total() > 5, "interrupts: " + f.lane("queue:interrupts").total());
        assertTrue(f.lane("queue:buffers").total() > 5, "eventq buffers: " + f.lane("queue:buffers").total());
        assertTrue(f.lane("queue:violations").total() >= 1, "the deliberate violations");
        assertTrue(f.lane("queue:invalid").total() >= 1, "the deliberate INVALID buffers");
        assertEquals(Direction.OUT, f.lane("line:5").direction());
        assertEquals(Direction.IN, f.lane("line:0").direction());
        assertTrue(f.lane("line:0").total() > 20, "the pulse train on line 0");
        // The tooltip of an interrupt marker decodes it, with its latency.
        LaneData irqs = f.lane("queue:interrupts");
        String tip = view.tooltipAt(irqs.start(0) + 0.5, f.lanes().indexOf(irqs));
        assertNotNull(tip, "a tooltip on the first interrupt marker");
        assertTrue(tip.contains("interrupt") && tip.contains("delivered after"), tip);
        // The view maximised in the window, with its title and toolbar.
        screenshot(view.getSite().getShell(), "waveform.png"); // for people to look at
        Path png = io.vgpio.ui.tests.UiTest.SHOTS.resolve("waveform-export.png");
        Path svg = io.vgpio.ui.tests.UiTest.SHOTS.resolve("waveform-export.svg");
        view.exportTo(png);
        view.exportTo(svg);
        ImageData exported = new ImageData(png.toString());
        assertTrue(exported.width >= 400 && exported.height >= 200, "PNG export is a picture of the chart: "
                + exported.width + "x" + exported.height);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.trim().endsWith("</svg>"), "an SVG document");
        assertEquals(f.lanes().size(), text.split("<g class=\"lane\"", -1).length - 1, "one group per lane");
        assertTrue(text.contains("id=\"queue:interrupts\""));
    }

    // ---- the test guest --------------------------------------------------------------------------------------

    /** What a guest driver does: inputs with interrupts, an output it toggles, reads, and two mistakes. */
    private void drive(int lines, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        try (GpioDriver d = GpioDriver.attach(dir.resolve("gpio.sock"))) {
            int setDir = MessageType.SET_DIRECTION.wireValue();
            int setIrq = MessageType.SET_IRQ_TYPE.wireValue();
            for (int line = 0; line < 4; line++) {
                d.request(setDir, line, Direction.IN.wireValue());
            }
            d.request(setIrq, 0, IrqType.EDGE_BOTH.wireValue());
            d.request(setIrq, 1, IrqType.EDGE_RISING.wireValue());
            d.request(setIrq, 3, IrqType.EDGE_FALLING.wireValue());
            d.queueIrqBuffer(0);
            d.queueIrqBuffer(1);
            d.queueIrqBuffer(3);
            d.request(MessageType.SET_VALUE.wireValue(), 5, 0);
            d.request(setDir, 5, Direction.OUT.wireValue());
            d.request(setDir, 6, Direction.OUT.wireValue()); // violation: SET_DIRECTION(OUT) before SET_VALUE
            d.queueIrqBuffer(7); // returned INVALID: no trigger type on line 7
            int value = 0;
            int round = 0;
            long next = System.nanoTime();
            while (!stop.get()) {
                GpioDriver.Interrupt irq = d.awaitInterrupt(5);
                if (irq != null && irq.line() >= 0 && irq.valid()) {
                    d.queueIrqBuffer(irq.line());
                }
                if (System.nanoTime() >= next) {
                    next += 40_000_000;
                    value ^= 1;
                    d.request(MessageType.SET_VALUE.wireValue(), 5, value);
                    d.request(MessageType.GET_VALUE.wireValue(), 2, 0);
                    if (++round % 12 == 0) { // the same two mistakes now and then, so a live window shows them
                        d.request(setIrq, 5, IrqType.EDGE_RISING.wireValue()); // violation: IRQ on an output
                        d.queueIrqBuffer(7);
                    }
                }
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Control findCanvas() {
        return ((Composite) view.chartComposite()).getChildren()[0];
    }

    private static Event mouse(Control c, int type, int x, int y, int button, int count) {
        return mouse(c, type, x, y, button, count, 0);
    }

    private static Event mouse(Control c, int type, int x, int y, int button, int count, int state) {
        Event e = new Event();
        e.type = type;
        e.x = x;
        e.y = y;
        e.button = button;
        e.count = count;
        e.stateMask = state;
        e.widget = c;
        c.notifyListeners(type, e);
        return e;
    }
}
