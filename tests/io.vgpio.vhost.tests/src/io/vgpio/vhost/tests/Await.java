package io.vgpio.vhost.tests;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that nothing announces (an entry in the used ring the driver was not woken for, a buffer
 * the connection thread has taken). No clock: the test's @Timeout interrupts the wait if the condition never comes,
 * so a regression fails instead of hanging the build.
 */
final class Await {
    private Await() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the condition never came true");
            }
            Thread.yield();
        }
    }
}
