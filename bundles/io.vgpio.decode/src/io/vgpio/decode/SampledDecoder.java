package io.vgpio.decode;

/**
 * Turns an edge stream into the samples a logic-analyser decoder works on: changes at the same time become one
 * sample (so a decoder sees SCL and SDA changing together as sigrok does), and a decoder that waits for a moment
 * rather than an edge (a UART bit's middle, the end of a 1-Wire slot) names it in {@link #deadline()} and gets a
 * sample there. A subclass keeps only its protocol's state machine.
 */
public abstract class SampledDecoder implements Decoder {
    /** {@link #deadline()} when the decoder waits for edges only. */
    protected static final long NEVER = Long.MAX_VALUE;
    /** A decoder that keeps asking for the same instant is broken; better to say so than to spin. */
    private static final int MAX_SAMPLES_AT_ONE_TIME = 64;

    protected final DecodeListener listener;
    private int levels;
    private long pendingTime = Long.MIN_VALUE;
    private int pendingLevels;
    private boolean ended;

    protected SampledDecoder(DecodeListener listener) {
        this.listener = listener;
    }

    @Override
    public final void begin(long timeNs, int[] initial) {
        int mask = 0;
        for (int ch = 0; ch < initial.length; ch++) {
            mask |= (initial[ch] & 1) << ch;
        }
        levels = mask;
        pendingLevels = mask;
        pendingTime = timeNs;
        first(timeNs, mask);
    }

    @Override
    public final void change(long timeNs, int channel, int level) {
        if (ended) {
            return;
        }
        if (timeNs != pendingTime) {
            commit();
            pendingTime = timeNs;
        }
        pendingLevels = level == 0 ? pendingLevels & ~(1 << channel) : pendingLevels | (1 << channel);
    }

    @Override
    public final void advance(long timeNs) {
        if (ended) {
            return;
        }
        if (pendingTime < timeNs) {
            commit();
        }
        runDeadlinesBefore(timeNs);
    }

    @Override
    public final void end(long endNs) {
        if (ended) {
            return;
        }
        if (pendingTime < endNs) {
            commit();
        }
        runDeadlinesBefore(endNs);
        ended = true;
        finish(endNs);
    }

    /** Decodes the sample at {@code pendingTime}, after the moments the decoder waits for before it. */
    private void commit() {
        runDeadlinesBefore(pendingTime);
        int before = levels;
        levels = pendingLevels;
        if (before != levels || deadline() == pendingTime) {
            sampleAt(pendingTime, before);
        }
    }

    private void runDeadlinesBefore(long limit) {
        long d;
        while ((d = deadline()) < limit) {
            sampleAt(d, levels);
        }
    }

    /** One sample, then again while the decoder asks for this same instant (sigrok's wait with nothing to skip). */
    private void sampleAt(long timeNs, int previous) {
        sample(timeNs, levels, previous);
        for (int i = 0; deadline() <= timeNs; i++) {
            if (i == MAX_SAMPLES_AT_ONE_TIME) {
                throw new IllegalStateException(getClass().getSimpleName() + " keeps waiting for " + timeNs + " ns");
            }
            sample(timeNs, levels, levels);
        }
    }

    /** The first sample: the levels at the start, before any change (no edge can be seen in it). */
    protected void first(long timeNs, int levels) {
    }

    /**
     * One sample: {@code levels} has bit {@code 1 << channel} set for each high channel, {@code previous} the levels
     * of the sample before; equal when the sample is a deadline with no change.
     */
    protected abstract void sample(long timeNs, int levels, int previous);

    /** The next moment the decoder wants a sample at even without a change, or {@link #NEVER}. */
    protected long deadline() {
        return NEVER;
    }

    /** The input ended at {@code endNs}; report what is still open. */
    protected void finish(long endNs) {
    }

    protected final void emit(long startNs, long endNs, AnnotationKind kind, int value, int lane, int digits) {
        listener.annotation(new Annotation(startNs, endNs, kind, value, lane, digits));
    }

    protected final void emit(long startNs, long endNs, AnnotationKind kind, int value, int lane) {
        emit(startNs, endNs, kind, value, lane, 2);
    }

    protected final void emit(long startNs, long endNs, AnnotationKind kind, int value) {
        emit(startNs, endNs, kind, value, 0);
    }

    protected static boolean high(int levels, int channel) {
        return (levels >> channel & 1) != 0;
    }

    protected static boolean rose(int levels, int previous, int channel) {
        return ((levels & ~previous) >> channel & 1) != 0;
    }

    protected static boolean fell(int levels, int previous, int channel) {
        return ((~levels & previous) >> channel & 1) != 0;
    }

    protected static boolean changed(int levels, int previous, int channel) {
        return ((levels ^ previous) >> channel & 1) != 0;
    }
}
