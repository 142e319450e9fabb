package io.vgpio.app;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** The main menu in Eclipse's order: File, (Device and Trace, from io.vgpio.ui), Window, Help. */
final class VgpioActionBarAdvisor extends ActionBarAdvisor {
    private ActionFactory.IWorkbenchAction quit;
    private ActionFactory.IWorkbenchAction resetPerspective;
    private ActionFactory.IWorkbenchAction about;

    VgpioActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        quit = ActionFactory.QUIT.create(window);
        register(quit);
        resetPerspective = ActionFactory.RESET_PERSPECTIVE.create(window);
        register(resetPerspective);
        about = ActionFactory.ABOUT.create(window);
        register(about);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(quit);
        menuBar.add(file);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(resetPerspective);
        menuBar.add(windowMenu);
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        // io.vgpio.help puts Getting Started (the cheat sheets) here.
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(new Separator());
        help.add(about);
        menuBar.add(help);
    }
}
