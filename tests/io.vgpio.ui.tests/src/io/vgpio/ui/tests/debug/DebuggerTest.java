package io.vgpio.ui.tests.debug;

import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.MessageType;
import io.vgpio.core.breakpoint.Breakpoint;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.Trigger;
import io.vgpio.core.payload.Request;
import io.vgpio.driver.GpioDriver;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.debug.BreakpointFactory;
import io.vgpio.ui.debug.DebugTargets;
import io.vgpio.ui.debug.DeviceDebugTarget;
import io.vgpio.ui.debug.GpioBreakpoint;
import io.vgpio.ui.debug.GpioDebugModel;
import io.vgpio.ui.debug.GpioModelPresentation;
import io.vgpio.ui.debug.HitNavigator;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import io.vgpio.ui.traffic.TrafficView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.debug.ui.AbstractDebugView;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugger in the workbench: GPIO breakpoints in the platform's model, the device as a debug target. */
class DebuggerTest {
    private final IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
    private final GpioModelPresentation labels = new GpioModelPresentation();
    private GpioDriver driver;

    @BeforeEach
    void noBreakpoints() throws Exception {
        DebugTargets.get();
        manager.removeBreakpoints(manager.getBreakpoints(GpioDebugModel.MODEL_ID), true);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (driver != null) {
            driver.close();
        }
        manager.removeBreakpoints(manager.getBreakpoints(GpioDebugModel.MODEL_ID), true);
        DeviceService.get().stop();
    }

    private List<GpioBreakpoint> markers() {
        return Arrays.stream(manager.getBreakpoints(GpioDebugModel.MODEL_ID)).map(GpioBreakpoint.class::cast)
                .toList();
    }

    @Test
    @DisplayName("A breakpoint from the schematic's line menu is a platform breakpoint; enable and remove reach the device")
    void schematic_menu_breakpoint_is_mirrored_both_ways(@TempDir Path dir) throws Exception {
        DeviceSession host = UiTest.startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        MenuManager breakOn = SchematicBreakMenu.of(page, host, 3);
        assertEquals(List.of("Interrupt", "SET_VALUE", "GET_VALUE", "Level change", "Any request"),
                Arrays.stream(breakOn.getItems()).map(i -> action(i).getText().replace("&", "")).toList());
        SchematicBreakMenu.entry(breakOn, "SET_VALUE").run();

        waitFor("one platform breakpoint", () -> markers().size() == 1);
        GpioBreakpoint b = markers().get(0);
        assertEquals("on=request line=3 type=set-value action=hold", b.spec().format());
        List<Breakpoint> inDevice = host.breakpoints().list();
        assertEquals(1, inDevice.size());
        assertEquals(b.spec(), inDevice.get(0).spec());
        assertEquals("line 3 RESET: SET_VALUE request \u2014 hold (hits 0)", labels.getText(b));

        b.setEnabled(false);
        waitFor("disabled in the device", () -> !host.breakpoints().list().get(0).enabled());
        b.setEnabled(true);
        waitFor("enabled again in the device", () -> host.breakpoints().list().get(0).enabled());

        // The other way: the control socket's break add/disable/del show in the platform's model.
        int fromSocket = host.breakpoints().add(BreakpointSpec.parse("on=interrupt line=BUTTON"));
        waitFor("a marker for the device's breakpoint", () -> markers().size() == 2);
        host.breakpoints().setEnabled(fromSocket, false);
        waitFor("its marker disabled", () -> markers().stream().anyMatch(m -> !isEnabled(m)));
        host.breakpoints().remove(fromSocket);
        waitFor("its marker gone", () -> markers().size() == 1);

        // A new device gets the saved breakpoint installed.
        DeviceSession next = UiTest.startDevice(Files.createDirectories(dir.resolve("again")));
        waitFor("installed into the new device", () -> next.breakpoints().list().size() == 1);
        assertEquals(b.spec(), next.breakpoints().list().get(0).spec());

        manager.removeBreakpoint(b, true);
        waitFor("removed from the device", () -> next.breakpoints().list().isEmpty());
    }

