package io.vgpio.ui.schematic.actions;

import io.vgpio.core.Direction;
import io.vgpio.core.LineState;
import io.vgpio.core.stimulus.Bounce;
import io.vgpio.core.stimulus.Edge;
import io.vgpio.core.stimulus.Pulse;
import io.vgpio.core.stimulus.PulseTrain;
import io.vgpio.core.stimulus.StimulusDefaults;
import io.vgpio.core.stimulus.StimulusDefinition;
import io.vgpio.core.stimulus.StimulusLimits;
import io.vgpio.core.stimulus.StimulusScheduler;
import io.vgpio.core.stimulus.Toggle;
import io.vgpio.gpiocdev.bind.BindingStatus;
import io.vgpio.ui.debug.BreakMenu;
import io.vgpio.ui.hardware.HardwareActions;
import io.vgpio.ui.hardware.HardwareService;
import io.vgpio.ui.schematic.parts.LineEditPart;
import io.vgpio.ui.stimulus.StimulusProblem;
import java.util.List;
import java.util.function.Function;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchActionConstants;

/**
 * The context menu of a line: a toggle, single edges, and timed stimuli (a pulse, a pulse train, contact
 * bounce) that ask their parameters first, starting from the shared {@link StimulusDefaults} and checked by the
 * shared definitions. Everything runs through the device's {@link StimulusScheduler}, on its timer thread; an
 * output line (driven by the guest) gets the entries disabled.
 */
public final class StimulusMenuProvider extends ContextMenuProvider {
    public static final String ID = "io.vgpio.ui.schematic.menu";

    public StimulusMenuProvider(EditPartViewer viewer) {
        super(viewer);
    }

    @Override
    public void buildContextMenu(IMenuManager menu) {
        LineEditPart part = selectedLine();
        if (part == null) {
            Action none = new Action("Right-click a line for its stimuli") {
            };
            none.setEnabled(false);
            menu.add(none);
            menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
            return;
        }
        LineState state = part.lineFigure().state();
        boolean drivable = state == null || state.direction() != Direction.OUT;
        StimulusScheduler s = part.pinLine().diagram().stimulus();
        int line = part.line();
        String what = "line " + line + (state == null || state.name().isEmpty() ? "" : " (" + state.name() + ")");

        Action header = new Action(drivable ? "Stimulus for " + what : what + " is an output: the guest drives it") {
        };
        header.setEnabled(false);
        menu.add(header);
        menu.add(new Separator());
        menu.add(action("&Toggle input", drivable, () -> s.submit(new Toggle(line))));
        menu.add(action("&Rising edge", drivable, () -> s.submit(Edge.rising(line))));
        menu.add(action("&Falling edge", drivable, () -> s.submit(Edge.falling(line))));
        menu.add(new Separator());
        menu.add(action("&Pulse\u2026", drivable, () -> ask(s, "Pulse on " + what,
                new String[] {"Width (\u00b5s)"}, new long[] {StimulusDefaults.PULSE_WIDTH_US},
                v -> new Pulse(line, v[0]))));
        menu.add(action("Pulse &train\u2026", drivable, () -> ask(s, "Pulse train on " + what,
                new String[] {"Count", "Period (\u00b5s)", "Width (\u00b5s)"}, new long[] {StimulusDefaults.TRAIN_COUNT,
                    StimulusDefaults.TRAIN_PERIOD_US, StimulusDefaults.TRAIN_WIDTH_US},
                v -> new PulseTrain(line, StimulusLimits.TRAIN_COUNT.checkInt(v[0]), v[1], v[2]))));
        menu.add(action("Contact &bounce\u2026", drivable, () -> ask(s, "Contact bounce on " + what,
                new String[] {"Transitions", "Duration (\u00b5s)"}, new long[] {StimulusDefaults.BOUNCE_TRANSITIONS,
                    StimulusDefaults.BOUNCE_DURATION_US},
                v -> new Bounce(line, StimulusLimits.BOUNCE_TRANSITIONS.checkInt(v[0]), v[1]))));
        menu.add(new Separator());
        addHardware(menu, line);
        menu.add(new Separator());
        BreakMenu.addTo(menu, line);
        menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    /** Bind to a physical line, or show the binding and offer to change or undo it. */
    private void addHardware(IMenuManager menu, int line) {
        Shell shell = getViewer().getControl().getShell();
        BindingStatus b = HardwareService.get().status(line);
        if (b == null) {
            menu.add(action("Bind to &Hardware Line\u2026", true, () -> HardwareActions.bind(shell, line, null, -1)));
            return;
        }
        Action what = new Action("Bound: " + b.binding().spec() + " (" + b.state().word() + ")") {
        };
        what.setEnabled(false);
        menu.add(what);
        menu.add(action("Change Hardware &Binding\u2026", true, () -> HardwareActions.bind(shell, line,
                b.binding().chip(), b.offset())));
        menu.add(action("&Unbind from " + b.binding().target(), true, () -> HardwareActions.unbind(line)));
    }

    private LineEditPart selectedLine() {
        List<?> selection = getViewer().getSelectedEditParts();
        for (Object o : selection) {
            if (o instanceof LineEditPart p) {
                return p;
            }
        }
        return null;
    }

    private static IAction action(String text, boolean enabled, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setEnabled(enabled);
        return a;
    }

    /** Asks for the parameters (OK only while they make a valid stimulus), then queues the stimulus. */
    private void ask(StimulusScheduler s, String title, String[] labels, long[] defaults,
            Function<long[], StimulusDefinition> define) {
        Shell shell = getViewer().getControl().getShell();
        ParametersDialog dialog = new ParametersDialog(shell, title, labels, defaults,
                v -> StimulusProblem.of(() -> define.apply(v)));
        if (dialog.open() == Window.OK) {
            s.submit(define.apply(dialog.values()));
        }
    }
}
