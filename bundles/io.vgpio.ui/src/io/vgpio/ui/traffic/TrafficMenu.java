package io.vgpio.ui.traffic;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.traffic.TrafficCells;
import io.vgpio.core.traffic.TrafficFilter;
import io.vgpio.core.traffic.TrafficIndex;
import io.vgpio.ui.debug.BreakMenu;
import io.vgpio.ui.source.DataSource;
import java.util.function.Supplier;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPartSite;

/**
 * The traffic table's context menu: go to the partner of the selected request or response, show only the selected
 * event's line or all lines again, copy the selection, follow live, and what other plug-ins contribute (registered
 * with the site). Filled afresh each time it opens, so that its entries fit the selection of the moment.
 */
final class TrafficMenu {
    private final Supplier<DataSource> source;
    private final TrafficIndex index;
    private final TrafficSelection selection;
    private final TrafficFilterBar filterBar;
    private final IAction followAction;

    /**
     * @param source the device or trace shown (null: none)
     * @param followAction the view's "Follow Live" toggle, shown in the menu as well
     */
    TrafficMenu(Supplier<DataSource> source, TrafficIndex index, TrafficSelection selection,
            TrafficFilterBar filterBar, IAction followAction) {
        this.source = source;
        this.index = index;
        this.selection = selection;
        this.filterBar = filterBar;
        this.followAction = followAction;
    }

    /** Gives the table this menu and lets the workbench contribute to it. */
    void attach(Table table, IWorkbenchPartSite site) {
        MenuManager menu = new MenuManager("#PopupMenu");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fill);
        table.setMenu(menu.createContextMenu(table));
        site.registerContextMenu(menu, selection.provider());
    }

    private void fill(IMenuManager m) {
        Event one = selection.selectedEvent();
        Action partner = new Action("Go to Partner (request \u2194 response)") {
            @Override
            public void run() {
                selection.goToPartner();
            }
        };
        partner.setEnabled(one != null && (one.kind() == EventKind.REQUEST || one.kind() == EventKind.RESPONSE));
        m.add(partner);
        Action onlyLine = new Action(one == null || one.line() < 0 ? "Show Only This Line"
                : "Show Only Line " + TrafficCells.line(one.line(), source.get().config())) {
            @Override
            public void run() {
                filterBar.showLine(one.line());
            }
        };
        onlyLine.setEnabled(one != null && one.line() >= 0);
        m.add(onlyLine);
        Action allLines = new Action("Show All Lines") {
            @Override
            public void run() {
                filterBar.showAllLines();
            }
        };
        allLines.setEnabled(index.filter().line() != TrafficFilter.ALL_LINES);
        m.add(allLines);
        m.add(new Separator());
        m.add(BreakMenu.likeThis(one));
        m.add(new Separator());
        Action copy = new Action("Copy") {
            @Override
            public void run() {
                selection.copy();
            }
        };
        copy.setEnabled(selection.count() > 0);
        m.add(copy);
        m.add(followAction);
        m.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
    }
}
