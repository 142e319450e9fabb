package io.vgpio.app;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens every window on the "GPIO Debug" perspective, telling {@link StartupProgress} when the first is open. */
final class VgpioWorkbenchAdvisor extends WorkbenchAdvisor {
    private final StartupProgress progress;

    VgpioWorkbenchAdvisor(StartupProgress progress) {
        this.progress = progress;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        // Do not restore the last session's layout: views come and go while
        // the UI is being built, and a stale workbench.xmi would hide them.
        configurer.setSaveAndRestore(false);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return GpioDebugPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new VgpioWorkbenchWindowAdvisor(configurer, progress);
    }
}
