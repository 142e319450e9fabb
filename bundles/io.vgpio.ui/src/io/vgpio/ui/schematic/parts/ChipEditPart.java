package io.vgpio.ui.schematic.parts;

import io.vgpio.core.LineState;
import io.vgpio.session.DeviceSession;
import io.vgpio.ui.DeviceService;
import io.vgpio.core.parts.Parts;
import io.vgpio.ui.schematic.PinLine;
import io.vgpio.ui.schematic.SchematicPart;
import io.vgpio.ui.schematic.SchematicDiagram;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.properties.DevicePropertySource;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.TraceSource;
import java.util.ArrayList;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.ui.hardware.HardwareActions;
import io.vgpio.ui.hardware.HardwareService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.DragTracker;
import org.eclipse.gef.Request;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.tools.DeselectAllTracker;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * The controller. While active it polls the event log from a UI timer, at most {@link #FRAME_MS} apart, and
 * only when the log moved takes one snapshot of all lines and hands each line part its state. Polling costs one
 * volatile read a frame, never blocks the UI thread and needs no listener on the device's threads.
 */
public final class ChipEditPart extends AbstractGraphicalEditPart {
    /** About 60 frames a second. */
    static final int FRAME_MS = 16;
    /**
     * Lines drawn at most. A device may have up to 65535 lines; thousands of rows help nobody and would cost a
     * figure and an edit part each, so a bigger chip shows its first lines and says so in its subtitle.
     */
    public static final int MAX_SHOWN = 1024;

    private final Runnable tick = this::tick;
    private List<SchematicPart> shownParts = List.of();
    private long shownBindings = -1;
    private long shownSeq = -1;
    /** The trace time last shown (a live device has none). */
    private long shownScrubTime = Long.MIN_VALUE;

    public SchematicDiagram diagram() {
        return (SchematicDiagram) getModel();
    }

    @Override
    protected IFigure createFigure() {
        var config = diagram().source().config();
        String subtitle = "ngpio = " + config.lines() + "   \u00b7   IRQ " + (config.irq() ? "on" : "off");
        if (shownLines() < config.lines()) {
            subtitle += "   \u00b7   lines 0\u2013" + (shownLines() - 1) + " shown";
        }
        String hint = diagram().drivable()
                ? "Click a switch to toggle an input; right-click a line for stimuli or to bind it to hardware;"
                        + " Ctrl+wheel zooms."
                : "A trace is read-only: scrub it with the time bar above; Ctrl+wheel zooms.";
        return new ChipFigure(shownLines(), subtitle, hint);
    }

    @Override
    protected void createEditPolicies() {
        // Nothing to edit: the lines are fixed by the device configuration.
    }

    /** One child per line drawn, then one per simulated part, in the order the parts were added. */
    @Override
    protected List<Object> getModelChildren() {
        int n = shownLines();
        List<Object> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new PinLine(diagram(), i));
        }
        children.addAll(shownParts);
        return children;
    }

    /** The parts of the live device as drawn (none for a trace). */
    private List<SchematicPart> currentParts() {
        Parts parts = diagram().parts();
        return parts == null ? List.of() : parts.list().stream().map(p -> SchematicPart.of(diagram(), p)).toList();
    }

    /** Adds and removes part figures when the device's parts changed; shows each part's state and contention. */
    private void refreshParts() {
        List<SchematicPart> now = currentParts();
        if (!now.equals(shownParts)) {
            shownParts = now;
            refreshChildren();
            ((ChipFigure) getFigure()).partsChanged();
        }
        Parts parts = diagram().parts();
        Set<Integer> contention = new HashSet<>();
        for (Object child : getChildren()) {
            if (child instanceof PartEditPart p) {
                p.refreshState();
                p.schematicPart().pins().stream().filter(parts.nets()::inContention).forEach(contention::add);
            }
        }
        ((ChipFigure) getFigure()).setContention(contention);
    }

    /** The number of lines drawn: all of them, up to {@link #MAX_SHOWN}. */
    public int shownLines() {
        return Math.min(MAX_SHOWN, diagram().source().config().lines());
    }

    /** A click on the background, with either button, clears the selection (so the menu is not a stale line's). */
    @Override
    public DragTracker getDragTracker(Request request) {
        return new DeselectAllTracker(this) {
            @Override
            protected boolean handleButtonDown(int button) {
                if (button == 3) {
                    getCurrentViewer().deselectAll();
                }
                return super.handleButtonDown(button);
            }
        };
    }

    @Override
    public void activate() {
        super.activate();
        shownSeq = -1;
        tick();
    }

    @Override
    public void deactivate() {
        Control control = getViewer() == null ? null : getViewer().getControl();
        if (control != null && !control.isDisposed()) {
            control.getDisplay().timerExec(-1, tick);
        }
        super.deactivate();
    }

    /**
     * Shows the source's current state now if it moved: the live log grew, or a trace's scrub time changed (the
     * timer does it on its own otherwise).
     */
    public void refreshFromDevice() {
        DataSource source = diagram().source();
        long version = source.stateVersion();
        if (version == shownSeq) {
            return;
        }
        shownSeq = version;
        ((ChipFigure) getFigure()).setGuestAttached(source.guestAttached());
        List<LineState> states = source.states();
        boolean backInTime = source instanceof TraceSource t && t.scrubTime() < shownScrubTime;
        if (source instanceof TraceSource t) {
            shownScrubTime = t.scrubTime();
        }
        for (Object child : getChildren()) {
            if (child instanceof LineEditPart part) {
                if (backInTime) {
                    part.lineFigure().forgetRequests(); // what was requested later says nothing of earlier
                }
                part.show(states.get(part.line()));
            }
        }
        refreshParts();
    }

    /** Marks the lines bound to physical lines (live device only), when the bindings changed. */
    public void refreshBindings() {
        long version = HardwareService.get().version();
        if (version == shownBindings) {
            return;
        }
        shownBindings = version;
        boolean live = diagram().drivable();
        for (Object child : getChildren()) {
            if (!(child instanceof LineEditPart part)) {
                continue;
            }
            BindingStatus s = live ? HardwareService.get().status(part.line()) : null;
            boolean problem = s != null && (s.state() == BindingStatus.State.UNPLUGGED
                    || s.state() == BindingStatus.State.BUSY);
            part.lineFigure().setBinding(s == null ? null : HardwareActions.describe(s), problem);
        }
    }

    private void tick() {
        if (!isActive()) {
            return;
        }
        Control control = getViewer().getControl();
        if (control == null || control.isDisposed()) {
            return;
        }
        refreshFromDevice();
        refreshBindings();
        control.getDisplay().timerExec(FRAME_MS, tick);
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Object getAdapter(Class key) {
        if (key == IPropertySource.class) {
            DeviceSession live = diagram().source().isLive() ? DeviceService.get().current() : null;
            return live != null ? new DevicePropertySource(live)
                    : new DevicePropertySource(diagram().source().config());
        }
        return super.getAdapter(key);
    }
}
