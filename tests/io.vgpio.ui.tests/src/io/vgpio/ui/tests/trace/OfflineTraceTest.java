package io.vgpio.ui.tests.trace;

import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.core.traffic.TrafficFilter;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.trace.TraceWriter;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.handlers.OfflineTraceHandlers;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.schematic.TimeScrubber;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.source.LiveSource;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import io.vgpio.ui.stimulus.StimulusView;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.ui.waveform.WaveformView;
import io.vgpio.session.DeviceSession;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace > Open Trace in the real workbench: a trace recorded from a real chip shows in the schematic (scrubbable),
 * the waveform and the traffic view; it is read-only; the live device keeps serving; Close Trace brings the views
 * back; a damaged file is an error dialog naming the byte offset.
 */
class OfflineTraceTest {
    private static final String OPEN = "io.vgpio.ui.openTrace";
    private static final String CLOSE = "io.vgpio.ui.closeTrace";

    @TempDir
    Path dir;
    private DeviceSession host;
    private IWorkbenchPage page;
    private Shell shell;

    /** A recording of a real chip, written with the trace writer, and the chip's states at two moments. */
    record Recording(Path file, long events, long timeA, List<LineState> atA, long timeB, List<LineState> atB) {
    }

    @BeforeEach
    void setUp() throws Exception {
        host = UiTest.startDevice(dir);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        shell = window.getShell();
        shell.setBounds(0, 0, 1600, 1000);
        page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        page.showView(TrafficView.ID);
        page.showView(WaveformView.ID);
        page.showView(StimulusView.ID);
        page.showView(SchematicView.ID);
        drain();
    }

    @AfterEach
    void tearDown() {
        SourceService.get().closeTrace();
        DeviceService.get().stop();
        drain();
    }

