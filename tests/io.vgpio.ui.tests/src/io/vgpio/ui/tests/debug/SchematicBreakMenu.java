package io.vgpio.ui.tests.debug;

import io.vgpio.session.DeviceSession;
import io.vgpio.ui.debug.BreakMenu;
import io.vgpio.ui.schematic.SchematicView;
import io.vgpio.ui.source.LiveSource;
import io.vgpio.ui.tests.UiTest;
import java.util.Arrays;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.ui.IWorkbenchPage;

/** The schematic's context menu of a line, as a right-click on it builds it: its "Break on" submenu. */
final class SchematicBreakMenu {
    private SchematicBreakMenu() {
    }

    /** Shows the schematic of the device, selects the line and returns its "Break on" submenu. */
    static MenuManager of(IWorkbenchPage page, DeviceSession device, int line) throws Exception {
        SchematicView view = (SchematicView) page.showView(SchematicView.ID);
        UiTest.waitFor("the schematic shows the device", () -> view.chipPart() != null
                && view.chipPart().diagram().source() instanceof LiveSource l && l.session() == device
                && view.linePart(line).lineFigure().state() != null);
        view.viewer().select(view.linePart(line));
        MenuManager menu = new MenuManager();
        ((ContextMenuProvider) view.viewer().getContextMenu()).buildContextMenu(menu);
        return (MenuManager) Arrays.stream(menu.getItems())
                .filter(i -> i instanceof MenuManager m && BreakMenu.SUBMENU.equals(m.getMenuText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + BreakMenu.SUBMENU + " submenu"));
    }

    /** The submenu's entry with this text (mnemonics left out). */
    static IAction entry(MenuManager breakOn, String text) {
        return Arrays.stream(breakOn.getItems()).map(i -> ((ActionContributionItem) i).getAction())
                .filter(a -> a.getText().replace("&", "").equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + text));
    }
}
