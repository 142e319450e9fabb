package io.vgpio.core.breakpoint;

import java.util.Locale;

/** What a breakpoint does when it hits. Wire numbers go into BREAKPOINT_HIT events and traces: fixed forever. */
public enum Action {
    /** The device stops taking requests and completing eventq buffers until step or continue. */
    HOLD(0),
    /** Hold, and stop the guest's vCPUs through QMP ({@code stop}); continue sends {@code cont}. */
    PAUSE_GUEST(1),
    /** Record a BREAKPOINT_HIT and go on (a tracepoint). */
    LOG(2);

    private final int wire;

    Action(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    public static Action fromWire(long wire) {
        for (Action a : values()) {
            if (a.wire == wire) {
                return a;
            }
        }
        return null;
    }

    /** The action a spec word names, or null. */
    public static Action fromWord(String word) {
        for (Action a : values()) {
            if (a.word().equals(word)) {
                return a;
            }
        }
        return null;
    }

    /** The word in a breakpoint spec: hold, pause-guest, log. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for the actions that hold the device. */
    public boolean holds() {
        return this != LOG;
    }
}
