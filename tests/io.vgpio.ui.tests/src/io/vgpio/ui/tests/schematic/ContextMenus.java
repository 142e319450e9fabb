package io.vgpio.ui.tests.schematic;

import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;

/** The schematic's context menu as it would open now, and its entries by their text (mnemonics ignored). */
final class ContextMenus {
    private ContextMenus() {
    }

    static MenuManager build(ContextMenuProvider provider) {
        MenuManager menu = new MenuManager();
        provider.buildContextMenu(menu);
        return menu;
    }

    /** The action with this text, or null. */
    static IAction find(MenuManager menu, String text) {
        for (IContributionItem item : menu.getItems()) {
            if (item instanceof ActionContributionItem a && a.getAction().getText().replace("&", "").equals(text)) {
                return a.getAction();
            }
        }
        return null;
    }

    /** The submenu with this text, or null. */
    static MenuManager submenu(MenuManager menu, String text) {
        for (IContributionItem item : menu.getItems()) {
            if (item instanceof MenuManager m && m.getMenuText().replace("&", "").equals(text)) {
                return m;
            }
        }
        return null;
    }
}
