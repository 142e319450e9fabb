package io.vgpio.ui.hardware;

import io.vgpio.ui.ToolbarIcons;
import io.vgpio.gpiocdev.ChipInfo;
import io.vgpio.gpiocdev.GpioChip;
import io.vgpio.gpiocdev.GpioChips;
import io.vgpio.gpiocdev.GpioException;
import io.vgpio.gpiocdev.GpioListing;
import io.vgpio.gpiocdev.LineInfo;
import io.vgpio.gpiocdev.bind.BindingStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;

/**
 * This machine's GPIO chips and lines (what gpiodetect and gpioinfo show: name, consumer, direction, flags), and
 * the device's hardware bindings with their state. Bind a physical line from its context menu; the list refreshes
 * every two seconds, so a board being plugged in or out shows up.
 */
public final class HardwareView extends ViewPart {
    public static final String ID = "io.vgpio.ui.hardware";
    private static final int REFRESH_MILLIS = 2000;
    static final String[] LINE_COLUMNS = {"Chip / line", "Name", "Consumer", "Direction", "Flags", "Bound to"};
    static final String[] BINDING_COLUMNS = {"Line", "State", "Binding", "Status"};

    private Label summary;
    private Tree tree;
    private Table table;
    private String shownListing = "";
    private final Consumer<BindingStatus> listener = s -> Display.getDefault().asyncExec(this::refresh);
    private final Runnable tick = this::tick;

