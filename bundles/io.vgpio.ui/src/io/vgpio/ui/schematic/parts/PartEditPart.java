package io.vgpio.ui.schematic.parts;

import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartException;
import io.vgpio.ui.schematic.SchematicPart;
import io.vgpio.ui.schematic.figures.PartFigure;
import io.vgpio.ui.schematic.policies.PartSelectionPolicy;
import io.vgpio.ui.schematic.properties.PartPropertySource;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.DragTracker;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.tools.SelectEditPartTracker;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * One simulated part. It shows the part's state when its chip part tells it the log moved, and drives the part
 * from the mouse: a push-button is pressed while the left button is held down on it and released when the mouse
 * button comes up (momentary, as the real one); a switch flips on each click. Through the same {@code Part} the
 * control socket's {@code part press/release/set} use, so the log shows the same STATE and LEVEL events (cause
 * PART). Clicks are not consumed, so they also select the part.
 */
public final class PartEditPart extends AbstractGraphicalEditPart {
    public SchematicPart schematicPart() {
        return (SchematicPart) getModel();
    }

    public PartFigure partFigure() {
        return (PartFigure) getFigure();
    }

    @Override
    protected IFigure createFigure() {
        SchematicPart m = schematicPart();
        return new PartFigure(m.type(), m.name(), m.pins());
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.SELECTION_FEEDBACK_ROLE, new PartSelectionPolicy());
    }

    /**
     * Selects the part, and presses or flips it. The tracker, not a draw2d mouse listener, sees the button come
     * up: once GEF's edit domain takes the mouse down, the release goes only to the domain's tool.
     */
    @Override
    public DragTracker getDragTracker(Request request) {
        return new SelectEditPartTracker(this) {
            @Override
            protected boolean handleButtonDown(int button) {
                if (button == 1) {
                    act(true);
                }
                return super.handleButtonDown(button);
            }

            @Override
            protected boolean handleButtonUp(int button) {
                if (button == 1) {
                    act(false);
                }
                return super.handleButtonUp(button);
            }
        };
    }

    @Override
    public void activate() {
        super.activate();
        refreshState();
    }

    /** Reads the part's state (lit, pressed, on, running) and shows it. */
    void refreshState() {
        Part p = schematicPart().part();
        if (p != null) {
            partFigure().show(PartStates.active(p), PartStates.detail(p), PartStates.tooltip(p));
        }
    }

    /** The mouse went down ({@code down}) or up on the part. */
    private void act(boolean down) {
        Part p = schematicPart().part();
        if (p == null || !schematicPart().diagram().drivable()) {
            return;
        }
        try {
            switch (p.type()) {
                case BUTTON -> {
                    if (down) {
                        p.press(0);
                    } else {
                        p.release();
                    }
                }
                case SWITCH -> {
                    if (down) {
                        p.set("on", "1".equals(p.get("on")) ? "0" : "1");
                    }
                }
                default -> {
                    return;
                }
            }
        } catch (PartException e) {
            return; // deleted meanwhile: the next refresh takes its figure away
        }
        refreshState();
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Object getAdapter(Class key) {
        if (key == IPropertySource.class) {
            return new PartPropertySource(schematicPart());
        }
        return super.getAdapter(key);
    }
}
