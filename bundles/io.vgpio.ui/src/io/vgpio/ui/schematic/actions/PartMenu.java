package io.vgpio.ui.schematic.actions;

import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartType;
import io.vgpio.core.parts.Parts;
import io.vgpio.ui.schematic.PartEdits;
import io.vgpio.ui.schematic.SchematicDiagram;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.schematic.parts.PartEditPart;
import java.util.List;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;

/**
 * The simulated parts' entries of the schematic's context menu (live device only): "Add Part" on a line, with the
 * one-line parts a user adds most, and "Delete Part" on a part. Both go through the device's {@link Parts}, as
 * the control socket's {@code part add} and {@code part del} do.
 */
final class PartMenu {
    /** The parts offered on a line, in menu order. */
    static final List<PartType> ADDABLE = List.of(PartType.LED, PartType.BUTTON, PartType.SWITCH, PartType.PULL_UP,
            PartType.PULL_DOWN);

    private final EditPartViewer viewer;

    PartMenu(EditPartViewer viewer) {
        this.viewer = viewer;
    }

    void contribute(IMenuManager menu, SchematicDiagram diagram) {
        Parts parts = diagram == null ? null : diagram.parts();
        if (parts == null) {
            return;
        }
        for (Object o : viewer.getSelectedEditParts()) {
            if (o instanceof LineEditPart line) {
                menu.add(new Separator());
                menu.add(addMenu(parts, line.line()));
                return;
            }
            if (o instanceof PartEditPart part) {
                menu.add(new Separator());
                String name = part.schematicPart().name();
                menu.add(run("&Delete Part " + name, () -> parts.remove(name)));
                return;
            }
        }
    }

    private MenuManager addMenu(Parts parts, int line) {
        MenuManager add = new MenuManager("Add &Part", "io.vgpio.ui.schematic.addPart");
        for (PartType type : ADDABLE) {
            add.add(run(label(type), () -> PartEdits.add(parts, type, line)));
        }
        return add;
    }

    static String label(PartType type) {
        return switch (type) {
            case LED -> "&LED";
            case BUTTON -> "&Button";
            case SWITCH -> "&Switch";
            case PULL_UP -> "Pull-&up";
            case PULL_DOWN -> "Pull-&down";
            default -> type.word();
        };
    }

    private interface PartAction {
        void run() throws PartException;
    }

    private Action run(String text, PartAction action) {
        return new Action(text) {
            @Override
            public void run() {
                try {
                    action.run();
                } catch (PartException e) {
                    MessageDialog.openError(viewer.getControl().getShell(), "Parts", e.getMessage());
                }
            }
        };
    }
}
