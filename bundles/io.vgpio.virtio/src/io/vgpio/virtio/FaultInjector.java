package io.vgpio.virtio;

import io.vgpio.core.Event;
import io.vgpio.core.MessageType;
import io.vgpio.core.fault.FaultEffect;
import io.vgpio.core.fault.FaultRule;
import io.vgpio.core.fault.FaultRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@link RequestHandler} that applies the request faults of {@link FaultRules} in front of the chip's handler:
 * {@code err} answers ERR without applying the operation, {@code short-length} answers with a used length one byte
 * short, {@code delay:D} answers D µs later from the rules' timer, {@code hang} answers when its rule is deleted. A
 * delayed or hung request is applied when it is answered, as if it had arrived then. Line faults are the chip's
 * ({@link io.vgpio.core.LineFaults}); eventq buffers pass through untouched.
 */
public final class FaultInjector implements RequestHandler, FaultRules.Listener {
    private final RequestHandler inner;
    private final FaultRules rules;
    /** The rule that fired for the request being answered, until the device parks it. Under the chip's monitor. */
    private FaultRule parking;
    /** Hung requests with the rule that hangs them. Under the chip's monitor. */
    private final List<Hung> hung = new ArrayList<>();

    private record Hung(FaultRule rule, ParkedRequest request) {
    }

    public FaultInjector(RequestHandler inner, FaultRules rules) {
        this.inner = inner;
        this.rules = rules;
        rules.addListener(this);
    }

    @Override
    public Reply answer(GpioRequest r) {
        int line = r.messageType() == MessageType.GET_LINE_NAMES ? Event.NO_LINE : r.line();
        FaultRule rule = rules.requestFault(r.type(), r.line(), line);
        if (rule == null) {
            return inner.answer(r);
        }
        return switch (rule.spec().effect().kind()) {
            case ERR -> Reply.error();
            case SHORT_LENGTH -> inner.answer(r).oneByteShort();
            case DELAY, HANG -> {
                parking = rule;
                yield Reply.later();
            }
            default -> inner.answer(r); // line effects never match a request
        };
    }

    @Override
    public void parked(ParkedRequest request) {
        FaultRule rule = parking;
        parking = null;
        if (rule.spec().effect().kind() == FaultEffect.Kind.HANG) {
            hung.add(new Hung(rule, request));
            return;
        }
        try {
            rules.timer().schedule(() -> answerNormally(request), rule.spec().effect().delayMicros(),
                    TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException closing) {
            // the device is closing: the guest goes with it
        }
    }

    private void answerNormally(ParkedRequest request) {
        request.answer(() -> inner.answer(request.request()));
    }

    @Override
    public void unmask(int line, long token) {
        inner.unmask(line, token);
    }

    /** A deleted hang rule releases its requests: each is answered as the chip answers it now. */
    @Override
    public void ruleRemoved(FaultRule rule) {
        List<ParkedRequest> release = new ArrayList<>();
        synchronized (rules.chip()) {
            hung.removeIf(h -> h.rule() == rule && release.add(h.request()));
        }
        release.forEach(this::answerNormally); // outside the monitor, so each answer wakes the driver
    }
}
