package io.vgpio.core.fault;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The pulses of one glitch rule, on the rules' timer: at seeded random times (exponential gaps, so RATE a second on
 * average) the line's input flips for WIDTH µs and comes back, each change a LEVEL with cause {@link Cause#FAULT}
 * after the pulse's FAULT event. The same seed gives the same gaps. The timer is not exact: a pulse lasts at least
 * WIDTH, often a little more. Stops when the rule is deleted or spent.
 */
final class GlitchPulses {
    private final FaultRules rules;
    private final FaultRule rule;
    private final Chip chip;
    private final int line;
    private final Random gaps;

    GlitchPulses(FaultRules rules, FaultRule rule) {
        this.rules = rules;
        this.rule = rule;
        this.chip = rules.chip();
        this.line = rule.spec().line();
        this.gaps = new Random(rule.spec().seed());
    }

    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        if (rule.removed() || rule.spent()) {
            return;
        }
        double meanMicros = 1e6 / rule.spec().effect().glitchRate();
        long gap = Math.max(1, Math.round(-Math.log(1 - gaps.nextDouble()) * meanMicros));
        schedule(this::pulse, gap);
    }

    private void pulse() {
        int before;
        synchronized (chip) {
            if (!rule.fire()) {
                scheduleNext(); // every=N, prob=P: this one is skipped
                return;
            }
            rules.injected(rule, line);
            before = chip.inputLevel(line);
        }
        chip.setInput(line, 1 - before, Cause.FAULT);
        schedule(() -> {
            chip.setInput(line, before, Cause.FAULT);
            scheduleNext();
        }, rule.spec().effect().glitchWidthMicros());
    }

    private void schedule(Runnable r, long micros) {
        try {
            rules.timer().schedule(r, micros, TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException closed) {
            // the device is closing: no more pulses
        }
    }
}
