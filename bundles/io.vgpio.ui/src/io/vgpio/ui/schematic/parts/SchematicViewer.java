package io.vgpio.ui.schematic.parts;

import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;

/**
 * The schematic's viewer. It can announce its unchanged selection again, so that the Properties view re-reads
 * the selected line when the line's state changes (the property sheet refreshes only on selection events).
 */
public final class SchematicViewer extends ScrollingGraphicalViewer {
    public void reannounceSelection() {
        fireSelectionChanged();
    }
}