    @Test
    @DisplayName("A hit suspends the debug target, selects the traffic row; Step releases one message, Resume the rest")
    void hit_suspends_selects_the_row_step_and_resume(@TempDir Path dir) throws Exception {
        DeviceSession host = UiTest.startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        TrafficView traffic = (TrafficView) page.showView(TrafficView.ID);
        GpioBreakpoint b = BreakpointFactory.add(BreakpointFactory.onLine(Trigger.REQUEST, MessageType.SET_VALUE, 0));
        waitFor("installed", () -> host.breakpoints().list().size() == 1);
        DeviceDebugTarget target = DebugTargets.get().target();
        assertNotNull(target);
        assertEquals(host, target.device());
        assertTrue(Arrays.asList(DebugPlugin.getDefault().getLaunchManager().getDebugTargets()).contains(target),
                "the target is in a launch the Debug view shows");
        assertEquals("vGPIO device on gpio.sock (running)", labels.getText(target));
        assertEquals("gpio.sock", target.getLaunch().getLaunchConfiguration().getName(), "the launch's name");
        DebugEvent[] suspended = new DebugEvent[1];
        IDebugEventSetListener hear = events -> {
            for (DebugEvent e : events) {
                if (e.getSource() == target && e.getKind() == DebugEvent.SUSPEND) {
                    suspended[0] = e;
                }
            }
        };
        DebugPlugin.getDefault().addDebugEventListener(hear);

        // The guest: SET_VALUE line 0 (held by the breakpoint), then GET_VALUE line 0 (waits in the ring).
        CompletableFuture<GpioDriver.Response> first = new CompletableFuture<>();
        CompletableFuture<GpioDriver.Response> second = CompletableFuture.supplyAsync(() -> {
            try {
                driver = GpioDriver.attach(dir.resolve("gpio.sock"));
                first.complete(heldRequest(driver, MessageType.SET_VALUE, 1));
                return heldRequest(driver, MessageType.GET_VALUE, 0);
            } catch (Exception e) {
                first.completeExceptionally(e);
                throw new RuntimeException(e);
            }
        });
        try {
            waitFor("the debug platform heard the suspend", () -> suspended[0] != null);
            assertEquals(DebugEvent.BREAKPOINT, suspended[0].getDetail());
            assertTrue(target.isSuspended());
            IThread thread = target.getThreads()[0];
            assertEquals("virtio-gpio device", thread.getName());
            assertEquals(List.of(b), Arrays.asList(thread.getBreakpoints()), "suspended by that breakpoint");
            String frame = thread.getTopStackFrame().getName();
            assertTrue(frame.contains("SET_VALUE"), frame);
            assertTrue(labels.getText(target).endsWith("(suspended: breakpoint 1 (line 0 SET_VALUE request))"),
                    labels.getText(target));
            assertFalse(first.isDone(), "the request is held, not answered");

            waitFor("the hit's traffic row selected", () -> traffic.getSite().getSelectionProvider()
                    .getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Event e
                    && e.kind() == EventKind.REQUEST && Request.of(e).type() == MessageType.SET_VALUE.wireValue());
            Event row = (Event) ((IStructuredSelection) traffic.getSite().getSelectionProvider().getSelection())
                    .getFirstElement();
            assertTrue(frame.startsWith("#" + row.seq() + " "), frame + " names row " + row.seq());
            assertTrue(HitNavigator.lastStatus().startsWith("Breakpoint 1 hit (line 0 SET_VALUE"),
                    HitNavigator.lastStatus());
            waitFor("the hit counted on the marker", () -> b.hits() == 1);
            assertEquals("line 0 LED: SET_VALUE request \u2014 hold (hits 1)", labels.getText(b));

            Tree breakpointsTree = tree(page.showView(GpioDebugPerspective.BREAKPOINTS));
            Tree debugTree = tree(page.showView(GpioDebugPerspective.DEBUG));
            waitFor("the Breakpoints view shows the breakpoint with its hit",
                    () -> texts(breakpointsTree).contains(labels.getText(b)));
            waitFor("the Debug view shows the suspended target, its thread and the held message",
                    () -> texts(debugTree).contains(labels.getText(target)) && texts(debugTree).contains(frame));
            ViewTestSupport.drainAsync();
            Screens.save(page.getWorkbenchWindow().getShell(), "debugger-suspended.png");

            assertTrue(thread.canStepOver());
            thread.stepOver();
            waitFor("Step answered the held SET_VALUE", first::isDone);
            assertTrue(first.get().ok());
            assertTrue(target.isSuspended(), "still held after a step");
            assertFalse(second.isDone(), "the GET_VALUE waits while the device is held");

            target.resume();
            waitFor("Resume answered the GET_VALUE", second::isDone);
            assertTrue(second.get().ok());
            assertFalse(target.isSuspended());
        } finally {
            DebugPlugin.getDefault().removeDebugEventListener(hear);
            if (host.breakpoints().halted() != null) {
                host.breakpoints().resume();
            }
        }
    }

    /** A request on line 0 that may wait as long as the test holds the device (request() waits 5 s only). */
    private static GpioDriver.Response heldRequest(GpioDriver d, MessageType type, long value) throws Exception {
        int head = d.submit(type.wireValue(), 0, value);
        d.kick(0);
        return d.awaitResponse(head, 120_000);
    }

    private static Tree tree(IViewPart view) {
        return (Tree) ((AbstractDebugView) view).getViewer().getControl();
    }

    /** The texts of every item the tree has made (the debug views fill theirs asynchronously). */
    private static List<String> texts(Tree tree) {
        List<String> all = new ArrayList<>();
        for (TreeItem i : tree.getItems()) {
            collect(i, all);
        }
        return all;
    }

    private static void collect(TreeItem item, List<String> all) {
        all.add(item.getText());
        for (TreeItem c : item.getItems()) {
            collect(c, all);
        }
    }

    private static boolean isEnabled(IBreakpoint b) {
        try {
            return b.isEnabled();
        } catch (Exception e) {
            return false;
        }
    }

    private static IAction action(IContributionItem item) {
        return ((ActionContributionItem) item).getAction();
    }
}
