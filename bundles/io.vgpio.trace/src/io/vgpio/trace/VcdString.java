package io.vgpio.trace;

import java.util.Arrays;

/**
 * A string variable of a VCD ({@code $var string}, values written {@code sTEXT ID}), as GTKWave shows one: a
 * decoder's annotations next to the wires they were read from. The values have no white space (VCD separates
 * tokens by it); {@link #add} replaces any with '_'. Changes are kept in time order.
 */
public final class VcdString {
    private final String name;
    private long[] times = new long[64];
    private String[] values = new String[64];
    private int count;

    /** @param name the variable's name, letters, digits and _ (anything else becomes _) */
    public VcdString(String name) {
        this.name = name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    public String name() {
        return name;
    }

    /**
     * The variable takes {@code value} at {@code timeNanos} (log time, as the wires' events); a change earlier
     * than the last one is refused, so the dump stays in time order.
     */
    public VcdString add(long timeNanos, String value) {
        if (count > 0 && timeNanos < times[count - 1]) {
            throw new IllegalArgumentException("string changes go back in time: " + timeNanos + " after "
                    + times[count - 1]);
        }
        if (count == times.length) {
            times = Arrays.copyOf(times, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        times[count] = timeNanos;
        values[count] = value.isEmpty() ? "-" : value.replaceAll("\\s", "_");
        count++;
        return this;
    }

    public int count() {
        return count;
    }

    public long time(int i) {
        return times[i];
    }

    public String value(int i) {
        return values[i];
    }
}
