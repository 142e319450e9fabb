package io.vgpio.ui.console;

import io.vgpio.ui.DeviceService;
import io.vgpio.session.DeviceSession;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * The device's console: the QEMU command line that attaches a guest (with a Copy button), the backend's log, and
 * the serial console of a guest launched from the workbench.
 */
public final class DeviceConsoleView extends ViewPart {
    public static final String ID = "io.vgpio.ui.console";
    private static final int REFRESH_MILLIS = 200;

    private Text qemu;
    private TabFolder tabs;
    private Text deviceText;
    private Text guestText;
    private long deviceVersion = -1;
    private long guestVersion = -1;
    private DeviceSession shown;
    private final Consumer<DeviceSession> listener = h -> {
        Display d = Display.getDefault();
        d.asyncExec(this::refreshDevice);
    };
    private final Runnable tick = this::tick;

    @Override
    public void createPartControl(Composite parent) {
        DeviceLogHandler.install();
        parent.setLayout(new GridLayout(3, false));
        Label l = new Label(parent, SWT.NONE);
        l.setText("Attach a guest:");
        qemu = new Text(parent, SWT.SINGLE | SWT.READ_ONLY | SWT.BORDER);
        qemu.setFont(JFaceResources.getTextFont());
        qemu.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button copy = new Button(parent, SWT.PUSH);
        copy.setText("Copy");
        copy.setToolTipText("Copy the QEMU command line to the clipboard");
        copy.addListener(SWT.Selection, e -> copyQemuCommandLine());

        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        deviceText = tab("Device", "Backend log: connections, warnings, driver-rule violations, malformed chains");
        guestText = tab("Guest", "Serial console of the guest started with Device > Run Guest");

        Action clear = new Action("Clear") {
            @Override
            public void run() {
                (tabs.getSelectionIndex() == 1 ? ConsoleBuffer.GUEST : ConsoleBuffer.DEVICE).clear();
            }
        };
        clear.setToolTipText("Clear the shown console");
        getViewSite().getActionBars().getToolBarManager().add(clear);

        DeviceService.get().addListener(listener);
        refreshDevice();
        parent.getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    private Text tab(String title, String tip) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setToolTipText(tip);
        Text t = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setFont(JFaceResources.getTextFont());
        item.setControl(t);
        return t;
    }

    /** Shows the current device's QEMU command line. */
    private void refreshDevice() {
        if (qemu == null || qemu.isDisposed()) {
            return;
        }
        shown = DeviceService.get().current();
        qemu.setText(shown == null ? "(no device is serving: Device > Start Device)" : shown.qemuCommandLine());
    }

    public void copyQemuCommandLine() {
        DeviceSession h = DeviceService.get().current();
        if (h == null) {
            return;
        }
        Clipboard cb = new Clipboard(qemu.getDisplay());
        try {
            cb.setContents(new Object[] {h.qemuCommandLine()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    private void tick() {
        if (deviceText == null || deviceText.isDisposed()) {
            return;
        }
        DeviceLogHandler.install().poll(DeviceService.get().current());
        deviceVersion = show(ConsoleBuffer.DEVICE, deviceText, deviceVersion);
        guestVersion = show(ConsoleBuffer.GUEST, guestText, guestVersion);
        if (shown != DeviceService.get().current()) {
            refreshDevice();
        }
        deviceText.getDisplay().timerExec(REFRESH_MILLIS, tick);
    }

    private static long show(ConsoleBuffer buffer, Text text, long shownVersion) {
        long v = buffer.version();
        if (v != shownVersion) {
            text.setText(buffer.text());
            text.setSelection(text.getCharCount());
        }
        return v;
    }

    /** The text shown in a tab (for tests). */
    public String text(boolean guest) {
        return (guest ? guestText : deviceText).getText();
    }

    /** Brings the guest console to the front. */
    public void showGuest() {
        tabs.setSelection(1);
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(listener);
        super.dispose();
    }
}
