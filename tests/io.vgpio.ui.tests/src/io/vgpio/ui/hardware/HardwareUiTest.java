package io.vgpio.ui.hardware;

import static io.vgpio.ui.tests.UiTest.screenshot;
import static io.vgpio.ui.tests.UiTest.drain;
import static io.vgpio.ui.tests.UiTest.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.schematic.figures.LineFigure;
import io.vgpio.ui.schematic.properties.LinePropertySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hardware bindings in the workbench. This machine has no GPIO chip, so the bindings here wait for a board that is
 * not plugged in: the schematic's mark, the GPIO Hardware view, the properties, the saved configuration and the
 * bind dialog are checked against that real state (the guest test binds real gpio-sim lines).
 */
class HardwareUiTest {
    private static final String PERSPECTIVE = "io.vgpio.app.perspective";

    @AfterEach
    void stop() {
        DeviceService.get().stop();
    }

    private static IWorkbenchPage page() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        window.getShell().setBounds(0, 0, 1600, 1000);
        return PlatformUI.getWorkbench().showPerspective(PERSPECTIVE, window);
    }

    @Test
    @DisplayName("A configured binding whose board is unplugged is kept, marked red, listed, saved, and can be unbound")
    void waiting_binding_is_shown_and_unbound() throws Exception {
        Path dir = Files.createTempDirectory("vgpio-hw");
        DeviceConfig config = DeviceConfig.parse(List.of("lines = 8", "name.2 = BUTTON",
                "bind.2 = in my-usb-board:3 bias=pull-up"), "test.conf").build();
        DeviceService.get().start(config, dir.resolve("gpio.sock"), null);
        IWorkbenchPage page = page();
        SchematicView schematic = (SchematicView) page.showView(SchematicView.ID);

        BindingStatus s = HardwareService.get().status(2);
        assertEquals(BindingStatus.State.UNPLUGGED, s.state(), s.message());
        assertTrue(s.message().contains("no GPIO chip 'my-usb-board'"), s.message());

        assertTrue(spinUntil(() -> schematic.linePart(2) != null
                && schematic.linePart(2).lineFigure().binding() != null, 5000), "the schematic marks line 2");
        LineFigure figure = schematic.linePart(2).lineFigure();
        assertTrue(figure.bindingProblem(), "an unplugged binding is marked as a problem");
        assertTrue(figure.binding().startsWith("in my-usb-board:3 bias=pull-up"), figure.binding());
        assertNull(schematic.linePart(1).lineFigure().binding(), "line 1 is not bound");
        IPropertySource props = (IPropertySource) schematic.linePart(2).getAdapter(IPropertySource.class);
        assertTrue(((String) props.getPropertyValue(LinePropertySource.HARDWARE)).contains("unplugged"));

        HardwareView view = (HardwareView) page.showView(HardwareView.ID);
        view.refresh();
        Table table = view.bindingsTable();
        assertEquals(1, table.getItemCount());
        assertEquals("2", table.getItem(0).getText(0));
        assertEquals("unplugged", table.getItem(0).getText(1));
        // The summary describes this machine's chips: none in CI, some on a developer's laptop.
        boolean noChips = io.vgpio.gpiocdev.GpioChips.list().isEmpty();
        assertEquals(noChips, view.summaryLabel().getText().startsWith("No GPIO chips on this machine"),
                view.summaryLabel().getText());
        page.activate(schematic);
        drain();
        screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "hardware-binding-waiting.png");
        page.showView(HardwareView.ID);
        drain();
        screenshot(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "hardware-view.png");

        assertTrue(HardwareService.get().currentConfig().format().contains("bind.2 = in my-usb-board:3 bias=pull-up"),
                "Save Configuration writes the binding");

        assertTrue(HardwareService.get().unbind(2));
        assertTrue(spinUntil(() -> schematic.linePart(2).lineFigure().binding() == null, 3000),
                "the mark goes with the binding");
        view.refresh();
        assertEquals(0, table.getItemCount());
        assertFalse(HardwareService.get().currentConfig().format().contains("bind.2"));
        assertEquals("(not bound)", props.getPropertyValue(LinePropertySource.HARDWARE));
    }

    @Test
    @DisplayName("Binding from the UI to a chip that does not exist fails with a clear message and changes nothing")
    void binding_a_missing_chip_fails_cleanly() throws Exception {
        Path dir = Files.createTempDirectory("vgpio-hw");
        DeviceService.get().start(DeviceConfig.defaults(), dir.resolve("gpio.sock"), null);
        GpioException e = assertThrows(GpioException.class,
                () -> HardwareService.get().bind(LineBinding.input(4, "vgpio-test-no-such-board", "1")));
        assertTrue(e.getMessage().contains("no GPIO chip"), e.getMessage());
        assertNull(HardwareService.get().status(4));
        assertTrue(HardwareService.get().statuses().isEmpty());
    }

    @Test
    @DisplayName("The bind dialog builds the configuration's form and explains a bad entry as it is typed")
    void bind_dialog_validates() throws Exception {
        Path dir = Files.createTempDirectory("vgpio-hw");
        DeviceService.get().start(DeviceConfig.builder().lines(8).namesList(",,BUTTON").build(),
                dir.resolve("gpio.sock"), null);
        BindDialog d = new BindDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                HardwareService.get().currentConfig(), 2, "my-usb-board", 3);
        d.setBlockOnOpen(false);
        d.open();
        try {
            drain();
            assertEquals("in my-usb-board:3 bias=as-is", d.spec());
            assertNull(d.shownError());
            assertTrue(d.okEnabled());
            d.debounceField().setText("5 minutes");
            assertTrue(spinUntil(() -> d.shownError() != null, 5000), "an error for a bad entry");
            assertTrue(d.shownError() != null && d.shownError().contains("unknown binding option 'minutes'"),
                    String.valueOf(d.shownError()));
            assertFalse(d.okEnabled(), "a bad entry cannot be confirmed");
            d.debounceField().setText("5ms");
            assertTrue(spinUntil(() -> d.shownError() == null, 5000), "the error goes: " + d.shownError());
            assertEquals("in my-usb-board:3 bias=as-is debounce=5ms", d.spec());
            assertTrue(d.okEnabled(), "a corrected entry can be confirmed again");
            screenshot(d.getShell(), "hardware-bind-dialog.png");
        } finally {
            d.close();
        }
    }
}
