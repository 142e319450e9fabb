package io.vgpio.ui.tests.schematic;

import static io.vgpio.ui.tests.UiTest.spinUntil;
import static io.vgpio.ui.tests.schematic.ContextMenus.build;
import static io.vgpio.ui.tests.schematic.ContextMenus.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Chip;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.figures.SwitchFigure;
import io.vgpio.ui.schematic.parts.ChipEditPart;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.schematic.properties.LinePropertySource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.properties.PropertySheet;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schematic in the real workbench: clicks drive inputs, the guest lights LEDs, the selection has properties. */
class SchematicInteractionTest {

    @Test
    @DisplayName("Clicking an input's switch toggles the input level, the switch follows, and the line is selected")
    void clicking_a_switch_toggles_the_input() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET")) {
            Chip chip = f.host.chip();
            for (int line : new int[] {1, 6}) { // one on each side of the chip
                LineEditPart part = f.line(line);
                SwitchFigure sw = part.switchFigure();
                assertTrue(sw.isShowing(), "a line with direction none shows its switch");
                f.view.viewer().reveal(part);
                int before = chip.inputLevel(line);
                boolean wasOn = sw.isOn();
                assertEquals(before == 1, wasOn);

                f.clickOn(sw, 1);
                assertTrue(spinUntil(() -> chip.inputLevel(line) != before && sw.isOn() != wasOn, 5000),
                        "line " + line + ": input " + chip.inputLevel(line) + ", switch on " + sw.isOn());
                assertEquals(chip.inputLevel(line) == 1, sw.isOn());
                IStructuredSelection sel = (IStructuredSelection) f.view.viewer().getSelection();
                assertEquals(part, sel.getFirstElement(), "the click selected the line");

                f.clickOn(sw, 1);
                assertTrue(spinUntil(() -> chip.inputLevel(line) == before && sw.isOn() == wasOn, 5000),
                        "a second click toggles back");
            }
        }
    }

    @Test
    @DisplayName("SET_VALUE(1) then SET_DIRECTION(OUT) from the guest lights the line's LED")
    void guest_output_lights_the_led() throws Exception {
        int line = 0;
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET")) {
            assertFalse(f.line(line).ledFigure().isShowing(), "direction none: no LED yet");
            CountDownLatch done = new CountDownLatch(1);
            ExecutorService guest = Executors.newSingleThreadExecutor();
            try {
                Future<?> driver = guest.submit(() -> {
                    try (GpioDriver d = GpioDriver.attach(f.socket)) {
                        assertTrue(d.request(MessageType.SET_VALUE.wireValue(), line, 1).ok());
                        assertTrue(d.request(MessageType.SET_DIRECTION.wireValue(), line,
                                Direction.OUT.wireValue()).ok());
                        done.await(10, TimeUnit.SECONDS); // stay attached: a detach resets the guest's state
                    }
                    return null;
                });
                var led = f.line(line).ledFigure();
                assertTrue(spinUntil(() -> led.isLit() || driver.isDone(), 5000), "the LED lights within 5 s");
                assertTrue(led.isLit(), "the LED is lit (the driver ended first if not: " + driver.isDone() + ")");
                assertTrue(led.isShowing(), "an output shows an LED");
                assertFalse(f.line(line).switchFigure().isShowing(), "and no switch");
                assertTrue(((ChipFigure) f.chipPart().getFigure()).isGuestAttached(), "the chip shows the guest");
                done.countDown();
                driver.get(5, TimeUnit.SECONDS);
            } finally {
                done.countDown();
                guest.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("A selected line adapts to IPropertySource with its number, name, direction, levels and IRQ state")
    void selection_has_line_properties() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET")) {
            f.host.chip().guestSetDirection(3, Direction.IN);
            f.host.chip().guestSetIrqType(3, IrqType.EDGE_BOTH);
            f.host.chip().setInput(3, 1, io.vgpio.core.Cause.USER);
            LineEditPart part = f.line(3);
            assertTrue(spinUntil(() -> part.lineFigure().state().irqType() == IrqType.EDGE_BOTH, 2000));
            f.clickOn(part.lineFigure().led().getParent(), 1);
            assertTrue(spinUntil(() -> part.getSelected() != 0, 2000), "clicking the row selects the line");
            Object element = ((IStructuredSelection) f.view.viewer().getSelection()).getFirstElement();
            IPropertySource props = Adapters.adapt(element, IPropertySource.class);
            assertInstanceOf(LinePropertySource.class, props);
            assertEquals("3", props.getPropertyValue(LinePropertySource.NUMBER));
            assertEquals("RESET", props.getPropertyValue(LinePropertySource.NAME));
            assertEquals("in", props.getPropertyValue(LinePropertySource.DIRECTION));
            assertEquals("1", props.getPropertyValue(LinePropertySource.LEVEL));
            assertEquals("1", props.getPropertyValue(LinePropertySource.INPUT_LEVEL));
            assertEquals("0", props.getPropertyValue(LinePropertySource.OUTPUT_VALUE));
            assertEquals("edge-both", props.getPropertyValue(LinePropertySource.IRQ_TYPE));
            assertEquals("false", props.getPropertyValue(LinePropertySource.ARMED));
            assertEquals("(not bound)", props.getPropertyValue(LinePropertySource.HARDWARE));
            assertEquals(10, props.getPropertyDescriptors().length);
            assertEquals(f.view.viewer(), f.view.getSite().getSelectionProvider());

            // The Properties view shows the line and follows its changes.
            PropertySheet sheet = (PropertySheet) f.page.showView(IPageLayout.ID_PROP_SHEET);
            f.page.activate(f.view);
            assertTrue(spinUntil(() -> "1".equals(shown(sheet, "Input")), 3000),
                    "the sheet shows input level 1: " + shown(sheet, "Input"));
            f.host.chip().setInput(3, 0, io.vgpio.core.Cause.USER);
            assertTrue(spinUntil(() -> "0".equals(shown(sheet, "Input")), 3000),
                    "the sheet follows the line to 0: " + shown(sheet, "Input"));
        }
    }

    @Test
    @DisplayName("The context menu of an input line drives edges through the stimulus scheduler")
    void context_menu_drives_edges() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET")) {
            Chip chip = f.host.chip();
            LineEditPart part = f.line(1);
            f.view.viewer().select(part);
            assertSame(f.host.stimulus(), part.pinLine().diagram().stimulus(), "the device's one scheduler");
            ContextMenuProvider provider = (ContextMenuProvider) f.view.viewer().getContextMenu();
            assertTrue(spinUntil(() -> run(provider, "Rising edge"), 100), "a Rising edge entry");
            assertTrue(spinUntil(() -> chip.inputLevel(1) == 1 && part.switchFigure().isOn(), 5000));
            run(provider, "Falling edge");
            assertTrue(spinUntil(() -> chip.inputLevel(1) == 0 && !part.switchFigure().isOn(), 5000));
            run(provider, "Toggle input");
            assertTrue(spinUntil(() -> chip.inputLevel(1) == 1 && part.switchFigure().isOn(), 5000));
            MenuManager menu = build(provider);
            for (String entry : new String[] {"Pulse\u2026", "Pulse train\u2026", "Contact bounce\u2026"}) {
                assertNotNull(find(menu, entry), entry);
            }

            // On an output line the guest drives the pin: the entries are there but disabled.
            chip.guestSetValue(0, 1);
            chip.guestSetDirection(0, Direction.OUT);
            assertTrue(spinUntil(() -> f.line(0).ledFigure().isLit(), 2000));
            f.view.viewer().select(f.line(0));
            assertFalse(find(build(provider), "Toggle input").isEnabled());
        }
    }

    @Test
    @DisplayName("Ctrl+mouse wheel zooms the schematic")
    void ctrl_wheel_zooms() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "")) {
            double before = f.view.zoomManager().getZoom();
            Event e = new Event();
            e.stateMask = SWT.MOD1;
            e.count = 3;
            e.x = 100;
            e.y = 100;
            e.doit = true;
            f.canvas().notifyListeners(SWT.MouseWheel, e);
            assertTrue(f.view.zoomManager().getZoom() > before, "zoomed in: " + f.view.zoomManager().getZoom());
        }
    }

    @Test
    @DisplayName("Space toggles the selected input line")
    void space_toggles_the_selected_line() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "")) {
            LineEditPart part = f.line(6);
            f.view.viewer().select(part);
            int before = f.host.chip().inputLevel(6);
            Event e = new Event();
            e.character = ' ';
            e.keyCode = ' ';
            f.canvas().notifyListeners(SWT.KeyDown, e);
            f.canvas().notifyListeners(SWT.KeyUp, e);
            assertTrue(spinUntil(() -> f.host.chip().inputLevel(6) != before && part.switchFigure().isOn(), 5000));
        }
    }

    @Test
    @DisplayName("A chip with thousands of lines shows its first 1024 and says so")
    void huge_chip_is_capped() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(3000, "")) {
            assertEquals(ChipEditPart.MAX_SHOWN, f.chipPart().getChildren().size());
            assertEquals(null, f.line(ChipEditPart.MAX_SHOWN));
            f.host.chip().setInput(1000, 1, io.vgpio.core.Cause.USER);
            assertTrue(spinUntil(() -> f.line(1000).switchFigure().isOn(), 2000));
        }
    }

    /** The value column of a property in the sheet's tree, or null. */
    private static String shown(PropertySheet sheet, String property) {
        if (!(sheet.getCurrentPage().getControl() instanceof Tree tree)) {
            return null;
        }
        for (TreeItem category : tree.getItems()) {
            category.setExpanded(true);
            for (TreeItem item : category.getItems()) {
                if (property.equals(item.getText(0))) {
                    return item.getText(1);
                }
            }
        }
        return null;
    }

    private static boolean run(ContextMenuProvider provider, String text) {
        IAction action = find(build(provider), text);
        assertNotNull(action, text);
        assertTrue(action.isEnabled(), text + " enabled");
        action.run();
        return true;
    }

    @Test
    @DisplayName("With no device the view shows a message instead of the chip, and the chip again on start")
    void no_device_shows_a_message() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(4, "")) {
            assertTrue(f.view.showsDevice());
            DeviceService.get().stop();
            assertTrue(spinUntil(() -> !f.view.showsDevice(), 2000), "the message replaces the chip");
            assertNotEquals(null, f.view.viewer());
            assertEquals(null, f.view.chipPart(), "no edit parts (and no timers) without a device");
        }
    }
}
