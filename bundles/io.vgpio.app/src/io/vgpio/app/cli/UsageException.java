package io.vgpio.app.cli;

/** The user's arguments or files are wrong: one message naming the problem and the fix; exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
