package io.vgpio.ui.tests.waveform;

import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Direction;
import io.vgpio.core.waveform.LaneData;
import io.vgpio.core.waveform.LaneStyle;
import io.vgpio.core.waveform.WaveformModel;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.schematic.figures.SchematicStyle;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.waveform.WaveformView;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waveform never hides what matters: on a small window with many lines every lane drawn has its label and the
 * lanes scroll to the last one; colour means level, the same for inputs and outputs and as in the schematic.
 */
class WaveformLanesTest {
    /** The least lane height the view promises (LaneScroller.MIN_LANE_PX). */
    private static final int MIN_LANE_PX = 22;

    @TempDir
    Path dir;
    private IWorkbenchPage page;
    private WaveformView view;
    private Shell shell;

    private DeviceSession open(int lines, int width, int height) throws Exception {
        DeviceSession host = DeviceService.get().start(DeviceConfig.builder().lines(lines).namesList("LED,BUTTON")
                .build(), dir.resolve("gpio.sock"), dir.resolve("gpio.ctl"));
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        shell = window.getShell();
        shell.setBounds(0, 0, width, height);
        page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        view = (WaveformView) page.showView(WaveformView.ID);
        view.model().setSpan(WaveformModel.DEFAULT_SPAN);
        view.model().setHidden(Set.of());
        page.bringToTop(view);
        drain();
        waitFor("the waveform shows the device", () -> view.model().source() != null
                && view.model().lanes().size() == lines + 6);
        return host;
    }

    @AfterEach
    void close() {
        if (page != null && view != null) {
            page.hideView(view);
        }
        DeviceService.get().stop();
        if (shell != null) {
            shell.setBounds(0, 0, 1600, 1000);
        }
        drain();
    }

    /** The labels the lanes in the view's window should have, top down. */
    private List<String> expectedLabels() {
        WaveformModel.Frame f = view.model().lastFrame();
        int[] w = view.laneWindow();
        return f.lanes().subList(w[0], w[0] + w[1]).stream().map(d -> LaneStyle.label(d).strip()).toList();
    }

    /** Paints until the chart drew the labels of the lanes in its window (the first paint sizes the window). */
    private void paintUntilLabelled() {
        waitFor("every lane drawn has its label", () -> {
            view.paintNow();
            drain();
            return view.model().lastFrame() != null && view.drawnLaneLabels().equals(expectedLabels());
        });
    }

    @Test
    @DisplayName("1024x700, 64 lines: lanes stay readable, every lane drawn has its label, scrolling reaches the last")
    void every_lane_drawn_has_its_label_and_the_lanes_scroll() throws Exception {
        open(64, 1024, 700);
        paintUntilLabelled();
        int[] top = view.laneWindow();
        assertEquals(0, top[0]);
        assertTrue(top[1] < 70, "70 lanes do not fit in 700 pixels: the view scrolls them (" + top[1] + " shown)");
        Rectangle area = view.chartDataArea();
        assertTrue(area.height / top[1] >= MIN_LANE_PX, "lanes " + area.height / top[1] + " px high");
        List<String> drawn = view.drawnLaneLabels();
        assertEquals(top[1], drawn.size(), "a label per lane drawn: " + drawn);
        assertTrue(drawn.stream().anyMatch(l -> l.startsWith("1 BUTTON")), "line 1 is labelled: " + drawn);
        screenshot(shell, "waveform-64-lines-top.png");

        // Page down to the end: every lane gets drawn, each with its label, and the last page ends at the last.
        java.util.Set<String> seen = new java.util.LinkedHashSet<>(drawn);
        while (view.laneWindow()[0] + view.laneWindow()[1] < 70) {
            view.scrollLanesTo(view.laneWindow()[0] + view.laneWindow()[1]);
            paintUntilLabelled();
            seen.addAll(view.drawnLaneLabels());
        }
        List<String> all = view.model().lastFrame().lanes().stream().map(d -> LaneStyle.label(d).strip()).toList();
        assertEquals(new java.util.LinkedHashSet<>(all), seen, "every lane was drawn with its label");
        drawn = view.drawnLaneLabels();
        assertEquals("rule violations", drawn.get(drawn.size() - 1), "scrolling reaches the last lane");
        screenshot(shell, "waveform-64-lines-end.png");
    }

    @Test
    @DisplayName("A low input is drawn in the colour of a low output, the schematic's low colour")
    void a_low_input_looks_like_a_low_output() throws Exception {
        DeviceSession host = open(8, 1600, 1000);
        host.chip().guestSetDirection(0, Direction.OUT);
        host.chip().guestSetValue(0, 0);
        host.chip().guestSetDirection(1, Direction.IN);
        view.fit(); // the device's whole life in the window: nothing before its start (unknown, grey) in view
        paintUntilLabelled();
        waitFor("line 0 shows as an output", () -> {
            view.paintNow();
            return view.drawnLaneLabels().get(0).endsWith("out");
        });
        WaveformModel.Frame f = view.model().lastFrame();
        LaneData out = f.lane("line:0");
        LaneData in = f.lane("line:1");
        int last = out.runs() - 1;
        assertEquals(LaneData.LOW, out.state(last));
        assertEquals(LaneData.LOW, in.state(in.runs() - 1));
        assertEquals(LaneStyle.of(out, last), LaneStyle.of(in, in.runs() - 1), "one colour for a low level");
        RGB low = SchematicStyle.LOW.getRGB();
        assertEquals(new RGB(LaneStyle.LOW >> 16 & 0xff, LaneStyle.LOW >> 8 & 0xff, LaneStyle.LOW & 0xff), low,
                "the waveform's low is the schematic's low");

        // As drawn: both lanes show the low colour, neither shows the high one.
        ImageData shot = UiTest.capture(view.chartComposite());
        UiTest.save(shot, "waveform-low-in-and-out.png");
        Rectangle a = view.chartDataArea();
        int laneH = a.height / view.laneWindow()[1];
        RGB high = SchematicStyle.HIGH.getRGB();
        for (int lane = 0; lane < 2; lane++) {
            Rectangle band = new Rectangle(a.x, a.y + lane * laneH, a.width, laneH);
            // (the line is anti-aliased: its pixels are the colour blended a little with the background)
            assertTrue(UiTest.pixelsNear(shot, band, low, 60) > a.width / 4,
                    "lane " + lane + " is drawn low-blue");
            assertEquals(0, UiTest.pixelsNear(shot, band, high, 30), "lane " + lane + " shows no high-green");
        }
    }
}
