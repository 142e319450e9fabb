package io.vgpio.ui.schematic.parts;

import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;

/**
 * The schematic's viewer, with a hook that the view sets to refresh the Properties view: the property sheet
 * re-reads its values only on a selection event, and a selected line's state changes without one.
 */
public final class SchematicViewer extends ScrollingGraphicalViewer {
    private Runnable propertiesRefresher = () -> {
    };

    public void setPropertiesRefresher(Runnable refresher) {
        propertiesRefresher = refresher;
    }

    void refreshProperties() {
        propertiesRefresher.run();
    }
}