    /** One physical line as the tree shows it. */
    record PhysicalLine(ChipInfo chip, LineInfo line) {
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new Tree(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.setHeaderVisible(true);
        for (String c : LINE_COLUMNS) {
            TreeColumn col = new TreeColumn(tree, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("Chip / line") ? 200 : c.equals("Flags") ? 200 : 110);
        }
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        for (String c : BINDING_COLUMNS) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("Status") ? 420 : c.equals("Binding") ? 240 : 80);
        }
        sash.setWeights(3, 1);
        // A status message is often longer than its column: the row under the pointer shows it whole.
        table.addListener(SWT.MouseHover, e -> {
            TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            table.setToolTipText(item == null ? null : item.getText(3));
        });

        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                shownListing = "";
                refresh();
            }
        };
        refresh.setToolTipText("List the GPIO chips again");
        refresh.setImageDescriptor(ToolbarIcons.get("refresh"));
        Action bind = new Action("Bind...") {
            @Override
            public void run() {
                bindSelected();
            }
        };
        bind.setToolTipText("Bind a simulated line to the selected physical line");
        bind.setImageDescriptor(ToolbarIcons.get("bind"));
        Action unbind = new Action("Unbind") {
            @Override
            public void run() {
                unbindSelected();
            }
        };
        unbind.setToolTipText("Unbind the selected binding; the simulated line keeps working");
        unbind.setImageDescriptor(ToolbarIcons.get("unbind"));
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(refresh);
        tb.add(bind);
        tb.add(unbind);
        MenuManager treeMenu = new MenuManager();
        treeMenu.add(bind);
        tree.setMenu(treeMenu.createContextMenu(tree));
        tree.addListener(SWT.DefaultSelection, e -> bindSelected());
        MenuManager tableMenu = new MenuManager();
        tableMenu.add(unbind);
        table.setMenu(tableMenu.createContextMenu(table));

        HardwareService.get().addListener(listener);
        refresh();
        Display.getCurrent().timerExec(REFRESH_MILLIS, tick);
    }

    private void tick() {
        if (tree.isDisposed()) {
            return;
        }
        if (tree.isVisible()) {
            refresh();
        }
        Display.getCurrent().timerExec(REFRESH_MILLIS, tick);
    }

    /** Lists the chips and the bindings again; the tree is rebuilt only when the listing changed. */
    void refresh() {
        if (tree == null || tree.isDisposed()) {
            return;
        }
        List<BindingStatus> statuses = HardwareService.get().statuses();
        List<List<PhysicalLine>> chips = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        StringBuilder listing = new StringBuilder();
        try {
            for (Path p : GpioChips.devices()) {
                try (GpioChip c = GpioChip.open(p)) {
                    List<PhysicalLine> lines = new ArrayList<>();
                    for (int i = 0; i < c.info().lines(); i++) {
                        LineInfo li = c.lineInfo(i);
                        lines.add(new PhysicalLine(c.info(), li));
                        listing.append(GpioListing.infoLine(li));
                    }
                    chips.add(lines);
                    listing.append(GpioListing.detectLine(c.info()));
                } catch (GpioException e) {
                    errors.add(e.getMessage());
                }
            }
        } catch (GpioException e) {
            errors.add(e.getMessage());
        }
        for (BindingStatus s : statuses) {
            listing.append(s.describe());
        }
        summary.setText(chips.isEmpty()
                ? "No GPIO chips on this machine (no /dev/gpiochip*). Plug in a USB GPIO adapter (FT232H, MCP2221,"
                        + " CP2112, CH341, ...) and it appears here within two seconds."
                        + (errors.isEmpty() ? "" : " " + String.join("; ", errors))
                : chips.size() + " GPIO chip" + (chips.size() == 1 ? "" : "s") + "; right-click a line to bind it."
                        + (errors.isEmpty() ? "" : " Not readable: " + String.join("; ", errors)));
        summary.getParent().layout();
        if (!listing.toString().equals(shownListing)) {
            shownListing = listing.toString();
            fillTree(chips, statuses);
            fillTable(statuses);
        }
    }

    private void fillTree(List<List<PhysicalLine>> chips, List<BindingStatus> statuses) {
        tree.setRedraw(false);
        tree.removeAll();
        for (List<PhysicalLine> lines : chips) {
            if (lines.isEmpty()) {
                continue;
            }
            ChipInfo ci = lines.get(0).chip();
            TreeItem chipItem = new TreeItem(tree, SWT.NONE);
            chipItem.setText(0, ci.name() + " [" + ci.label() + "]");
            chipItem.setText(1, ci.lines() + " lines");
            for (PhysicalLine pl : lines) {
                LineInfo li = pl.line();
                TreeItem item = new TreeItem(chipItem, SWT.NONE);
                item.setData(pl);
                item.setText(0, "line " + li.offset());
                item.setText(1, li.name());
                item.setText(2, li.used() ? (li.consumer().isEmpty() ? "kernel" : li.consumer()) : "");
                item.setText(3, li.output() ? "output" : "input");
                item.setText(4, flags(li));
                item.setText(5, boundTo(ci, li, statuses));
            }
            chipItem.setExpanded(true);
        }
        tree.setRedraw(true);
    }

    private static String flags(LineInfo li) {
        List<String> f = new ArrayList<>();
        if (li.activeLow()) {
            f.add("active-low");
        }
        if (li.bias() != io.vgpio.core.LineBinding.Bias.AS_IS) {
            f.add(li.bias().word());
        }
        if (li.drive() != io.vgpio.core.LineBinding.Drive.PUSH_PULL) {
            f.add(li.drive().word());
        }
        if (!li.edges().equals("none")) {
            f.add("edges " + li.edges());
        }
        if (li.debounceMicros() > 0) {
            f.add("debounce " + li.debounceMicros() + " us");
        }
        return String.join(", ", f);
    }

    private static String boundTo(ChipInfo ci, LineInfo li, List<BindingStatus> statuses) {
        for (BindingStatus s : statuses) {
            if (s.device().equals(ci.name()) && s.offset() == li.offset()) {
                return "line " + s.binding().line() + " (" + s.binding().mode().word() + ", " + s.state().word() + ")";
            }
        }
        return "";
    }

    private void fillTable(List<BindingStatus> statuses) {
        table.removeAll();
        for (BindingStatus s : statuses) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(s);
            item.setText(new String[] {Integer.toString(s.binding().line()), s.state().word(), s.binding().spec(),
                    s.message()});
            if (s.state() == BindingStatus.State.UNPLUGGED || s.state() == BindingStatus.State.BUSY) {
                item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
    }

    private void bindSelected() {
        TreeItem[] sel = tree.getSelection();
        String chip = null;
        int offset = -1;
        if (sel.length == 1 && sel[0].getData() instanceof PhysicalLine pl) {
            chip = pl.chip().label().isEmpty() ? pl.chip().name() : pl.chip().label();
            offset = pl.line().offset();
        }
        HardwareActions.bind(getSite().getShell(), -1, chip, offset);
        refresh();
    }

    private void unbindSelected() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 1 && sel[0].getData() instanceof BindingStatus s) {
            HardwareActions.unbind(s.binding().line());
            refresh();
        }
    }

    /** For tests: the bindings table's rows. */
    Table bindingsTable() {
        return table;
    }

    Label summaryLabel() {
        return summary;
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    @Override
    public void dispose() {
        HardwareService.get().removeListener(listener);
        super.dispose();
    }
}
