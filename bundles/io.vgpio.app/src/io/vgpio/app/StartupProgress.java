package io.vgpio.app;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.SplashScreen;

/**
 * How far the workbench's start got, told to the user and to scripts. The user sees the splash screen the start
 * script asks the JVM for ({@code java -splash:splash.png}, shown by the JVM's own native code before any class
 * loads, so it is up within a fraction of a second): a progress bar with the step that runs. Scripts and tests read
 * {@link #WINDOW_OPEN} on stdout once the first window is open (the launch benchmark's end point, and the
 * condition the e2e tests wait for instead of sleeping).
 *
 * <p>Without a splash (no {@code -splash}, no display, a headless JVM) only the stdout line remains.
 */
final class StartupProgress {
    /** The line on stdout when the first workbench window is open. */
    static final String WINDOW_OPEN = "vgpio: workbench window open";

    private static final int STEPS = 4;
    private static final Color BAR = new Color(0x4fc3f7);
    private static final Color TRACK = new Color(0x2e3d4f);
    private static final Color BACKGROUND = new Color(0x1e2a38);
    private static final Color TEXT = new Color(0xcfd8dc);

    private final SplashScreen splash;
    private int done;
    private boolean windowOpen;

    private StartupProgress(SplashScreen splash) {
        this.splash = splash;
    }

    /** The splash the JVM shows, if any. */
    static StartupProgress begin() {
        SplashScreen s = null;
        try {
            s = SplashScreen.getSplashScreen();
        } catch (UnsupportedOperationException | LinkageError e) {
            // HeadlessException (a headless JVM) or no native splash library: stdout only
        }
        return new StartupProgress(s);
    }

    /** Starts the next step: the bar grows one step and shows what runs now. */
    synchronized void step(String what) {
        done = Math.min(done + 1, STEPS);
        if (splash == null || !splash.isVisible()) {
            return;
        }
        try {
            Rectangle size = splash.getBounds();
            Graphics2D g = splash.createGraphics();
            try {
                paint(g, size.width, size.height, what);
            } finally {
                g.dispose();
            }
            splash.update();
        } catch (IllegalStateException e) {
            // closed meanwhile (the window opened): nothing left to draw on
        }
    }

    private void paint(Graphics2D g, int width, int height, String what) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int barY = height - 24;
        int barWidth = width - 80;
        g.setColor(BACKGROUND);
        g.fillRect(0, barY - 24, width, 48);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(what, 40, barY - 8);
        g.setColor(TRACK);
        g.fillRect(40, barY, barWidth, 4);
        g.setColor(BAR);
        g.fillRect(40, barY, barWidth * done / STEPS, 4);
    }

    /** The first window is open: the splash goes, the stdout line is printed (once, however many windows open). */
    synchronized void windowOpened() {
        if (windowOpen) {
            return;
        }
        windowOpen = true;
        close();
        System.out.println(WINDOW_OPEN);
        System.out.flush();
    }

    /** Closes the splash, if it is still up (also when the start failed before a window opened). */
    synchronized void close() {
        try {
            if (splash != null && splash.isVisible()) {
                splash.close();
            }
        } catch (IllegalStateException e) {
            // already closed
        }
    }
}
