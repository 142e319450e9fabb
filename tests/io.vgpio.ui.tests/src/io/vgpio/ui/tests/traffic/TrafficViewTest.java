package io.vgpio.ui.tests.traffic;

import io.vgpio.ui.tests.UiTest;
import static io.vgpio.ui.tests.traffic.ViewTestSupport.find;
import static io.vgpio.ui.tests.UiTest.spinUntil;
import static io.vgpio.ui.tests.UiTest.startDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Direction;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.traffic.TrafficView;
import io.vgpio.session.DeviceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic table against a real device and the Java driver (io.vgpio.driver), on the UI thread of a workbench. */
class TrafficViewTest {
    private static final int TYPE = 3;
    private static final int LINE = 4;
    private static final int STATUS = 6;
    private static final int PAIR = 8;

    private GpioDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
        DeviceService.get().stop();
    }


    private static TrafficView openView(IWorkbenchPage page) throws Exception {
        TrafficView view = (TrafficView) page.showView(TrafficView.ID);
        ViewTestSupport.drainAsync(); // the view binds to the device just started
        // Filters outlive a device (the view is the same): start from the defaults.
        Composite bar = filterBarOf(view);
        ((Combo) find(bar, TrafficView.WIDGET_ID, TrafficView.ID_LINE)).setText("All lines");
        for (String id : new String[] {TrafficView.ID_TYPE, TrafficView.ID_STATUS}) {
            Combo c = find(bar, TrafficView.WIDGET_ID, id);
            c.select(0);
            c.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
        ViewTestSupport.drainAsync();
        return view;
    }

    /** A guest's session: set up two lines, read them, break two rules, get an interrupt and an INVALID. */
    private GpioDriver guestSession(DeviceSession host, Path socket) throws Exception {
        GpioDriver d = GpioDriver.attach(socket);
        d.request(MessageType.SET_VALUE.wireValue(), 0, 1);
        d.request(MessageType.SET_DIRECTION.wireValue(), 0, Direction.OUT.wireValue());
        d.request(MessageType.GET_VALUE.wireValue(), 0, 0);
        d.request(MessageType.SET_DIRECTION.wireValue(), 1, Direction.IN.wireValue());
        d.request(MessageType.GET_DIRECTION.wireValue(), 1, 0);
        d.request(MessageType.SET_IRQ_TYPE.wireValue(), 1, IrqType.EDGE_BOTH.wireValue());
        d.queueIrqBuffer(1);
        host.chip().setInput(1, 1, Cause.USER);
        assertNotNull(d.awaitInterrupt(5000), "interrupt for line 1");
        d.request(MessageType.SET_DIRECTION.wireValue(), 3, Direction.OUT.wireValue()); // OUT before SET_VALUE
        d.request(MessageType.GET_VALUE.wireValue(), 9, 0); // no line 9: ERR and a violation
        d.queueIrqBuffer(3); // trigger type none: INVALID
        d.awaitInterrupt(5000);
        return d;
    }

    private static String cell(TrafficView v, int row, int col) {
        return v.rowCells(row)[col];
    }

    /** Clicks a row as a user would (scrolled into view first). */
    private static void click(TrafficView v, int row, int stateMask) {
        TableItem item = v.showRow(row);
        v.table().setSelection(item);
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        e.stateMask = stateMask;
        v.table().notifyListeners(SWT.Selection, e);
    }

    private static List<Integer> rowsWhere(TrafficView v, int col, String text) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < v.rowCount(); i++) {
            if (cell(v, i, col).contains(text)) {
                rows.add(i);
            }
        }
        return rows;
    }

    @Test
    @DisplayName("Requests, responses, interrupts, INVALID returns and violations appear decoded; a line filter narrows")
    void decoded_rows_and_line_filter(@TempDir Path dir) throws Exception {
        DeviceSession host = startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        TrafficView view = openView(page);
        Table table = view.table();
        CompletableFuture<GpioDriver> session = CompletableFuture.supplyAsync(() -> {
            try {
                return guestSession(host, dir.resolve("gpio.sock"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(spinUntil(session::isDone, 20_000), "the guest session ends");
        driver = session.get(1, TimeUnit.SECONDS);
        // 8 requests + 8 responses, 1 eventq buffer held, 1 interrupt, 1 INVALID return, 4 violations (OUT before
        // SET_VALUE, line 9, IRQ on an output, unmask before enable); no level, direction or IRQ type changes.
        assertTrue(spinUntil(() -> view.rowCount() >= 23, 5000), () -> "rows: " + view.rowCount() + "\n" + dump(view));
        view.refreshNow(); // the session is over: the view has read the whole log, and no row is missing or extra
        assertEquals(23, view.rowCount(), () -> dump(view));
        // Following live, the table shows the newest rows.
        assertEquals(Long.toString(view.seqAt(22)), table.getItem(table.getItemCount() - 1).getText(0));

        List<Integer> setValue = rowsWhere(view, TYPE, "SET_VALUE");
        assertEquals(2, setValue.size(), "request and response of SET_VALUE");
        int req = setValue.get(0);
        int resp = setValue.get(1);
        assertTrue(cell(view, req, TYPE).startsWith("\u25b6"), cell(view, req, TYPE));
        assertEquals("0 LED", cell(view, req, LINE));
        assertEquals("1", cell(view, req, 5), "value");
        assertEquals("OK", cell(view, resp, STATUS));
        assertEquals("\u2192 " + view.seqAt(resp), cell(view, req, PAIR), "request links its response");
        assertEquals("\u2190 " + view.seqAt(req), cell(view, resp, PAIR), "response links its request");

        List<Integer> line9 = rowsWhere(view, LINE, "9 (no such line)");
        assertTrue(line9.size() >= 3, "request, violation and response for line 9: " + line9);
        assertTrue(line9.stream().anyMatch(r -> cell(view, r, STATUS).equals("ERR")), "ERR response");
        assertTrue(line9.stream().anyMatch(r -> cell(view, r, TYPE).equals("violation")), "violation");
        assertEquals(1, rowsWhere(view, STATUS, "VALID").stream()
                .filter(r -> cell(view, r, TYPE).contains("interrupt")).count(), "one interrupt");
        assertEquals(1, rowsWhere(view, STATUS, "INVALID").size(), "one INVALID return");
        assertTrue(rowsWhere(view, TYPE, "level").isEmpty(), "no level changes by default");

        // Filter by line 1 (BUTTON): its requests, responses, eventq buffer and interrupt only.
        int all = view.rowCount();
        Combo line = find(filterBarOf(view), TrafficView.WIDGET_ID, TrafficView.ID_LINE);
        line.setText("1");
        assertTrue(spinUntil(() -> view.rowCount() < all, 2000), "fewer rows with a line filter");
        assertEquals(8, view.rowCount(), "3 requests, 3 responses, 1 buffer, 1 interrupt on line 1");
        spinUntil(() -> table.getItemCount() == 8, 1000);
        assertEquals(8, table.getItemCount(), () -> "all on screen: area " + table.getClientArea() + " size " + table.getSize() + " hbar " + table.getHorizontalBar().getVisible() + " " + table.getHorizontalBar().getSize() + " item height "
                + table.getItemHeight() + " header " + table.getHeaderHeight() + " top " + view.topRow());
        for (int i = 0; i < view.rowCount(); i++) {
            assertEquals("1 BUTTON", cell(view, i, LINE), "row " + i);
        }
        line.setText("");
        assertTrue(spinUntil(() -> view.rowCount() == all, 2000), "all rows without a filter");
        line.setText("BUTTON");
        assertTrue(spinUntil(() -> view.rowCount() == 8, 2000), "a line name filters as its number: "
                + view.rowCount());
        line.setText("");
        assertTrue(spinUntil(() -> view.rowCount() == all, 2000), "all rows again");

        // Selecting a row publishes its event; double-click goes to the partner.
        click(view, req, 0);
        ISelection sel = view.getSite().getSelectionProvider().getSelection();
        IStructuredSelection ss = assertInstanceOf(IStructuredSelection.class, sel);
        Event e = assertInstanceOf(Event.class, ss.getFirstElement());
        assertEquals(EventKind.REQUEST, e.kind());
        assertEquals(view.seqAt(req), e.seq());
        table.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        Event partner = (Event) ((IStructuredSelection) view.getSite().getSelectionProvider().getSelection())
                .getFirstElement();
        assertEquals(EventKind.RESPONSE, partner.kind());
        assertEquals(view.seqAt(resp), partner.seq());
        assertEquals(resp - view.topRow(), table.getSelectionIndex(), "the partner's row is selected");

        // Status filter: the problems only.
        Combo status = find(filterBarOf(view), TrafficView.WIDGET_ID, TrafficView.ID_STATUS);
        status.select(status.getItemCount() - 1);
        status.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(spinUntil(() -> view.rowCount() < all, 2000));
        for (int i = 0; i < view.rowCount(); i++) {
            String s = cell(view, i, STATUS);
            assertTrue(s.equals("ERR") || s.equals("INVALID") || s.equals("MUST") || s.equals("SHOULD"),
                    "row " + i + " status " + s);
        }
        assertEquals(6, view.rowCount(), "the ERR response, the INVALID return, 4 violations");
        status.select(0);
        status.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    @Test
    @DisplayName("A million events: the table shows its last row, dropped rows go, a filter applies (timings printed)")
    void million_rows_are_shown_cut_and_filtered(@TempDir Path dir) throws Exception {
        DeviceSession host = startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        TrafficView view = openView(page);
        Table table = view.table();
        EventLog log = host.log();
        int n = 1_000_000;
        int get = MessageType.GET_VALUE.wireValue();
        for (int i = 0; i < n / 2; i++) {
            log.append(i % 8, new Request(get, 0, i % 64));
            log.append(i % 8, new Response(get, Protocol.STATUS_OK, i & 1, 4_000 + i % 1000));
        }
        long t0 = System.nanoTime();
        long[] stall = {0};
        boolean shown = spinUntilTimed(() -> view.rowCount() == n && lastRowShown(view, n - 1), 20_000, stall);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "TrafficView: %,d events -> %,d rows, last row shown after %d ms; longest"
                + " UI-thread stall %.1f ms%n", n, view.rowCount(), ms, stall[0] / 1e6);
        assertTrue(shown, "rows " + view.rowCount() + ", last row shown " + lastRowShown(view, n - 1));

        // The ring is 1,048,576 events: 100,000 more drop the oldest 51,424, whose rows must go.
        for (int i = 0; i < 50_000; i++) {
            log.append(2, new Request(get, 0, 0));
            log.append(2, new Response(get, Protocol.STATUS_OK, 0, 4_000));
        }
        long first = log.firstSeq();
        assertTrue(first > 0, "the ring dropped");
        long t1 = System.nanoTime();
        long[] stall2 = {0};
        boolean cut = spinUntilTimed(() -> view.rowCount() == n + 100_000 - first
                && lastRowShown(view, n + 100_000 - 1), 20_000, stall2);
        System.out.printf(Locale.ROOT, "TrafficView: ring dropped %,d events; rows cut and 100,000 added in %d ms;"
                + " longest stall %.1f ms%n", first, (System.nanoTime() - t1) / 1_000_000, stall2[0] / 1e6);
        assertTrue(cut, "rows " + view.rowCount());
        assertEquals(first, view.seqAt(0), "the first row is the oldest event held");
        assertEquals(Long.toString(first), view.showRow(0).getText(0));

        // A filter over a million events: rebuilt without freezing the UI.
        Combo line = find(filterBarOf(view), TrafficView.WIDGET_ID, TrafficView.ID_LINE);
        long[] count3 = {0};
        log.read(0, Integer.MAX_VALUE, (s, t, k, l, a, b) -> count3[0] += l == 3 ? 1 : 0);
        int onLine3 = (int) count3[0];
        long t2 = System.nanoTime();
        long[] stall3 = {0};
        line.setText("3"); // the filter applies at once (its first indexing slice runs here)
        stall3[0] = System.nanoTime() - t2;
        boolean filtered = spinUntilTimed(() -> view.rowCount() == onLine3 && lastRowShown(view, -1), 20_000,
                stall3);
        System.out.printf(Locale.ROOT, "TrafficView: line filter over %,d events -> %,d rows in %d ms; longest"
                + " stall %.1f ms%n", log.size(), view.rowCount(), (System.nanoTime() - t2) / 1_000_000,
                stall3[0] / 1e6);
        assertTrue(filtered, "rows " + view.rowCount());
        assertTrue(view.rowCells(view.rowCount() - 1)[4].startsWith("3"));
        Files.createDirectories(UiTest.SHOTS);
    }

    /** The table's last item shows the row of that event (any row when seq is -1), and it is the last row. */
    private static boolean lastRowShown(TrafficView v, long seq) {
        Table t = v.table();
        int items = t.getItemCount();
        if (items == 0 || v.topRow() + items != v.rowCount()) {
            return false;
        }
        String text = t.getItem(items - 1).getText(0);
        return seq < 0 ? !text.isEmpty() : text.equals(Long.toString(seq));
    }

    /** The view's own controls (filter bar, table, summary). */
    private static Composite filterBarOf(TrafficView v) {
        return v.table().getParent().getParent();
    }

    private static String dump(TrafficView v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(60, v.rowCount()); i++) {
            sb.append(String.join(" | ", v.rowCells(i))).append('\n');
        }
        return sb.toString();
    }

    /** Like spinUntil, recording the longest single dispatch (a timer tick, a paint) in stall[0], ns. */
    private static boolean spinUntilTimed(java.util.function.BooleanSupplier done, long timeoutMillis, long[] stall) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() >= end) {
                return false;
            }
            long t = System.nanoTime();
            boolean busy = d.readAndDispatch();
            long took = System.nanoTime() - t;
            stall[0] = Math.max(stall[0], took);
            if (!busy) {
                d.timerExec(5, () -> { });
                d.sleep();
            }
        }
        return true;
    }

    @Test
    @DisplayName("Screenshot: the traffic of a guest session in the GPIO Debug perspective")
    void screenshot(@TempDir Path dir) throws Exception {
        DeviceSession host = startDevice(dir);
        IWorkbenchPage page = ViewTestSupport.perspective();
        TrafficView view = openView(page);
        CompletableFuture<GpioDriver> session = CompletableFuture.supplyAsync(() -> {
            try {
                return guestSession(host, dir.resolve("gpio.sock"));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(spinUntil(session::isDone, 20_000));
        driver = session.get();
        assertTrue(spinUntil(() -> view.rowCount() >= 23, 5000), "rows: " + view.rowCount());
        // Select a request: it and its response (tinted) stand out.
        List<Integer> rows = rowsWhere(view, TYPE, "GET_DIRECTION");
        click(view, rows.get(0), 0);
        UiTest.drain();
        UiTest.screenshot(view.table().getParent().getParent(), "traffic.png"); // for people to look at
        assertFalse(view.table().isDisposed());
    }
}
