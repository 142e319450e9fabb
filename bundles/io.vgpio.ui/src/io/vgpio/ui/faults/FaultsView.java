package io.vgpio.ui.faults;

import io.vgpio.core.fault.FaultRule;
import io.vgpio.core.fault.FaultRules;
import io.vgpio.core.fault.FaultSpecException;
import io.vgpio.core.fault.FaultSpecParser;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

/**
 * The serving device's fault rules: id, match, effect, hits, remaining count and state, with Add (a spec, checked
 * as the control socket's {@code fault add} checks it), Enable/Disable and Delete. The rules' listener may be
 * called under the chip's monitor, so it only asks the UI thread for one refresh; the table is read there.
 */
public final class FaultsView extends ViewPart {
    public static final String ID = "io.vgpio.ui.faults";

    private final Consumer<DeviceSession> deviceListener = d -> post();
    private final AtomicBoolean refreshPosted = new AtomicBoolean();
    private final FaultRules.Listener rulesListener = new FaultRules.Listener() {
        @Override
        public void rulesChanged() {
            post();
        }

        @Override
        public void faultInjected(FaultRule rule, int line) {
            post();
        }
    };
    private Table table;
    private Display display;
    private FaultRules shown;
    private Action toggle;
    private Action delete;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        display = parent.getDisplay();
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < FaultRows.COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, i == 0 || i == 3 || i == 4 ? SWT.RIGHT : SWT.LEFT);
            c.setText(FaultRows.COLUMNS[i]);
            c.setWidth(FaultRows.WIDTHS[i]);
        }
        table.addListener(SWT.Selection, e -> updateActions());
        makeActions();
        DeviceService.get().addListener(deviceListener);
        refresh();
    }

    private void makeActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        Action add = new Action("Add Fault Rule\u2026") {
            @Override
            public void run() {
                askAndAdd();
            }
        };
        add.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        toggle = new Action("Enable/Disable") {
            @Override
            public void run() {
                FaultRule r = selected();
                if (r != null && shown != null) {
                    shown.setEnabled(r.id(), !r.enabled());
                }
            }
        };
        toggle.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        delete = new Action("Delete Fault Rule") {
            @Override
            public void run() {
                FaultRule r = selected();
                if (r != null && shown != null) {
                    shown.delete(r.id());
                }
            }
        };
        delete.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_ETOOL_DELETE));
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(add);
        bar.add(toggle);
        bar.add(delete);
        updateActions();
    }

    private void askAndAdd() {
        if (shown == null) {
            return;
        }
        InputDialog d = new InputDialog(getSite().getShell(), "Add Fault Rule",
                "A fault rule, as the control socket's 'fault add' takes it, e.g.\n"
                + "on=request type=get-value line=3 effect=err count=1\n"
                + "on=line line=1 effect=drop-irq count=1", "on=request ", this::problem);
        if (d.open() == Window.OK) {
            try {
                add(d.getValue());
            } catch (FaultSpecException e) { // the device went between validation and OK
                MessageDialog.openError(getSite().getShell(), "Add Fault Rule", e.getMessage());
            }
        }
    }

    /** Why a spec cannot be added, or null when it can (the dialog's validation). */
    public String problem(String spec) {
        DeviceSession device = DeviceService.get().current();
        if (device == null) {
            return "No device is serving.";
        }
        try {
            FaultSpecParser.parse(spec, device.config());
            return null;
        } catch (FaultSpecException e) {
            return e.getMessage();
        }
    }

    /**
     * Adds a rule to the serving device.
     *
     * @return its id
     * @throws FaultSpecException naming the bad key or value (nothing is added)
     */
    public int add(String spec) throws FaultSpecException {
        DeviceSession device = DeviceService.get().current();
        if (device == null) {
            throw new FaultSpecException("no device is serving");
        }
        return device.faults().add(FaultSpecParser.parse(spec, device.config()));
    }

    private FaultRule selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : (FaultRule) table.getItem(i).getData();
    }

    private void updateActions() {
        boolean one = selected() != null;
        toggle.setEnabled(one);
        delete.setEnabled(one);
    }

    /** Asks the UI thread for one refresh; any thread, under the chip's monitor too. */
    private void post() {
        if (refreshPosted.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(() -> {
                refreshPosted.set(false);
                refresh();
            });
        }
    }

    /** Re-reads the rules (UI thread). */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        DeviceSession device = DeviceService.get().current();
        FaultRules now = device == null ? null : device.faults();
        if (now != shown) {
            if (shown != null) {
                shown.removeListener(rulesListener);
            }
            shown = now;
            if (shown != null) {
                shown.addListener(rulesListener);
            }
        }
        List<FaultRule> rules = shown == null ? List.of() : shown.rules();
        FaultRule keep = selected();
        table.setItemCount(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            TableItem item = table.getItem(i);
            item.setText(FaultRows.cells(rules.get(i)));
            item.setData(rules.get(i));
            if (keep != null && keep.id() == rules.get(i).id()) {
                table.setSelection(i);
            }
        }
        setContentDescription(shown == null ? "No device is serving." : rules.isEmpty()
                ? "No fault rules: Add one, or 'fault add SPEC' on the control socket." : "");
        updateActions();
    }

    /** The cells of every row as shown (tests). */
    public List<String[]> rows() {
        java.util.ArrayList<String[]> rows = new java.util.ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] cells = new String[FaultRows.COLUMNS.length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = item.getText(c);
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The table (tests, screenshots). */
    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        DeviceService.get().removeListener(deviceListener);
        if (shown != null) {
            shown.removeListener(rulesListener);
        }
        super.dispose();
    }
}
