package io.vgpio.app;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Title and size of the workbench window; start-up progress up to its opening. */
final class VgpioWorkbenchWindowAdvisor extends WorkbenchWindowAdvisor {

    static final String TITLE = "vGPIO Workbench";

    private final StartupProgress progress;

    VgpioWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer, StartupProgress progress) {
        super(configurer);
        this.progress = progress;
    }

    @Override
    public void postWindowOpen() {
        progress.windowOpened();
        if (UiBench.enabled()) {
            UiBench.windowOpened(getWindowConfigurer().getWindow().getShell().getDisplay());
        }
        if (WindowScreenshot.requested()) {
            WindowScreenshot.takeWhenIdle(getWindowConfigurer().getWindow().getShell());
        }
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new VgpioActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        progress.step("Building the views");
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setTitle(TITLE);
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(false);
        configurer.setShowPerspectiveBar(false);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
    }
}
