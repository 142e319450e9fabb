package io.vgpio.ui.debug;

import io.vgpio.core.Event;
import io.vgpio.core.MessageType;
import io.vgpio.core.breakpoint.Action;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.Trigger;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;

/**
 * Makes the breakpoints the menus offer: one on a line (the schematic's "Break on"), or one matching a traffic
 * row's event ("Break on Messages Like This"); every one holds the device. Each becomes a persisted
 * {@link GpioBreakpoint} in the breakpoint manager, which installs it into the device ({@link BreakpointSync}).
 */
public final class BreakpointFactory {
    private BreakpointFactory() {
    }

    /** A hold breakpoint on one line: on a request (of one type, or any), a level change or an interrupt. */
    public static BreakpointSpec onLine(Trigger on, MessageType type, int line) {
        return new BreakpointSpec(on, Integer.toString(line), type, null, null, null, null, Action.HOLD, 0);
    }

    /**
     * A hold breakpoint on events like this one: the same kind, line and message type (requests and responses);
     * null for an event no breakpoint can wait for (a breakpoint hit, a fault, a direction change, ...).
     */
    public static BreakpointSpec like(Event e) {
        String line = e.line() < 0 ? null : Integer.toString(e.line());
        return switch (e.kind()) {
            case REQUEST -> spec(Trigger.REQUEST, line, MessageType.fromWire(Request.of(e).type()));
            case RESPONSE -> spec(Trigger.RESPONSE, line, MessageType.fromWire(Response.of(e).type()));
            case LEVEL -> spec(Trigger.LEVEL, line, null);
            case INTERRUPT -> spec(Trigger.INTERRUPT, line, null);
            case BUFFER_INVALID -> spec(Trigger.INVALID, line, null);
            case RULE_VIOLATION -> spec(Trigger.VIOLATION, line, null);
            case CHAIN_ERROR -> spec(Trigger.CHAIN_ERROR, null, null);
            case CONNECTION -> spec(ConnectionChange.of(e).connected() ? Trigger.CONNECT : Trigger.DISCONNECT, null,
                    null);
            default -> null;
        };
    }

    private static BreakpointSpec spec(Trigger on, String line, MessageType type) {
        boolean typed = on == Trigger.REQUEST || on == Trigger.RESPONSE;
        return new BreakpointSpec(on, line, typed ? type : null, null, null, null, null, Action.HOLD, 0);
    }

    /** Adds a persisted breakpoint to the workbench (and so to the serving device). */
    public static GpioBreakpoint add(BreakpointSpec spec) throws CoreException {
        DebugTargets.get(); // the mirror must be listening before the breakpoint arrives
        GpioBreakpoint b = GpioBreakpoint.create(spec, true, true);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(b);
        return b;
    }
}
