package io.vgpio.ui;

/**
 * The names of the workbench's long-running jobs. The status bar shows a running job's name in a narrow field and
 * shortens a longer one in its middle ("Demo guest: blinking...rupts on line 1"), so each name is a few words that
 * fit; what the job does in detail goes to the Device console and the Progress view's task line.
 */
public final class JobNames {
    /** Longest name the status bar shows whole at 1024 pixels wide. */
    public static final int MAX_LENGTH = 24;
    public static final String DEMO_GUEST = "Demo guest";
    public static final String QEMU_GUEST = "QEMU guest";

    private JobNames() {
    }

    /** "Open trace NAME", or "Open trace" when the file's name would not fit. */
    public static String openTrace(String fileName) {
        return withFile("Open trace", fileName);
    }

    /** "Replay NAME", or "Replay" when the file's name would not fit. */
    public static String replay(String fileName) {
        return withFile("Replay", fileName);
    }

    private static String withFile(String action, String fileName) {
        String full = action + " " + fileName;
        return full.length() <= MAX_LENGTH ? full : action;
    }
}
