package io.vgpio.gpiocdev.bind;

import io.vgpio.core.LineBinding;

/**
 * Where a binding stands right now.
 *
 * @param device the chip actually used ("gpiochip1"), empty until it was found
 * @param offset the physical line's offset, -1 until it was found
 * @param message what happened last, for the user ("edges from gpiochip1 line 5", "unplugged: ...")
 */
public record BindingStatus(LineBinding binding, State state, String device, int offset, String message) {

    /** States of a binding. */
    public enum State {
        /** Input: the physical line is requested and its edges drive the simulated line. */
        ACTIVE,
        /** Output: the physical line is free, waiting for the guest to drive the simulated line. */
        IDLE,
        /** Output: the guest drives the simulated line and so the physical pin. */
        DRIVING,
        /** The chip went away (unplugged); retried every second, the simulated line works on its own. */
        UNPLUGGED,
        /** The physical line is held by another consumer; retried every second. */
        BUSY;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** "3 active in gpiochip1:5 (gpiochip1 5): message": the control socket's and the CLI's line. */
    public String describe() {
        return binding.line() + " " + state.word() + " " + binding.spec()
                + (offset >= 0 ? " (" + device + " line " + offset + ")" : "") + ": " + message;
    }
}
