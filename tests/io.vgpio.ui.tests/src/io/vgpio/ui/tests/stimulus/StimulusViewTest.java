package io.vgpio.ui.tests.stimulus;

import io.vgpio.ui.tests.UiTest;
import static io.vgpio.ui.tests.UiTest.spinUntil;
import static io.vgpio.ui.tests.UiTest.startDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.stimulus.StimulusDefaults;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.stimulus.StimulusView;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import io.vgpio.session.DeviceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stimulus view drives a real device's chip through its scheduler; pressed like a user would. */
class StimulusViewTest {
    private GpioDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        DeviceService.get().stop();
    }


    private static StimulusView open() throws Exception {
        IWorkbenchPage page = ViewTestSupport.perspective();
        StimulusView view = (StimulusView) page.showView(StimulusView.ID);
        ViewTestSupport.drainAsync(); // the view binds to the device just started
        return view;
    }

    private static <T extends Control> T w(StimulusView view, String id) {
        T c = ViewTestSupport.find(view.getSite().getShell(), StimulusView.WIDGET_ID, id);
        assertNotNull(c, id);
        return c;
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private static List<Event> levels(DeviceSession host, int line) {
        List<Event> out = new ArrayList<>();
        host.log().read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> {
            if (k == EventKind.LEVEL && l == line) {
                out.add(new Event(s, t, k, l, a, b));
            }
        });
        return out;
    }

    /** The problem labels of the view that are showing. */
    private static List<String> problems(Composite c) {
        List<String> out = new ArrayList<>();
        for (Control k : c.getChildren()) {
            if (k instanceof Label l && l.getVisible() && l.getForeground() != null
                    && l.getForeground().getRed() > 150 && l.getForeground().getGreen() < 50 && !l.getText().isEmpty()) {
                out.add(l.getText());
            }
            if (k instanceof Composite kc) {
                out.addAll(problems(kc));
            }
        }
        return out;
    }

    @Test
    @DisplayName("The pulse button makes a high and a low input on the chosen line, as long apart as asked")
    void pulse_button(@TempDir Path dir) throws Exception {
        DeviceSession host = startDevice(dir);
        StimulusView view = open();
        Combo line = w(view, StimulusView.ID_LINE);
        assertEquals("0 LED", line.getText(), "the first line by default");
        line.setText("3 RESET");
        assertEquals(3, view.line());
        Text width = w(view, StimulusView.ID_PULSE_WIDTH);
        assertEquals("1000", width.getText(), "default width");
        width.setText("2000");
        press(w(view, StimulusView.ID_PULSE));
        assertTrue(spinUntil(() -> levels(host, 3).size() == 2, 5000), "two LEVEL events: " + levels(host, 3));
        List<Event> l = levels(host, 3);
        assertEquals(1, l.get(0).a());
        assertEquals(0, l.get(1).a());
        assertEquals(Cause.USER.wire(), l.get(0).b());
        long us = (l.get(1).timeNanos() - l.get(0).timeNanos()) / 1000;
        System.out.printf(Locale.ROOT, "StimulusView: a 2000 us pulse from the button lasted %d us%n", us);
        // Never shorter than asked; how much longer is a figure ('vgpio bench --models' measures edge timing), since a
        // loaded machine may preempt the timer thread for any time.
        assertTrue(us >= 2000, us + " us");
        Label status = w(view, StimulusView.ID_STATUS);
        assertTrue(spinUntil(() -> status.getText().startsWith("Done: pulse of 2,000"), 30_000), status.getText());

        // Toggle and the live level display.
        Label level = w(view, "stimulus.level");
        // The level display follows the chip on its own timer, not the pulse's end: wait for it to show the low.
        assertTrue(spinUntil(() -> level.getText().contains("low"), 2000), level.getText());
        press(w(view, StimulusView.ID_TOGGLE));
        assertTrue(spinUntil(() -> level.getText().contains("high"), 2000), level.getText());
        assertEquals(1, host.chip().inputLevel(3));
        host.chip().setInput(3, 0, Cause.USER);
        assertTrue(spinUntil(() -> level.getText().contains("low"), 2000), "the view follows the chip");

        // A pulse train and a bounce run on the device's scheduler thread, one after the other. (How long the
        // buttons take to return is a figure for a benchmark, not a test.) The train is made faster than the
        // shared default (ten blinks in two seconds, for people to watch).
        assertEquals(Long.toString(StimulusDefaults.TRAIN_PERIOD_US),
                ((Text) w(view, StimulusView.ID_TRAIN_PERIOD)).getText(), "the shared default period");
        ((Text) w(view, StimulusView.ID_TRAIN_PERIOD)).setText("20000");
        ((Text) w(view, StimulusView.ID_TRAIN_WIDTH)).setText("10000");
        press(w(view, StimulusView.ID_TRAIN));
        press(w(view, StimulusView.ID_BOUNCE));
        // 10 pulses of 10 ms every 20 ms: 20 edges, then the bounce's transitions (the view may be the one an
        // earlier test typed into).
        int bounce = Integer.parseInt(((Text) w(view, StimulusView.ID_BOUNCE_TRANSITIONS)).getText());
        assertTrue(spinUntil(() -> levels(host, 3).size() == 4 + 20 + bounce, 5000),
                "levels " + levels(host, 3).size());
    }

    @Test
    @DisplayName("Bad fields say what is wrong and disable their button; good ones enable it again")
    void validation(@TempDir Path dir) throws Exception {
        startDevice(dir);
        StimulusView view = open();
        Composite shell = ((Label) w(view, StimulusView.ID_STATUS)).getParent(); // the view's own controls
        Button train = w(view, StimulusView.ID_TRAIN);
        assertTrue(train.isEnabled());
        assertTrue(problems(shell).isEmpty(), problems(shell).toString());

        Text period = w(view, StimulusView.ID_TRAIN_PERIOD);
        period.setText("5000");
        assertFalse(train.isEnabled(), "period shorter than the width");
        assertEquals(List.of("The period (5,000 \u00b5s) must be longer than the width (100,000 \u00b5s): the line goes"
                + " low between pulses."), problems(shell));
        period.setText("200000");
        assertTrue(train.isEnabled());
        assertTrue(problems(shell).isEmpty());

        Text width = w(view, StimulusView.ID_PULSE_WIDTH);
        width.setText("1 ms");
        assertFalse(((Button) w(view, StimulusView.ID_PULSE)).isEnabled());
        assertEquals(List.of("Pulse width must be a whole number, not \"1 ms\"."), problems(shell));
        width.setText("0");
        assertEquals(List.of("Pulse width must be from 1 to 60,000,000, not 0."), problems(shell));
        width.setText("1000");

        Text transitions = w(view, StimulusView.ID_BOUNCE_TRANSITIONS);
        transitions.setText("");
        assertEquals(List.of("Transition count is empty: type a whole number from 1 to 10,000."), problems(shell));
        transitions.setText("8");
        ((Text) w(view, StimulusView.ID_BOUNCE_DURATION)).setText("7");
        assertEquals(List.of("8 transitions do not fit in 7 \u00b5s: allow at least 1 \u00b5s each."), problems(shell));
        assertFalse(((Button) w(view, StimulusView.ID_BOUNCE)).isEnabled());
        ((Text) w(view, StimulusView.ID_BOUNCE_DURATION)).setText("5000");
        assertTrue(problems(shell).isEmpty());
        transitions.setText(Long.toString(StimulusDefaults.BOUNCE_TRANSITIONS));

        Combo line = w(view, StimulusView.ID_LINE);
        line.setText("12");
        assertEquals(-1, view.line());
        assertEquals(1, problems(shell).size());
        assertTrue(problems(shell).get(0).startsWith("No line \"12\""), problems(shell).toString());
        assertFalse(train.isEnabled());
        line.setText("BUTTON");
        assertEquals(1, view.line(), "a line by name");
        assertTrue(train.isEnabled());
        assertTrue(problems(shell).isEmpty());
    }

    @Test
    @DisplayName("Screenshot: the stimulus view on an armed input line")
    void screenshot(@TempDir Path dir) throws Exception {
        DeviceSession host = startDevice(dir);
        StimulusView view = open();
        CompletableFuture<GpioDriver> guest = CompletableFuture.supplyAsync(() -> {
            try {
                GpioDriver d = GpioDriver.attach(dir.resolve("gpio.sock"));
                d.request(MessageType.SET_DIRECTION.wireValue(), 1, Direction.IN.wireValue());
                d.request(MessageType.SET_IRQ_TYPE.wireValue(), 1, IrqType.EDGE_BOTH.wireValue());
                d.queueIrqBuffer(1);
                return d;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(spinUntil(guest::isDone, 10_000));
        driver = guest.get();
        Combo line = w(view, StimulusView.ID_LINE);
        line.setText("1 BUTTON");
        press(w(view, StimulusView.ID_HIGH));
        assertTrue(spinUntil(() -> host.chip().inputLevel(1) == 1, 2000));
        Label state = w(view, StimulusView.ID_STATE);
        assertTrue(spinUntil(() -> state.getText().contains("edge-both"), 2000), state.getText());
        UiTest.drain();
        Composite part = line.getParent().getParent().getParent().getParent(); // group, root, scroller, part
        UiTest.screenshot(part, "stimulus.png"); // for people to look at
        // And with a field in error, for the record.
        ((Text) w(view, StimulusView.ID_TRAIN_PERIOD)).setText("5000");
        UiTest.drain();
        UiTest.screenshot(part, "stimulus-invalid.png");
        ((Text) w(view, StimulusView.ID_TRAIN_PERIOD)).setText("200000");
    }
}
