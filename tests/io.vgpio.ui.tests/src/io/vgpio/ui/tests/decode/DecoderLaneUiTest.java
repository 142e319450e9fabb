package io.vgpio.ui.tests.decode;

import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Event;
import io.vgpio.decode.view.DecoderSpec;
import io.vgpio.trace.TraceReader;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.decode.AddDecoderDialog;
import io.vgpio.ui.decode.DecodedView;
import io.vgpio.ui.decode.DecoderService;
import io.vgpio.ui.source.SourceService;
import io.vgpio.ui.source.TraceSource;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.ui.waveform.WaveformView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoders where the user meets them, in the real workbench: a decoder lane under the lines it reads on an opened
 * trace, its detail following the zoom (read back from what the chart drew, not from pixels), the Add Decoder
 * dialog's checks, decoders kept across closing the view, and the Decoded view linked with the waveform and the
 * Traffic view.
 */
class DecoderLaneUiTest {
    private static final String I2C = "i2c --scl SCL --sda SDA";
    private static final String LANE = "I2C SCL/SDA";

    @TempDir
    Path dir;
    private IWorkbenchPage page;
    private WaveformView waveform;
    private TraceSource trace;

    private io.vgpio.session.DeviceSession host;

    @BeforeEach
    void open() throws Exception {
        host = UiTest.startDevice(dir);
        DecoderService.get().removeAll();
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1600, 1000);
        page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        page.showView(TrafficView.ID);
        waveform = (WaveformView) page.showView(WaveformView.ID);
        waveform.model().setHidden(java.util.Set.of());
        trace = new TraceSource(TraceReader.read(I2cTrace.write(dir.resolve("i2c.vgtrace"), 3, true)));
        SourceService.get().openTrace(trace);
        drain();
    }

    @AfterEach
    void close() {
        DecoderService.get().removeAll();
        SourceService.get().closeTrace();
        DeviceService.get().stop();
        drain();
    }

    private List<String> drawn() {
        waveform.paintNow();
        return waveform.drawnAnnotations(LANE);
    }

    private void addI2c() {
        DecoderService.get().add(DecoderSpec.parse(I2C));
        waitFor("the decoder lane drawn", () -> !drawn().isEmpty());
    }

    @Test
    @DisplayName("An I2C lane under SDA on an opened trace: bytes when zoomed out, their bits when zoomed in")
    void lane_on_a_trace_follows_the_zoom() throws Exception {
        addI2c();
        org.eclipse.swt.widgets.Control legend = find(waveform.chartComposite().getParent(), "waveform.decoderLegend");
        assertTrue(legend != null && legend.isVisible() && legend.getSize().y > 0, "the decoders' legend is shown");
        List<String> labels = waveform.drawnLaneLabels();
        assertEquals(labels.indexOf(LANE), indexStarting(labels, "2 SDA") + 1, "the lane sits under SDA: " + labels);
        DecoderService.Entry entry = DecoderService.get().entries(trace).get(0);
        assertEquals(List.of("start", "address-write 48", "ack", "data-write 00", "ack", "repeat-start",
                "address-read 48", "ack", "data-read 17", "ack", "data-read 80", "nack", "stop"),
                entry.run().track().annotations().subList(0, 13).stream().map(a -> a.text()).toList());
        assertEquals(3, entry.run().track().transactions().size());

        // the whole trace: three reads, each a few pixels of grey blocks, no byte readable
        waveform.fit();
        List<String> far = drawn();
        assertTrue(far.stream().noneMatch(t -> t.contains("48") || t.startsWith("bit")), far.toString());
        screenshot(waveform.chartComposite(), "decoder-lane-zoomed-out.png");

        // one read across the window: every byte and condition named, no bits yet
        var tx = entry.run().track().transactions().get(0);
        waveform.showSpan(tx.startNs(), tx.endNs());
        assertEquals(2 * (tx.endNs() - tx.startNs()), waveform.model().span(), "zoomed to the read");
        List<String> read = drawn();
        assertTrue(read.containsAll(List.of("A 48 W", "A 48 R", "D 17", "D 80")) || read.containsAll(List.of(
                "Address write 48", "Address read 48", "Data read 17", "Data read 80")), read.toString());
        assertFalse(read.stream().anyMatch(t -> t.startsWith("bit")), read.toString());
        screenshot(waveform.chartComposite(), "decoder-lane-one-read.png");

        // START, the address and its ACK: the conditions named too
        var ack = entry.run().track().annotations().get(2);
        waveform.showSpan(tx.startNs(), ack.endNs());
        List<String> first = drawn();
        assertTrue(first.contains("ACK") && (first.contains("S") || first.contains("Start")), first.toString());
        screenshot(waveform.chartComposite(), "decoder-lane-start-address-ack.png");

        // one byte: its long name and its bits, most significant first
        var data17 = entry.run().track().annotations().get(8);
        waveform.showSpan(data17.startNs(), data17.endNs());
        List<String> byteView = drawn();
        assertTrue(byteView.contains("Data read 17"), byteView.toString());
        assertTrue(String.join("", byteView).contains("bit 0bit 0bit 0bit 1bit 0bit 1bit 1bit 1"), byteView.toString());
        screenshot(waveform.chartComposite(), "decoder-lane-zoomed-in-bits.png");
    }

    private static org.eclipse.swt.widgets.Control find(org.eclipse.swt.widgets.Composite parent, String id) {
        for (org.eclipse.swt.widgets.Control c : parent.getChildren()) {
            if (id.equals(c.getData("io.vgpio.id"))) {
                return c;
            }
        }
        return null;
    }

    private static int indexStarting(List<String> labels, String prefix) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @DisplayName("Add Decoder checks every change and says what is wrong; OK only for a decoder that can run")
    void add_decoder_dialog_validates() {
        AddDecoderDialog d = new AddDecoderDialog(waveform.getSite().getShell(), trace);
        d.setBlockOnOpen(false);
        d.open();
        try {
            assertNull(d.problem(), "SCL and SDA are chosen by their names: " + d.problem());
            assertTrue(d.okEnabled());
            d.set("--sda", "SDX");
            assertEquals("SDA: the device has no line 'SDX' (lines 0 to 3, or their names).", d.problem());
            assertFalse(d.okEnabled());
            d.set("--sda", "1");
            assertEquals("SDA and another channel are both line 1; give each channel its own line.", d.problem());
            d.set("--sda", "2");
            assertNull(d.problem());
            d.chooseProtocol("uart");
            assertEquals("UART needs RX or TX (or both).", d.problem());
            d.set("--rx", "INT");
            d.set("--baud", "fast");
            assertEquals("Baud must be a whole number, not 'fast'.", d.problem());
            d.set("--baud", "9600");
            assertNull(d.problem());
            assertTrue(d.okEnabled());
            d.set("--baud", "");
            assertEquals("Give the baud rate (live decoding cannot detect it).", d.problem());
            d.set("--baud", "9600");
            d.set("--rx", "SDX");
            drain();
            screenshot(d.getShell(), "add-decoder-dialog.png");
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            d.close();
        }
    }

    @Test
    @DisplayName("Decoders are kept in the workbench state: closing and reopening the waveform shows them again")
    void decoders_survive_reopening_the_view() throws Exception {
        addI2c();
        assertEquals(List.of(I2C), DecoderService.storedSpecs());
        page.hideView(waveform);
        drain();
        waveform = (WaveformView) page.showView(WaveformView.ID);
        drain();
        waitFor("the lane back after reopening", () -> !drawn().isEmpty());
        assertTrue(waveform.drawnLaneLabels().contains(LANE), waveform.drawnLaneLabels().toString());
    }

    @Test
    @DisplayName("The Decoded view lists the transactions; a row puts the waveform's cursors on it and selects its traffic")
    void decoded_view_links_with_waveform_and_traffic() throws Exception {
        addI2c();
        DecodedView decoded = (DecodedView) page.showView(DecodedView.ID);
        decoded.refresh();
        assertEquals(Collections.nCopies(3, LANE + ": " + I2cTrace.SUMMARY), decoded.rowTexts());
        decoded.select(1);
        var tx = DecoderService.get().transactions(trace).get(1);
        assertEquals(tx.start(), waveform.model().cursorA());
        assertEquals(tx.end(), waveform.model().cursorB());
        IStructuredSelection traffic = (IStructuredSelection) page.findView(TrafficView.ID).getSite()
                .getSelectionProvider().getSelection();
        assertFalse(traffic.isEmpty(), "the Traffic view selected the transaction's events");
        for (Object o : traffic) {
            Event e = (Event) o;
            assertTrue(e.timeNanos() >= tx.start() && e.timeNanos() <= tx.end() && (e.line() == 1 || e.line() == 2)
                    && (e.kind() == io.vgpio.core.EventKind.REQUEST || e.kind() == io.vgpio.core.EventKind.LEVEL),
                    "a request or level change (the Traffic filter may show levels) on SCL or SDA in it: " + e);
        }
        // cursor A placed on the waveform inside the third read selects that row
        DecoderService.get().cursorPlaced(DecoderService.get().transactions(trace).get(2).start() + 1000);
        assertEquals(2, decoded.selectedRow());
        waveform.paintNow();
        page.activate(decoded);
        drain();
        screenshot(decoded.control(), "decoded-view.png");
        screenshot(decoded.getSite().getShell(), "decoded-view-with-waveform.png");
    }

    @Test
    @DisplayName("An I2C lane over 1,000,000 events: the frame of a zoom and of a pan (timings printed, not asserted)")
    void decoder_lane_over_a_million_events() throws Exception {
        int reads = 1_000_000 / I2cTrace.EVENTS_PER_READ + 1;
        TraceSource big = new TraceSource(TraceReader.read(I2cTrace.write(dir.resolve("big.vgtrace"), reads)));
        SourceService.get().openTrace(big);
        drain();
        long a = System.nanoTime();
        DecoderService.get().add(DecoderSpec.parse(I2C));
        DecoderService.Entry entry = DecoderService.get().entries(big).get(0);
        while (!entry.run().ended()) { // what the frame timer does, a bounded slice a tick
            DecoderService.get().poll(big);
        }
        double decodeMs = (System.nanoTime() - a) / 1e6;
        assertEquals(reads, entry.run().track().transactions().size());
        waveform.fit();
        waveform.paintNow();
        List<Double> zoom = new ArrayList<>();
        List<Double> pan = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // zoom in by 2 around the centre (the toolbar's Zoom In), then pan by a tenth of the window
            long s = System.nanoTime();
            long now = waveform.model().now();
            waveform.model().zoom(i < 6 ? 0.5 : 2, waveform.model().windowStart(now) + waveform.model().span() / 2,
                    now);
            waveform.paintNow();
            zoom.add((System.nanoTime() - s) / 1e6);
            s = System.nanoTime();
            waveform.model().pan(waveform.model().span() / 10, waveform.model().now());
            waveform.paintNow();
            pan.add((System.nanoTime() - s) / 1e6);
        }
        assertFalse(drawn().isEmpty(), "the lane was drawn");
        zoom.sort(null);
        pan.sort(null);
        System.out.println(String.format(java.util.Locale.ROOT, "[decoder lane frame] %,d events, %,d annotations,"
                + " decoded in %.0f ms; frame (query + layout + JFreeChart paint) after a zoom: median %.1f ms,"
                + " worst %.1f ms; after a pan: median %.1f ms, worst %.1f ms", big.log().size(),
                entry.run().track().annotations().size(), decodeMs, zoom.get(zoom.size() / 2),
                zoom.get(zoom.size() - 1), pan.get(pan.size() / 2), pan.get(pan.size() - 1)));
    }

    @Test
    @DisplayName("Live: I2C driven on the device's lines decodes into the lane as it happens, frame by frame")
    void lane_decodes_the_live_device() {
        SourceService.get().closeTrace();
        drain();
        DecoderService.get().add(DecoderSpec.parse("i2c --scl 4 --sda 5"));
        waveform.paintNow(); // the decoder starts on the live log
        io.vgpio.core.Chip chip = host.chip();
        java.util.function.BiConsumer<Integer, Integer> set = (line, level) -> {
            chip.setInput(line, level, io.vgpio.core.Cause.USER);
            waveform.paintNow(); // a frame between edges: each decodes only what is new
        };
        set.accept(4, 1);
        set.accept(5, 1);
        set.accept(5, 0); // START
        set.accept(4, 0);
        for (int bit : new int[] {1, 0, 0, 1, 0, 0, 0, 0, 1}) { // 0x90 (0x48 write) and the NACK bit
            set.accept(5, bit);
            set.accept(4, 1);
            set.accept(4, 0);
        }
        set.accept(5, 0);
        set.accept(4, 1);
        set.accept(5, 1); // STOP
        waitFor("the live transaction", () -> {
            waveform.paintNow();
            return !DecoderService.get().transactions(SourceService.get().current()).isEmpty();
        });
        var run = DecoderService.get().entries(SourceService.get().current()).get(0).run();
        assertEquals(List.of("start", "address-write 48", "nack", "stop"),
                run.track().annotations().stream().map(a -> a.text()).toList());
        assertEquals("write 0x48 [] NACK", run.track().transactions().get(0).summary());
    }
}
