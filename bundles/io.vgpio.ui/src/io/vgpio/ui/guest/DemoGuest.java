package io.vgpio.ui.guest;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.MessageType;
import io.vgpio.driver.GpioDriver;
import io.vgpio.ui.JobNames;
import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.session.DeviceSession;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A built-in guest that needs no QEMU, for classrooms: the Java driver attaches over the real vhost-user
 * socket and behaves like a small firmware: it blinks an LED on line 0 twice a second, arms line 1 (a button) for
 * interrupts on both edges, and counts them, re-arming after each one as the Linux driver does.
 */
public final class DemoGuest {
    public static final int LED = 0;
    public static final int BUTTON = 1;
    private static Job running;

    private DemoGuest() {
    }

    /** Starts the demo against a device, or stops it if it runs. */
    public static synchronized void toggle(DeviceSession host) {
        if (running != null && running.getState() != Job.NONE) {
            running.cancel();
            running = null;
            return;
        }
        running = start(host);
    }

    public static synchronized boolean isRunning() {
        return running != null && running.getState() != Job.NONE;
    }

    public static Job start(DeviceSession host) {
        Job job = new Job(JobNames.DEMO_GUEST) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Blinking line " + LED + ", counting interrupts on line " + BUTTON,
                        IProgressMonitor.UNKNOWN);
                try (GpioDriver d = GpioDriver.attach(host.socketPath())) {
                    ConsoleBuffer.GUEST.append("demo guest: attached, " + d.ngpio() + " lines");
                    d.request(MessageType.SET_VALUE.wireValue(), LED, 0);
                    d.request(MessageType.SET_DIRECTION.wireValue(), LED, Direction.OUT.wireValue());
                    d.request(MessageType.SET_DIRECTION.wireValue(), BUTTON, Direction.IN.wireValue());
                    boolean irq = (d.acceptedFeatures() & 1) != 0;
                    if (irq) {
                        d.request(MessageType.SET_IRQ_TYPE.wireValue(), BUTTON, IrqType.EDGE_BOTH.wireValue());
                        d.queueIrqBuffer(BUTTON);
                    }
                    int led = 0;
                    int count = 0;
                    long nextBlink = System.nanoTime();
                    while (!monitor.isCanceled()) {
                        if (System.nanoTime() >= nextBlink) {
                            led ^= 1;
                            d.request(MessageType.SET_VALUE.wireValue(), LED, led);
                            nextBlink += 500_000_000L;
                        }
                        GpioDriver.Interrupt i = irq ? d.awaitInterrupt(50) : null;
                        if (i == null) {
                            if (!irq) {
                                Thread.sleep(50);
                            }
                            continue;
                        }
                        if (i.valid()) {
                            int level = d.request(MessageType.GET_VALUE.wireValue(), BUTTON, 0).value();
                            count++;
                            ConsoleBuffer.GUEST.append("demo guest: interrupt " + count + " on line " + BUTTON
                                    + " (" + (level == 1 ? "rising" : "falling") + ")");
                        }
                        d.queueIrqBuffer(BUTTON);
                    }
                    if (irq) {
                        d.request(MessageType.SET_IRQ_TYPE.wireValue(), BUTTON, IrqType.NONE.wireValue());
                    }
                    d.request(MessageType.SET_DIRECTION.wireValue(), BUTTON, Direction.NONE.wireValue());
                    d.request(MessageType.SET_DIRECTION.wireValue(), LED, Direction.NONE.wireValue());
                    ConsoleBuffer.GUEST.append("demo guest: stopped after " + count + " interrupts");
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    ConsoleBuffer.GUEST.append("demo guest: " + e.getMessage());
                    return Status.error("The demo guest stopped: " + e.getMessage()
                            + " (a QEMU guest may be attached: the device serves one frontend at a time)", e);
                }
            }
        };
        job.setSystem(false);
        job.schedule();
        return job;
    }
}
