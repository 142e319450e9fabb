package io.vgpio.ui.schematic.actions;

import io.vgpio.ui.schematic.SchematicDiagram;
import io.vgpio.ui.source.SourceService;
import java.util.function.Supplier;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;

/**
 * The schematic's context menu: the stimulus menu of the live device and its parts' entries (Add Part on a line,
 * Delete Part on a part), or, for a trace (which is read-only), a
 * disabled entry saying why there is no stimulus and a way back to the live device.
 */
public final class SchematicMenuProvider extends ContextMenuProvider {
    private final StimulusMenuProvider stimulus;
    private final Supplier<SchematicDiagram> diagram;
    private final PartMenu parts;

    public SchematicMenuProvider(EditPartViewer viewer, Supplier<SchematicDiagram> diagram) {
        super(viewer);
        this.stimulus = new StimulusMenuProvider(viewer);
        this.diagram = diagram;
        this.parts = new PartMenu(viewer);
    }

    @Override
    public void buildContextMenu(IMenuManager menu) {
        SchematicDiagram d = diagram.get();
        if (d == null || d.drivable()) {
            stimulus.buildContextMenu(menu);
            parts.contribute(menu, d);
            return;
        }
        Action why = new Action("Trace " + d.source().name() + " is read-only: no stimulus") {
        };
        why.setEnabled(false);
        menu.add(why);
        menu.add(new Separator());
        menu.add(new Action("Back to &Live Device") {
            @Override
            public void run() {
                SourceService.get().closeTrace();
            }
        });
        menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
    }
}
