package io.vgpio.core.fault;

import java.util.Random;

/**
 * One installed fault rule: its id, its spec, whether it is enabled, and how often it matched and fired. Its state
 * is guarded by the chip's monitor (the lock of {@link FaultRules}), under which every match is decided, so hit
 * counts and the order of FAULT events agree. {@code prob=} draws from a generator seeded with the spec's seed: the
 * same sequence of matches gives the same hits on every run.
 */
public final class FaultRule {
    private final int id;
    private final FaultSpec spec;
    private final Random random;
    private long matches;
    private long hits;
    private boolean enabled = true;
    private volatile boolean removed;

    FaultRule(int id, FaultSpec spec) {
        this.id = id;
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    public int id() {
        return id;
    }

    public FaultSpec spec() {
        return spec;
    }

    /** How often the rule fired. */
    public long hits() {
        return hits;
    }

    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    /** The fires a {@code count=N} rule has left, or -1 for a rule without a count. */
    public long remaining() {
        return spec.frequency().mode() == FaultFrequency.Mode.COUNT ? Math.max(0, spec.frequency().n() - hits) : -1;
    }

    /** True once a {@code count=N} rule fired N times: it stays listed but fires no more. */
    public boolean spent() {
        return remaining() == 0;
    }

    /** True once deleted: work it scheduled (a glitch's next pulse) stops. */
    public boolean removed() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    /** One match: decides whether the rule fires this time, and counts it. Under the chip's monitor. */
    boolean fire() {
        if (!enabled || removed) {
            return false;
        }
        matches++;
        FaultFrequency f = spec.frequency();
        boolean fires = switch (f.mode()) {
            case ALWAYS -> true;
            case COUNT -> hits < f.n();
            case EVERY -> matches % f.n() == 0;
            case PROBABILITY -> random.nextDouble() < f.probability();
        };
        if (fires) {
            hits++;
        }
        return fires;
    }

    /** The line {@code fault list} prints: {@code ID hits=N SPEC}. */
    public String listLine() {
        return id + " hits=" + hits + " " + spec.text();
    }
}
