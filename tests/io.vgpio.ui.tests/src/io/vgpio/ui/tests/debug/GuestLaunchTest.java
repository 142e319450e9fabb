package io.vgpio.ui.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.MessageType;
import io.vgpio.core.payload.Request;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.console.DeviceConsoleView;
import io.vgpio.ui.debug.DeviceDebugTarget;
import io.vgpio.ui.debug.GpioBreakpoint;
import io.vgpio.ui.debug.GpioDebugModel;
import io.vgpio.ui.debug.HitNavigator;
import io.vgpio.ui.debug.launch.GuestLaunchSettings;
import io.vgpio.ui.guest.GuestService;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.tests.guest.GuestOutput;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import io.vgpio.ui.traffic.TrafficView;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's UI test with the real guest (QEMU, TCG; slow: a boot): a "QEMU Guest with vGPIO" launch starts the
 * guest, the Debug view's model shows it, a breakpoint from the schematic's menu suspends it at the guest's
 * gpioset and the traffic row is selected; Resume lets gpioset finish.
 */
class GuestLaunchTest {
    /** Only a guard against a hung boot: the test waits for the guest's output, not for a time. */
    private final IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();

    @TempDir
    Path dir;
    private DeviceSession device;
    private DeviceConsoleView console;

    @AfterEach
    void stopAll() throws Exception {
        if (device != null && device.breakpoints().halted() != null) {
            device.breakpoints().resume();
        }
        manager.removeBreakpoints(manager.getBreakpoints(GpioDebugModel.MODEL_ID), true);
        GuestService.get().stop();
        DeviceService.get().stop();
    }

    @Test
    @DisplayName("The launch configuration boots the guest, a schematic breakpoint suspends gpioset, Resume ends it")
    void launch_break_and_resume() throws Exception {
        device = UiTest.startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        console = (DeviceConsoleView) page.showView(DeviceConsoleView.ID);
        console.showGuest();
        TrafficView traffic = (TrafficView) page.showView(TrafficView.ID);
        showAllTraffic(traffic);
        GpioBreakpoint b = breakOnSetValueFromTheSchematic(page, 0);

        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(GpioDebugModel.LAUNCH_TYPE).newInstance(null, "guest under test");
        GuestLaunchSettings.defaults().write(wc); // the project's guest, TCG, QMP on
        ILaunch launch = wc.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        DeviceDebugTarget target = assertInstanceOf(DeviceDebugTarget.class, launch.getDebugTarget());
        assertTrue(Arrays.asList(DebugPlugin.getDefault().getLaunchManager().getLaunches()).contains(launch));
        assertEquals(device, target.device());
        assertEquals("running", target.stateText());
        GuestOutput.awaitPrompt(console, device.socketPath());
        await("the device's QMP client connected to QEMU", () -> device.qmp() != null && device.qmp().connected());

        console.guestTerminal().type("gpioset gpiochip0 0=1; echo SET-DONE-$((6*7))\r");
        await("the breakpoint suspends the target", target::isSuspended);
        assertEquals(List.of(b), Arrays.asList(target.getThreads()[0].getBreakpoints()));
        assertTrue(target.stateText().startsWith("suspended: breakpoint "), target.stateText());
        await("the hit's traffic row selected", () -> traffic.getSite().getSelectionProvider()
                .getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Event e
                && e.kind() == EventKind.REQUEST && e.line() == 0
                && Request.of(e).type() == MessageType.SET_VALUE.wireValue());
        assertTrue(HitNavigator.lastStatus().startsWith("Breakpoint "), HitNavigator.lastStatus());
        assertFalse(thisGuestsOutput().contains("\nSET-DONE-42"), "gpioset waits while the device is held");

        target.resume();
        await("gpioset finished after Resume", () -> thisGuestsOutput().contains("\nSET-DONE-42"));
        assertFalse(target.isSuspended());
    }

    /** Right-click line LINE in the schematic, Break on ▸ SET_VALUE. */
    private GpioBreakpoint breakOnSetValueFromTheSchematic(IWorkbenchPage page, int line) throws Exception {
        SchematicBreakMenu.entry(SchematicBreakMenu.of(page, device, line), "SET_VALUE").run();
        UiTest.waitFor("installed", () -> device.breakpoints().list().size() == 1);
        return (GpioBreakpoint) manager.getBreakpoints(GpioDebugModel.MODEL_ID)[0];
    }

    /** Filters outlive a device (the view is the same): the hit's row must not be hidden by an earlier test's. */
    private static void showAllTraffic(TrafficView view) {
        ViewTestSupport.drainAsync();
        Shell shell = view.getSite().getShell();
        ((Combo) ViewTestSupport.find(shell, TrafficView.WIDGET_ID, TrafficView.ID_LINE)).setText("All lines");
        for (String id : new String[] {TrafficView.ID_TYPE, TrafficView.ID_STATUS}) {
            Combo c = ViewTestSupport.find(shell, TrafficView.WIDGET_ID, id);
            c.select(0);
            c.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
        ViewTestSupport.drainAsync();
    }

    private String thisGuestsOutput() {
        return GuestOutput.of(console, device.socketPath());
    }

    private static void await(String what, BooleanSupplier done) {
        GuestOutput.await(what, done);
    }
}