    static Recording record(Path file) throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList("LED,BUTTON,,RESET").build();
        EventLog log = new EventLog(4096);
        Chip chip = new Chip(config, log);
        // Moment A: the LED (line 0) is an output driven high, BUTTON (line 1) an input armed for both edges.
        chip.guestSetDirection(0, Direction.OUT);
        chip.guestSetValue(0, 1);
        chip.guestSetDirection(1, Direction.IN);
        chip.guestSetIrqType(1, IrqType.EDGE_BOTH);
        chip.queueEventBuffer(1, 3);
        chip.guestSetDirection(2, Direction.IN);
        Thread.sleep(30);
        long timeA = System.nanoTime() - log.startNanos();
        List<LineState> atA = chip.states();
        Thread.sleep(30);
        // Moment B: the LED went off, the button was pressed (an interrupt: no longer armed), line 2 went high.
        chip.guestSetValue(0, 0);
        chip.setInput(1, 1, Cause.USER);
        chip.setInput(2, 1, Cause.USER);
        for (int i = 0; i < 10; i++) { // some traffic for the waveform and the table
            chip.setInput(3, i & 1, Cause.USER);
        }
        chip.queueEventBuffer(1, 4);
        Thread.sleep(30);
        long timeB = System.nanoTime() - log.startNanos();
        List<LineState> atB = chip.states();
        try (TraceWriter w = new TraceWriter(file, config, log.startWallMillis() * 1000, log.startNanos())) {
            IOException[] err = new IOException[1];
            log.read(0, Integer.MAX_VALUE, (seq, t, kind, line, a, b) -> {
                try {
                    w.add(seq, t - log.startNanos(), kind, line, a, b);
                } catch (IOException e) {
                    err[0] = e;
                }
            });
            if (err[0] != null) {
                throw err[0];
            }
        }
        return new Recording(file, log.nextSeq(), timeA, atA, timeB, atB);
    }

    private static void execute(String command, Map<String, String> parameters) throws Exception {
        var commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        var handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(command), parameters), null);
    }

    /** What the log tells exactly of a line (the other side of a pin is not logged; see ChipHistory). */
    private static String exact(LineState s) {
        return s.line() + " " + s.direction() + " level=" + s.level() + " " + s.irqType()
                + (s.armed() ? " armed" : "") + (s.latched() ? " latched" : "");
    }

    private static String shown(SchematicView v, int line) {
        LineEditPart p = v.linePart(line);
        return p == null || p.lineFigure().state() == null ? "none" : exact(p.lineFigure().state());
    }

    private static String control(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer in = ByteBuffer.allocate(1024);
            StringBuilder b = new StringBuilder();
            while (b.indexOf("\n") < 0 && ch.read(in) > 0) {
                b.append(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
                in.clear();
            }
            return b.toString().trim();
        }
    }

    @Test
    @DisplayName("Open Trace shows a recording in schematic (scrubbed to two recorded moments), waveform and traffic;"
            + " read-only; Close Trace goes back to the live device, which kept serving")
    void open_scrub_and_close_a_trace() throws Exception {
        Recording rec = record(dir.resolve("session.trc"));
        SchematicView schematic = (SchematicView) page.findView(SchematicView.ID);
        WaveformView waveform = (WaveformView) page.findView(WaveformView.ID);
        TrafficView traffic = (TrafficView) page.findView(TrafficView.ID);
        StimulusView stimulus = (StimulusView) page.findView(StimulusView.ID);
        assertTrue(spinUntil(() -> schematic.source() instanceof LiveSource, 5000));
        assertFalse(schematic.scrubber().isVisible(), "no time bar for the live device");

        execute(OPEN, Map.of(OfflineTraceHandlers.FILE_PARAMETER, rec.file().toString()));
        assertTrue(spinUntil(() -> SourceService.get().trace() != null && schematic.source() instanceof TraceSource
                && traffic.rowCount() > 0 && waveform.model().source() instanceof TraceSource, 10_000),
                "the trace opens");
        TraceSource trace = SourceService.get().trace();
        assertEquals(rec.events(), trace.trace().events());

        // Schematic: the state at two recorded moments, through the time bar's slider.
        assertTrue(schematic.scrubber().isVisible());
        assertTrue(schematic.getContentDescription().contains("session.trc"), schematic.getContentDescription());
        scrubWithSlider(schematic.scrubber(), trace, rec.timeA());
        for (int line = 0; line < 4; line++) {
            String want = exact(rec.atA().get(line));
            int l = line;
            assertTrue(spinUntil(() -> want.equals(shown(schematic, l)), 3000),
                    "line " + line + " at A: " + want + ", shown " + shown(schematic, line));
        }
        assertEquals(1, schematic.linePart(0).lineFigure().state().level(), "the LED is lit at A");
        assertTrue(schematic.linePart(1).lineFigure().state().armed(), "BUTTON is armed at A");
        trace.setScrubTime(rec.timeB());
        for (int line = 0; line < 4; line++) {
            String want = exact(rec.atB().get(line));
            int l = line;
            assertTrue(spinUntil(() -> want.equals(shown(schematic, l)), 3000),
                    "line " + line + " at B: " + want + ", shown " + shown(schematic, line));
        }
        assertEquals(0, schematic.linePart(0).lineFigure().state().level(), "the LED is off at B");
        // B lies after the last event: the scrub time stops at the trace's end, and the time bar says so.
        assertEquals(Math.min(rec.timeB(), trace.durationNanos()), trace.scrubTime());
        assertTrue(schematic.scrubber().timeText().startsWith(String.format(java.util.Locale.ROOT,
                "t = %.6f s of %.6f s", trace.scrubTime() / 1e9, trace.durationNanos() / 1e9)),
                schematic.scrubber().timeText());
        assertTrue(schematic.scrubber().timeText().contains(rec.events() + " of " + rec.events() + " events"),
                schematic.scrubber().timeText());

        // The step buttons go from event to event.
        trace.setScrubTime(0);
        long first = trace.log().get(trace.log().seqAtOrAfter(1)).timeNanos();
        press(schematic.scrubber(), "scrubber.next");
        assertEquals(first, trace.scrubTime(), "next event");
        press(schematic.scrubber(), "scrubber.end");
        assertEquals(trace.durationNanos(), trace.scrubTime());
        press(schematic.scrubber(), "scrubber.previous");
        assertTrue(trace.scrubTime() < trace.durationNanos(), "previous event");

        // Traffic: every event the filter lets through, from the top, not following.
        TrafficFilter filter = TrafficFilter.defaults();
        long want = 0;
        for (long s = 0; s < trace.log().nextSeq(); s++) {
            var e = trace.log().get(s);
            if (filter.matches(e.kind(), e.line(), e.a())) {
                want++;
            }
        }
        long expectedRows = want;
        assertTrue(spinUntil(() -> traffic.rowCount() == expectedRows, 3000), traffic.rowCount() + " rows");
        assertEquals(3, expectedRows, "two eventq buffers and an interrupt");
        // With every kind of event shown, the table has a row per event of the trace.
        org.eclipse.swt.widgets.Combo type = find(traffic.table().getShell(), TrafficView.ID_TYPE);
        type.select(type.indexOf("All events"));
        type.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(spinUntil(() -> traffic.rowCount() == rec.events(), 3000), traffic.rowCount() + " rows");
        assertTrue(traffic.getContentDescription().contains("session.trc"));

        // Selecting a traffic row moves the scrub time to its event.
        int row = (int) rec.events() / 2;
        long rowTime = trace.log().get(traffic.seqAt(row)).timeNanos();
        assertTrue(rowTime != trace.scrubTime(), "the row is elsewhere in time");
        page.activate(traffic); // the workbench passes on the active part's selection
        var item = traffic.showRow(row);
        traffic.table().setSelection(item);
        traffic.table().notifyListeners(SWT.Selection, selectionEvent(item));
        assertTrue(spinUntil(() -> trace.scrubTime() == rowTime, 3000), "scrub " + trace.scrubTime() + " row "
                + rowTime);

        // Waveform: the trace's lanes, paused, the whole recording in the window, the scrub cursor drawn.
        drain();
        screenshot(shell, "offline-trace-traffic.png"); // for people to look at
        page.bringToTop(waveform); // it shares a folder with the traffic view
        WaveformModel m = waveform.model();
        assertFalse(m.isFollowing());
        assertTrue(m.lanes().stream().filter(l -> l.isLine()).count() == 4, "a lane per line of the trace");
        assertEquals(1, m.timeline().levelAt(0, rec.timeA()));
        assertEquals(0, m.timeline().levelAt(0, rec.timeB()));
        assertTrue(spinUntil(() -> m.lastFrame() != null && m.lastFrame().scrub() == rowTime, 3000));
        assertTrue(m.lastFrame().t0() <= 0 && m.lastFrame().t1() >= trace.durationNanos(), "whole trace in view");
        assertTrue(waveform.statusText().startsWith("TRACE"), waveform.statusText());

        // Read-only: no stimulus, with a reason; a click on a switch changes nothing.
        assertTrue(spinUntil(() -> stimulus.readOnlyReason() != null, 3000));
        assertTrue(stimulus.readOnlyReason().contains("read-only"));
        int before = host.chip().inputLevel(1);
        long liveEvents = host.log().nextSeq();
        schematic.linePart(1).toggleInput(); // a trace has no stimulus scheduler: it returns having done nothing
        assertEquals(before, host.chip().inputLevel(1), "the live chip was not touched");
        assertEquals(liveEvents, host.log().nextSeq());

        // The live device keeps serving underneath.
        assertTrue(control(dir.resolve("gpio.ctl"), "info").startsWith("ok lines=8"));
        assertEquals("ok", control(dir.resolve("gpio.ctl"), "set BUTTON 1"));
        assertEquals(1, host.chip().inputLevel(1));

        drain();
        screenshot(shell, "offline-trace.png"); // for people to look at

        execute(CLOSE, Map.of());
        assertTrue(spinUntil(() -> schematic.source() instanceof LiveSource l && l.session() == host
                && waveform.model().source() instanceof LiveSource w && w.session() == host
                && stimulus.readOnlyReason() == null
                && traffic.getContentDescription().isEmpty(), 5000), "back to live");
        assertNull(SourceService.get().trace());
        assertFalse(schematic.scrubber().isVisible());
        assertTrue(spinUntil(() -> "1 NONE level=1 NONE".equals(shown(schematic, 1)), 3000),
                "the live BUTTON is high, as set through the control socket: " + shown(schematic, 1));
        assertTrue(waveform.model().isFollowing(), "the live device follows again");
    }

    @Test
    @DisplayName("A damaged trace: an error dialog names the byte offset; the views and the live device carry on")
    void a_damaged_trace_names_the_byte_offset() throws Exception {
        Recording rec = record(dir.resolve("good.trc"));
        byte[] bytes = Files.readAllBytes(rec.file());
        int headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        bytes[headerLength] = 'X'; // the first block's magic
        Path bad = dir.resolve("damaged.trc");
        Files.write(bad, bytes);
        SchematicView schematic = (SchematicView) page.findView(SchematicView.ID);

        Display display = Display.getCurrent();
        String[] dialog = {null};
        Runnable[] poll = {null};
        poll[0] = () -> {
            for (Shell s : display.getShells()) {
                if (OfflineTraceHandlers.DIALOG_TITLE.equals(s.getText()) && s.isVisible()) {
                    dialog[0] = texts(s);
                    try {
                        screenshot(s, "offline-trace-error.png");
                    } catch (Exception e) {
                        // the text is what matters
                    }
                    s.close();
                    return;
                }
            }
            display.timerExec(50, poll[0]);
        };
        display.timerExec(50, poll[0]);
        execute(OPEN, Map.of(OfflineTraceHandlers.FILE_PARAMETER, bad.toString()));
        assertTrue(spinUntil(() -> dialog[0] != null, 15_000), "an error dialog");
        assertTrue(dialog[0].contains("byte offset " + headerLength), dialog[0]);
        assertTrue(dialog[0].contains("damaged.trc"), dialog[0]);
        assertFalse(dialog[0].contains("Exception") || dialog[0].contains("\tat "), "no stack trace: " + dialog[0]);

        assertNull(SourceService.get().trace());
        assertTrue(schematic.source() instanceof LiveSource l && l.session() == host);
        assertEquals("ok", control(dir.resolve("gpio.ctl"), "set BUTTON 1"));
        assertEquals(1, host.chip().inputLevel(1));
        assertNotNull(DeviceService.get().current());
    }

    private static void scrubWithSlider(TimeScrubber scrubber, TraceSource trace, long t) {
        int pos = (int) Math.round((double) t / trace.durationNanos() * TimeScrubber.STEPS);
        scrubber.scale().setSelection(pos);
        scrubber.scale().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        // The slider has STEPS positions; land exactly on t for the comparison.
        long landed = trace.scrubTime();
        assertTrue(Math.abs(landed - t) <= trace.durationNanos() / TimeScrubber.STEPS + 1, landed + " vs " + t);
        trace.setScrubTime(t);
    }

    private static void press(Composite bar, String id) {
        for (Control c : bar.getChildren()) {
            if (id.equals(c.getData(TimeScrubber.WIDGET_ID))) {
                c.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return;
            }
        }
        throw new AssertionError("no control " + id);
    }

    private static org.eclipse.swt.widgets.Event selectionEvent(org.eclipse.swt.widgets.TableItem item) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        return e;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Control> T find(Composite c, String id) {
        for (Control child : c.getChildren()) {
            if (id.equals(child.getData(TrafficView.WIDGET_ID))) {
                return (T) child;
            }
            if (child instanceof Composite k) {
                T found = find(k, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String texts(Composite c) {
        StringBuilder b = new StringBuilder();
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                b.append(l.getText()).append('\n');
            } else if (child instanceof Composite k) {
                b.append(texts(k));
            }
        }
        return b.toString();
    }
}
