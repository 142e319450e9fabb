package io.vgpio.ui.console;

import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.ui.guest.GuestProcess;
import io.vgpio.ui.guest.GuestService;
import java.util.function.Consumer;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;

/**
 * The device's console: the QEMU command line that attaches a guest and the control socket's path (each with a
 * Copy button), the backend's log, and the serial console of a guest launched from the workbench as a terminal
 * one types into.
 */
public final class DeviceConsoleView extends ViewPart {
    public static final String ID = "io.vgpio.ui.console";
    private static final int REFRESH_MILLIS = 200;
    /** The guest's echo of a typed key should come back at typing speed. */
    private static final int GUEST_REFRESH_MILLIS = 40;
    private static final int GUEST_TAB = 1;

    private DeviceHeader header;
    private TabFolder tabs;
    private Text deviceText;
    private GuestTerminal guest;
    private long deviceVersion = -1;
    private long lastDeviceTick;
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
        header = new DeviceHeader(parent);

        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        TabItem device = tab("Device", "Backend log: connections, warnings, driver-rule violations, malformed"
                + " chains");
        deviceText = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        deviceText.setFont(JFaceResources.getTextFont());
        device.setControl(deviceText);
        TabItem guestTab = tab("Guest", "Serial console of the guest started with Device > Run Guest: type into it;"
                + " Ctrl+C with nothing selected interrupts the guest's program");
        guest = new GuestTerminal(tabs, GuestInput.INSTANCE);
        guestTab.setControl(guest.control());

        Action clear = new Action("Clear") {
            @Override
            public void run() {
                (tabs.getSelectionIndex() == GUEST_TAB ? ConsoleBuffer.GUEST : ConsoleBuffer.DEVICE).clear();
            }
        };
        clear.setToolTipText("Clear the shown console");
        clear.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ETOOL_CLEAR));
        getViewSite().getActionBars().getToolBarManager().add(clear);
        activateTerminalHandlers();

        DeviceService.get().addListener(listener);
        refreshDevice();
        parent.getDisplay().timerExec(GUEST_REFRESH_MILLIS, tick);
    }

    /**
     * Ctrl+C and Ctrl+V are the workbench's Copy and Paste: in the guest's terminal, Copy without a selection is
     * Ctrl+C for the guest, and Paste types the clipboard into it.
     */
    private void activateTerminalHandlers() {
        IHandlerService hs = getSite().getService(IHandlerService.class);
        hs.activateHandler(IWorkbenchCommandConstants.EDIT_COPY, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent e) {
                if (guest.isFocused()) {
                    guest.copyOrInterrupt();
                } else if (deviceText.getDisplay().getFocusControl() instanceof Text focused) {
                    focused.copy(); // the log, or the header's command line or socket path
                }
                return null;
            }
        });
        hs.activateHandler(IWorkbenchCommandConstants.EDIT_PASTE, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent e) {
                if (guest.isFocused()) {
                    guest.paste();
                }
                return null;
            }
        });
    }

    private TabItem tab(String title, String tip) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setToolTipText(tip);
        return item;
    }

    /** Shows the current device's QEMU command line and control socket. */
    private void refreshDevice() {
        if (header == null || header.isDisposed()) {
            return;
        }
        shown = DeviceService.get().current();
        header.show(shown);
    }

    public void copyQemuCommandLine() {
        header.copyQemuCommandLine();
    }

    private void tick() {
        if (deviceText == null || deviceText.isDisposed()) {
            return;
        }
        guest.refresh(ConsoleBuffer.GUEST);
        long now = System.currentTimeMillis();
        if (now - lastDeviceTick >= REFRESH_MILLIS) {
            lastDeviceTick = now;
            DeviceLogHandler.install().poll(DeviceService.get().current());
            long v = ConsoleBuffer.DEVICE.version();
            if (v != deviceVersion) {
                deviceVersion = v;
                deviceText.setText(ConsoleBuffer.DEVICE.text());
                deviceText.setSelection(deviceText.getCharCount());
            }
            if (shown != DeviceService.get().current()) {
                refreshDevice();
            }
        }
        deviceText.getDisplay().timerExec(GUEST_REFRESH_MILLIS, tick);
    }

    /** The text shown in a tab (for tests). */
    public String text(boolean guestTab) {
        return guestTab ? guest.getText() : deviceText.getText();
    }

    /** The shown control socket path (for tests). */
    public String controlSocketText() {
        return header.controlText();
    }

    /** The guest's terminal (for tests). */
    public GuestTerminal guestTerminal() {
        return guest;
    }

    /** Brings the guest console to the front, ready for typing. */
    public void showGuest() {
        tabs.setSelection(GUEST_TAB);
        guest.control().setFocus();
    }

    @Override
    public void setFocus() {
        if (tabs.getSelectionIndex() == GUEST_TAB) {
            guest.control().setFocus();
        } else {
            tabs.setFocus();
        }
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(listener);
        super.dispose();
    }

    /** Typed bytes go to the running guest, if any. */
    private enum GuestInput implements Consumer<String> {
        INSTANCE;

        @Override
        public void accept(String bytes) {
            GuestProcess g = GuestService.get().current();
            if (g != null) {
                g.type(bytes);
            }
        }
    }
}
