package io.vgpio.core.control;

/** A command that cannot run as given; its message is the REASON of the {@code err REASON} answer. */
final class BadCommand extends Exception {
    private static final long serialVersionUID = 1L;

    BadCommand(String message) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill
    }
}
