package io.vgpio.ui;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Path;
import org.eclipse.jface.resource.ImageDescriptor;
import org.osgi.framework.FrameworkUtil;

/**
 * The views' toolbar icons (icons/toolbar, drawn by releng/icons/draw_icons.py): a toolbar of text buttons runs
 * together into one sentence, so every toolbar action shows an icon and says what it does in its tooltip.
 */
public final class ToolbarIcons {
    private ToolbarIcons() {
    }

    /** icons/toolbar/NAME.png of this bundle (e.g. "zoom-in"); a missing file shows SWT's red square. */
    public static ImageDescriptor get(String name) {
        return ImageDescriptor.createFromURL(FileLocator.find(FrameworkUtil.getBundle(ToolbarIcons.class),
                new Path("icons/toolbar/" + name + ".png")));
    }

    /** An icon of another folder of this bundle, e.g. "icons/schematic/zoom-fit.png". */
    public static ImageDescriptor file(String path) {
        return ImageDescriptor.createFromURL(FileLocator.find(FrameworkUtil.getBundle(ToolbarIcons.class),
                new Path(path)));
    }
}
