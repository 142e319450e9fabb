package io.vgpio.ui.tests.debug;

import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.MessageType;
import io.vgpio.core.fault.FaultSpecException;
import io.vgpio.driver.GpioDriver;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.faults.FaultsView;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Faults view lists the device's fault rules and counts their hits as they happen. */
class FaultsViewTest {
    private GpioDriver driver;

    @AfterEach
    void cleanUp() throws Exception {
        if (driver != null) {
            driver.close();
        }
        DeviceService.get().stop();
    }

    @Test
    @DisplayName("A rule added through the view is in FaultRules, and its row counts hits as the guest meets it")
    void add_a_rule_and_watch_its_hits(@TempDir Path dir) throws Exception {
        DeviceSession host = UiTest.startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        FaultsView view = (FaultsView) page.showView(FaultsView.ID);
        ViewTestSupport.drainAsync();
        assertTrue(view.rows().isEmpty());
        assertNotNull(view.problem("on=request effect=sometimes"), "a bad effect is refused by the dialog");
        assertNotNull(view.problem("on=line line=99 effect=stuck:1"), "no line 99");
        assertThrows(FaultSpecException.class, () -> view.add("on=bogus"));
        assertNull(view.problem("on=request type=get-value line=0 effect=err count=2"));

        int id = view.add("on=request type=get-value line=0 effect=err count=2");
        assertEquals(1, host.faults().rules().size());
        assertEquals(id, host.faults().rules().get(0).id());
        waitFor("the row", () -> view.rows().size() == 1);
        assertEquals(String.join("|", Integer.toString(id), "request GET_VALUE line 0, count=2", "err", "0", "2",
                "enabled"), String.join("|", view.rows().get(0)));

        CompletableFuture<GpioDriver.Response> answer = CompletableFuture.supplyAsync(() -> {
            try {
                driver = GpioDriver.attach(dir.resolve("gpio.sock"));
                return driver.request(MessageType.GET_VALUE.wireValue(), 0, 0);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        waitFor("the guest's GET_VALUE answered", answer::isDone);
        assertFalse(answer.get().ok(), "answered ERR by the rule");
        waitFor("the row counts the hit", () -> "1".equals(view.rows().get(0)[3]) && "1".equals(view.rows().get(0)[4]));
        ViewTestSupport.drainAsync();
        view.table().redraw();
        view.table().update();
        Screens.save(page.getWorkbenchWindow().getShell(), "faults-view.png");

        host.faults().setEnabled(id, false);
        waitFor("the row says disabled", () -> "disabled".equals(view.rows().get(0)[5]));
        host.faults().delete(id);
        waitFor("the row goes", () -> view.rows().isEmpty());
    }
}
