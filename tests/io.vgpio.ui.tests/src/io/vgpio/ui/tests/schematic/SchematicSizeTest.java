package io.vgpio.ui.tests.schematic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Direction;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.figures.SchematicStyle;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.tests.UiTest;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.MouseWheelZoomHandler;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The schematic at every size: the zoom label follows the zoom, Fit centres the chip, a big chip stays readable
 * when fitted, nothing is cut off in a 1024×700 window, and a line the guest releases goes dark in place.
 */
class SchematicSizeTest {

    @AfterEach
    void restoreWindow() {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().setBounds(0, 0, 1600, 1000);
        UiTest.drain();
    }

    @Test
    @DisplayName("The zoom label shows the zoom after Fit, the zoom buttons and Ctrl+wheel")
    void zoom_label_follows_the_zoom() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(64, "")) {
            ZoomManager zoom = f.view.zoomManager();
            assertEquals("100%", f.view.zoomLabel());
            f.view.fit();
            assertTrue(zoom.getZoom() < 1.0, "64 lines do not fit at 100%: Fit zooms out");
            assertEquals(percent(zoom), f.view.zoomLabel(), "after Fit");
            UiTest.waitFor("the view's toolbar shows " + percent(zoom), () -> toolbarShows(f, percent(zoom)));
            zoom.zoomIn();
            assertEquals(percent(zoom), f.view.zoomLabel(), "after zoom in");
            zoom.zoomOut();
            zoom.zoomOut();
            assertEquals(percent(zoom), f.view.zoomLabel(), "after zoom out");
            double before = zoom.getZoom();
            Event wheel = new Event();
            wheel.count = 3;
            wheel.stateMask = SWT.MOD1;
            wheel.doit = true;
            MouseWheelZoomHandler.SINGLETON.handleMouseWheel(wheel, f.view.viewer());
            assertTrue(zoom.getZoom() > before, "Ctrl+wheel up zooms in");
            assertEquals(percent(zoom), f.view.zoomLabel(), "after Ctrl+wheel");
        }
    }

    @Test
    @DisplayName("Fit centres the chip in the view")
    void fit_centres_the_chip() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON")) {
            f.view.fit();
            f.settle();
            Rectangle chip = onCanvas(chipFigure(f), chipFigure(f).extent());
            org.eclipse.swt.graphics.Rectangle area = ((FigureCanvas) f.canvas()).getClientArea();
            int dx = chip.x + chip.width / 2 - (area.x + area.width / 2);
            int dy = chip.y + chip.height / 2 - (area.y + area.height / 2);
            assertTrue(Math.abs(dx) <= 3 && Math.abs(dy) <= 3,
                    "the chip " + chip + " is centred in the view " + area + " (off by " + dx + ", " + dy + ")");
        }
    }

    @Test
    @DisplayName("64 lines fitted: more than one column, pin names readable")
    void sixty_four_lines_fit_readably() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(64, names(64))) {
            f.view.fit();
            f.settle();
            double px = SchematicStyle.pixelHeight(SchematicStyle.regular()) * f.view.zoomManager().getZoom();
            assertTrue(px >= SchematicStyle.READABLE_PX, "pin names are " + px + " px high after Fit");
            Set<Integer> columns = new HashSet<>();
            for (int i = 0; i < 64; i++) {
                columns.add(f.line(i).lineFigure().getBounds().x);
            }
            assertTrue(columns.size() > 2, "the rows are laid out in " + columns.size() + " columns, not two");
            assertTrue(chipFigure(f).chipLayout().columns() > 1, "the chip is split into units side by side");
        }
    }

    @Test
    @DisplayName("Until the user zooms, the chip follows the window: fitted when it gets small, 100% again when big")
    void chip_follows_the_window_until_the_user_zooms() throws Exception {
        try (SchematicFixture f = SchematicFixture.startAsOpened(8, "LED,BUTTON,,RESET,,,,A_RATHER_LONG_LINE_NAME",
                1600, 1000)) {
            ZoomManager zoom = f.view.zoomManager();
            assertEquals(1.0, zoom.getZoom(), "8 lines fit at 100% in 1600x1000");
            Shell shell = f.view.getSite().getShell();
            shell.setBounds(0, 0, 1024, 700);
            UiTest.waitFor("the chip zooms out as the window shrinks", () -> zoom.getZoom() < 1.0);
            assertAllSwitchesAndLegendVisible(f, "after the window shrank");
            shell.setBounds(0, 0, 1600, 1000);
            UiTest.waitFor("the chip is back at 100% once there is room", () -> zoom.getZoom() == 1.0);
            zoom.zoomOut(); // the user's zoom: from now on the chip keeps it
            double chosen = zoom.getZoom();
            shell.setBounds(0, 0, 1024, 700);
            UiTest.drain();
            shell.setBounds(0, 0, 1600, 1000);
            UiTest.drain();
            assertEquals(chosen, zoom.getZoom(), "the user's zoom stays through resizes");
        }
    }

    @Test
    @DisplayName("In a 1024×700 window, Fit shows every switch and the legend; screenshots of 8 and 64 lines")
    void nothing_clipped_at_1024_by_700() throws Exception {
        try (SchematicFixture f = SchematicFixture.startAsOpened(8, "LED,BUTTON,,RESET,,,,A_RATHER_LONG_LINE_NAME",
                1024, 700)) {
            assertTrue(f.view.zoomManager().getZoom() < 1.0, "the chip does not fit at 100%: it opens fitted");
            assertAllSwitchesAndLegendVisible(f, "as opened");
            f.view.zoomManager().setZoom(1.0);
            f.view.fit();
            f.settle();
            assertAllSwitchesAndLegendVisible(f, "after Fit");
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-8-1024x700.png");
            UiTest.waitFor("the toolbar shows the zoom", () -> toolbarShows(f, f.view.zoomLabel()));
            Shell shell = f.view.getSite().getShell();
            shell.layout(true, true);
            shell.redraw(0, 0, shell.getSize().x, shell.getSize().y, true);
            UiTest.drain();
            UiTest.screenshot(f.view.getSite().getShell(), "schematic-8-1024x700-workbench.png");
        }
        try (SchematicFixture f = SchematicFixture.startAsOpened(64, names(64), 1024, 700)) {
            f.view.fit();
            f.settle();
            // Too tall to fit readably: a list of pins that scrolls down, never sideways.
            org.eclipse.swt.graphics.Rectangle area = ((FigureCanvas) f.canvas()).getClientArea();
            for (int i = 0; i < 64; i++) {
                Rectangle r = onCanvas(f.line(i).lineFigure(), f.line(i).lineFigure().getBounds());
                assertTrue(r.x >= area.x && r.right() <= area.x + area.width,
                        "line " + i + " " + r + " lies within the width of " + area);
            }
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-64-1024x700.png");
        }
    }

    @Test
    @DisplayName("A line the guest releases shows a dark LED and 'released', in the same place")
    void released_line_goes_dark_in_place() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED")) {
            var chip = f.host.chip();
            chip.guestSetValue(0, 1);
            chip.guestSetDirection(0, Direction.OUT);
            LineEditPart line = f.line(0);
            assertTrue(UiTest.spinUntil(() -> line.ledFigure().isVisible() && line.ledFigure().isLit(), 5000),
                    "the LED is lit");
            f.settle();
            Rectangle rowBefore = line.lineFigure().getBounds().getCopy();
            Rectangle ledBefore = line.ledFigure().getBounds().getCopy();
            chip.guestSetDirection(0, Direction.NONE); // gpiod releases the line: virtio-gpio's free
            assertTrue(UiTest.spinUntil(() -> line.lineFigure().isReleased(), 5000), "the line shows released");
            f.settle();
            assertTrue(line.ledFigure().isVisible(), "the LED stays in place");
            assertFalse(line.switchFigure().isVisible(), "no switch replaces it");
            assertFalse(line.ledFigure().isLit(), "the released LED is dark");
            assertEquals(rowBefore, line.lineFigure().getBounds(), "the row did not move or change size");
            assertEquals(ledBefore, line.ledFigure().getBounds(), "the LED did not move or change size");
            var picture = UiTest.render((FigureCanvas) f.canvas());
            Rectangle led = onCanvas(line.ledFigure(), line.ledFigure().getBounds());
            assertEquals(0, UiTest.pixelsNear(picture,
                    new org.eclipse.swt.graphics.Rectangle(led.x, led.y, led.width, led.height),
                    SchematicStyle.LED_ON.getRGB(), 12), "the released LED has no lit pixel");
            UiTest.save(picture, "schematic-released.png");
            chip.guestSetValue(0, 1); // the next gpioset: lit again, still in place (release forgot the value)
            chip.guestSetDirection(0, Direction.OUT);
            assertTrue(UiTest.spinUntil(() -> line.ledFigure().isLit() && !line.lineFigure().isReleased(), 5000),
                    "requested again, the LED is lit");
            assertEquals(rowBefore, line.lineFigure().getBounds());
        }
    }

    /** True if a button of the view's toolbar reads {@code text}. */
    private static boolean toolbarShows(SchematicFixture f, String text) {
        if (!(f.view.getViewSite().getActionBars().getToolBarManager() instanceof ToolBarManager m)
                || m.getControl() == null) {
            return false;
        }
        for (ToolItem item : m.getControl().getItems()) {
            if (text.equals(item.getText())) {
                return true;
            }
        }
        return false;
    }

    private static void assertAllSwitchesAndLegendVisible(SchematicFixture f, String when) {
        f.settle();
        org.eclipse.swt.graphics.Rectangle area = ((FigureCanvas) f.canvas()).getClientArea();
        Rectangle visible = new Rectangle(area.x, area.y, area.width, area.height);
        for (int i = 0; i < 8; i++) {
            LineEditPart line = f.line(i);
            assertTrue(line.switchFigure().isVisible(), "line " + i + " has a switch");
            Rectangle r = onCanvas(line.switchFigure(), line.switchFigure().getBounds());
            assertTrue(visible.contains(r), when + ": the switch of line " + i + " " + r + " lies in " + visible);
        }
        Rectangle legend = onCanvas(chipFigure(f), chipFigure(f).legendBounds());
        assertTrue(visible.contains(legend), when + ": the legend " + legend + " lies in " + visible);
    }

    private static String percent(ZoomManager zoom) {
        return Math.round(zoom.getZoom() * 100) + "%";
    }

    private static ChipFigure chipFigure(SchematicFixture f) {
        return (ChipFigure) f.chipPart().getFigure();
    }

    /** A rectangle in a figure's coordinates, in the canvas's (zoom and scrolling applied). */
    private static Rectangle onCanvas(IFigure figure, Rectangle r) {
        Rectangle copy = r.getCopy();
        figure.translateToAbsolute(copy);
        return copy;
    }

    static String names(int lines) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            names.append(i % 3 == 2 ? "" : "GPIO_" + i).append(',');
        }
        return names.substring(0, names.length() - 1);
    }
}
