package io.vgpio.ui.debug;

import io.vgpio.core.Event;
import io.vgpio.core.EventFormat;
import io.vgpio.core.EventKind;
import io.vgpio.core.breakpoint.Breakpoint;
import io.vgpio.core.breakpoint.Breakpoints;
import io.vgpio.core.breakpoint.Halt;
import io.vgpio.core.payload.BreakpointHit;
import io.vgpio.session.DeviceSession;

/**
 * What a halt is about, read from the device's log: the event that hit (a request, an interrupt, ...) and the
 * breakpoint that hit it. The Debug view's one stack frame, the target's label and the status line say it.
 *
 * @param event      the event that hit, or null (a user's suspend, or the log dropped it)
 * @param breakpoint the breakpoint that hit, or null (a user's suspend, or removed since)
 * @param text       the event as the traffic table describes it, with its sequence number
 */
public record HeldMessage(Event event, Breakpoint breakpoint, String text) {

    /** Reads the halt's hit event and breakpoint from the device. */
    public static HeldMessage of(DeviceSession device, Halt halt) {
        Breakpoint bp = null;
        for (Breakpoint b : device.breakpoints().list()) {
            if (b.id() == halt.id()) {
                bp = b;
            }
        }
        Event hit = halt.id() == Breakpoints.SUSPENDED_BY_USER ? null : device.log().get(halt.seq());
        Event event = hit != null && hit.kind() == EventKind.BREAKPOINT_HIT
                ? device.log().get(BreakpointHit.of(hit).hitSeq()) : null;
        String text = event == null ? (halt.id() == Breakpoints.SUSPENDED_BY_USER ? "held by Suspend"
                : "the hit event #" + halt.seq() + " is no longer in the log")
                : "#" + event.seq() + " " + new EventFormat(device.config()).describe(event).replaceAll("\\s+", " ");
        return new HeldMessage(event, bp, text);
    }

    /** The breakpoint in a few words, e.g. {@code line 3 LED: SET_VALUE request}. */
    public String breakpointText() {
        if (breakpoint == null) {
            return "removed";
        }
        String what = BreakpointLabels.what(breakpoint.spec());
        return breakpoint.spec().line() == null ? what : "line " + breakpoint.spec().line() + " " + what;
    }
}
