package io.vgpio.ui.schematic.parts;

import io.vgpio.core.Direction;
import io.vgpio.core.LineState;
import io.vgpio.ui.hardware.HardwareActions;
import io.vgpio.ui.hardware.HardwareService;
import io.vgpio.ui.schematic.PinLine;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.figures.LedFigure;
import io.vgpio.ui.schematic.figures.LineFigure;
import io.vgpio.ui.schematic.figures.SwitchFigure;
import io.vgpio.ui.schematic.policies.LineSelectionPolicy;
import io.vgpio.ui.schematic.properties.LinePropertySource;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.MouseEvent;
import org.eclipse.draw2d.MouseListener;
import org.eclipse.gef.DragTracker;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.tools.SelectEditPartTracker;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * One line. It shows the snapshots its chip part hands it, and while active listens for clicks on its switch,
 * which toggle the input through the device's stimulus scheduler (off the UI thread). A click on the switch does
 * not consume the event, so it also selects the line.
 */
public final class LineEditPart extends AbstractGraphicalEditPart {
    /** The Properties view is told of the selected line's changes at most this often. */
    private static final long PROPERTIES_REFRESH_NS = 250_000_000L;

    private final MouseListener switchClick = new MouseListener.Stub() {
        @Override
        public void mousePressed(MouseEvent me) {
            if (me.button == 1) {
                toggleInput();
            }
        }
    };
    private long propertiesRefreshedAt;

    public PinLine pinLine() {
        return (PinLine) getModel();
    }

    public int line() {
        return pinLine().line();
    }

    public LineFigure lineFigure() {
        return (LineFigure) getFigure();
    }

    public SwitchFigure switchFigure() {
        return lineFigure().toggle();
    }

    public LedFigure ledFigure() {
        return lineFigure().led();
    }

    @Override
    protected IFigure createFigure() {
        ChipFigure chip = (ChipFigure) ((ChipEditPart) getParent()).getFigure();
        return new LineFigure(line(), chip.chipLayout().isLeft(line()));
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.SELECTION_FEEDBACK_ROLE, new LineSelectionPolicy());
    }

    /** Selection only: a line is part of the chip and cannot be dragged. */
    @Override
    public DragTracker getDragTracker(Request request) {
        return new SelectEditPartTracker(this);
    }

    @Override
    public void activate() {
        super.activate();
        switchFigure().addMouseListener(switchClick);
    }

    @Override
    public void deactivate() {
        switchFigure().removeMouseListener(switchClick);
        super.deactivate();
    }

    /** Draws the snapshot; tells the Properties view when the selected line changed. */
    void show(LineState state) {
        LineState before = lineFigure().state();
        lineFigure().setState(state);
        if (getSelected() != EditPart.SELECTED_NONE && !state.equals(before)) {
            long now = System.nanoTime();
            if (now - propertiesRefreshedAt > PROPERTIES_REFRESH_NS && getViewer() instanceof SchematicViewer v) {
                propertiesRefreshedAt = now;
                v.refreshProperties();
            }
        }
    }

    /**
     * Inverts the input level on the stimulus thread; an output line's input is left alone, and a trace (which is
     * read-only) is not changed at all.
     */
    public void toggleInput() {
        if (!pinLine().diagram().drivable()) {
            return; // a trace is read-only
        }
        LineState s = lineFigure().state();
        if (s != null && s.direction() == Direction.OUT) {
            return;
        }
        pinLine().diagram().stimulus().toggle(line());
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Object getAdapter(Class key) {
        if (key == IPropertySource.class) {
            boolean live = pinLine().diagram().drivable();
            return new LinePropertySource(pinLine()::state, line(),
                    l -> live ? HardwareActions.describe(HardwareService.get().status(l)) : null);
        }
        if (key == PinLine.class) {
            return pinLine(); // other views (Stimulus) follow the selected line
        }
        return super.getAdapter(key);
    }
}
