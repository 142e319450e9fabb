package io.vgpio.ui.tests.schematic;

import io.vgpio.ui.tests.UiTest;
import static io.vgpio.ui.tests.UiTest.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.schematic.figures.SchematicStyle;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.ImageData;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pictures of the schematic under target/screenshots, for people to look at: 8 lines, 64 lines (at 100% and
 * fitted), and one while a guest driver holds outputs and interrupts and a stimulus pulse train runs. What the
 * tests assert is what the pictures must show: fitting zooms out, and the lit LED is drawn lit.
 */
class SchematicScreenshotTest {

    @Test
    @DisplayName("Screenshots with 8 and with 64 lines")
    void screenshots_8_and_64_lines() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET,,,,A_RATHER_LONG_LINE_NAME")) {
            f.host.chip().setInput(1, 1, io.vgpio.core.Cause.USER);
            assertTrue(spinUntil(() -> f.line(1).switchFigure().isOn(), 5000), "the switch shows the input high");
            f.settle();
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-8.png"); // for people to look at
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            names.append(i % 3 == 2 ? "" : "GPIO_" + i).append(',');
        }
        try (SchematicFixture f = SchematicFixture.start(64, names.substring(0, names.length() - 1))) {
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-64.png"); // for people to look at
            f.view.fit();
            f.settle();
            assertTrue(f.view.zoomManager().getZoom() < 1.0, "64 lines do not fit at 100%: fitting zooms out");
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-64-fit.png");
            f.view.zoomManager().setZoom(1.0);
            int restoredHeight = f.canvas().getSize().y;
            f.page.setPartState(f.page.getReference(f.view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            assertTrue(spinUntil(() -> f.canvas().getSize().y > restoredHeight, 5000), "maximizing makes it taller");
            f.view.zoomManager().setViewLocation(new org.eclipse.draw2d.geometry.Point(0, 0));
            f.settle();
            UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-64-maximized.png");
            f.page.setPartState(f.page.getReference(f.view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        }
    }

    @Test
    @DisplayName("Screenshot with a guest driver holding outputs and interrupts and a pulse train running")
    void screenshot_live() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET,IRQ_A,IRQ_B")) {
            CountDownLatch done = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(1);
            ExecutorService guest = Executors.newSingleThreadExecutor();
            try {
                Future<?> driver = guest.submit(() -> {
                    try (GpioDriver d = GpioDriver.attach(f.socket)) {
                        int value = MessageType.SET_VALUE.wireValue();
                        int direction = MessageType.SET_DIRECTION.wireValue();
                        int irq = MessageType.SET_IRQ_TYPE.wireValue();
                        d.request(value, 0, 1); // LED lit
                        d.request(direction, 0, Direction.OUT.wireValue());
                        d.request(value, 2, 0); // output, dark
                        d.request(direction, 2, Direction.OUT.wireValue());
                        d.request(direction, 1, Direction.IN.wireValue()); // BUTTON: armed
                        d.request(irq, 1, IrqType.EDGE_BOTH.wireValue());
                        d.queueIrqBuffer(1);
                        d.request(direction, 4, Direction.IN.wireValue()); // IRQ_A: enabled, edge latched
                        d.request(irq, 4, IrqType.EDGE_RISING.wireValue());
                        d.request(direction, 5, Direction.IN.wireValue()); // IRQ_B: level, enabled
                        d.request(irq, 5, IrqType.LEVEL_HIGH.wireValue());
                        d.request(direction, 3, Direction.IN.wireValue()); // RESET: the pulse train
                        ready.countDown();
                        done.await(20, TimeUnit.SECONDS);
                    }
                    return null;
                });
                assertTrue(ready.await(10, TimeUnit.SECONDS), "the driver set the lines up");
                var stim = f.chipPart().diagram().stimulus();
                stim.risingEdge(4).get(2, TimeUnit.SECONDS);
                f.page.showView(IPageLayout.ID_PROP_SHEET);
                f.page.activate(f.view);
                f.view.viewer().select(f.line(1));
                stim.pulseTrain(3, 200, 20_000, 40_000);
                // The schematic follows the train live: it shows RESET high within a few frames of a pulse.
                assertTrue(spinUntil(() -> f.line(3).lineFigure().state().level() == 1, 2000), "RESET seen high");
                assertTrue(spinUntil(() -> f.line(0).ledFigure().isLit(), 5000), "the LED is lit");
                f.settle();
                ImageData picture = UiTest.render((FigureCanvas) f.canvas());
                UiTest.save(picture, "schematic-live.png");
                // The lit LED is drawn in its colour on screen, not just flagged in the model.
                assertTrue(UiTest.pixelsNear(picture, onCanvas(f.line(0).ledFigure()), SchematicStyle.LED_ON.getRGB(),
                        12) >= 30, "the lit LED's lens is drawn red");
                assertEquals(0, UiTest.pixelsNear(picture, onCanvas(f.line(2).ledFigure()),
                        SchematicStyle.LED_ON.getRGB(), 12), "the dark LED on line 2 has no lit pixel");
                Shell shell = f.view.getSite().getShell();
                UiTest.screenshot(shell, "schematic-live-workbench.png"); // for people to look at
                assertTrue(spinUntil(() -> f.line(1).lineFigure().state().armed(), 2000), "BUTTON armed");
                assertTrue(f.line(4).lineFigure().state().latched(), "IRQ_A latched");
                done.countDown();
                driver.get(5, TimeUnit.SECONDS);
            } finally {
                done.countDown();
                guest.shutdownNow();
            }
        }
    }

    /** A figure's bounds in the canvas's coordinates. */
    private static org.eclipse.swt.graphics.Rectangle onCanvas(IFigure figure) {
        Rectangle r = figure.getBounds().getCopy();
        figure.translateToAbsolute(r);
        return new org.eclipse.swt.graphics.Rectangle(r.x, r.y, r.width, r.height);
    }

    static String id() {
        return SchematicView.ID;
    }
}
