package io.vgpio.app;

import java.util.Arrays;

/**
 * Recovers the user's command-line arguments exactly as typed.
 *
 * <p>Equinox consumes every argument it knows ({@code -data}, {@code -debug},
 * {@code -clean}, {@code -console}, ...) wherever it stands, so the start
 * script ({@code vgpio}) does not hand the user's arguments over as they are:
 * it passes {@link #MARKER} followed by each argument prefixed with
 * {@link #PREFIX}. No Equinox option starts with that prefix, so none of them
 * is taken. Without the marker (launched from an IDE, say), the application
 * arguments are used unchanged.
 */
final class LauncherArgs {

    static final String MARKER = "--vgpio-args";
    static final char PREFIX = ':';

    private LauncherArgs() {
    }

    static String[] decode(String[] applicationArgs) {
        if (applicationArgs == null) {
            return new String[0];
        }
        int marker = Arrays.asList(applicationArgs).indexOf(MARKER);
        if (marker < 0) {
            return applicationArgs.clone();
        }
        return Arrays.stream(applicationArgs, marker + 1, applicationArgs.length)
                .filter(a -> !a.isEmpty() && a.charAt(0) == PREFIX)
                .map(a -> a.substring(1))
                .toArray(String[]::new);
    }
}
