package io.vgpio.core.breakpoint;

/**
 * One breakpoint as a reader sees it at a moment (the control socket's {@code break list}, a Breakpoints view).
 *
 * @param id      its number, given by {@link Breakpoints#add} and never reused in the device's life
 * @param spec    what it waits for and does
 * @param enabled a disabled breakpoint neither counts nor acts
 * @param hits    how many events matched it while enabled, including those its ignore count let pass
 */
public record Breakpoint(int id, BreakpointSpec spec, boolean enabled, long hits) {
    /** {@code ID hits=N enabled|disabled SPEC}: one line of {@code break list}. */
    public String describe() {
        return id + " hits=" + hits + " " + (enabled ? "enabled" : "disabled") + " " + spec.format();
    }
}
