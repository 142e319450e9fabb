package io.vgpio.core.tests;

import java.util.concurrent.locks.LockSupport;

/**
 * Tells whether an action can run to its end while something else is going on, without a time limit: the action
 * runs on a thread of its own, and the probe watches that thread until it either ends or parks on a lock (a
 * {@code java.util.concurrent} lock records what it parks on). A thread that parks waits for someone else; one that
 * ends did not have to.
 */
final class LockProbe {
    private LockProbe() {
    }

    /** Runs the action on a new thread; true if it finished, false if it had to wait on a lock. */
    static boolean completesWithoutWaiting(Runnable action) throws InterruptedException {
        Thread t = new Thread(action, "lock-probe");
        t.setDaemon(true); // one that waits forever must not keep the test JVM alive
        t.start();
        while (true) {
            Thread.State state = t.getState();
            if (state == Thread.State.TERMINATED) {
                return true;
            }
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                    && LockSupport.getBlocker(t) != null) {
                return false;
            }
            Thread.onSpinWait();
        }
    }
}
