package io.vgpio.core.stimulus;

import java.util.Locale;

/**
 * The values a stimulus parameter may take, with the words to name it in a message: one place says what is
 * allowed, so the view's fields, the schematic's dialogs and the control socket accept the same numbers.
 *
 * @param name what the value is, in lower case ("pulse width")
 * @param unit its unit ("µs"), or "" for a count
 */
public record Range(String name, long min, long max, String unit) {

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /**
     * Returns the value if it is in range.
     *
     * @throws IllegalArgumentException naming the value, what it is and the range, e.g. "pulse width must be from 1
     *         to 60,000,000 µs, not 0"
     */
    public long check(long value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be from %,d to %,d%s, not %,d",
                    name, min, max, unit.isEmpty() ? "" : " " + unit, value));
        }
        return value;
    }

    /** {@link #check(long)} for a count that must fit an int. */
    public int checkInt(long value) {
        return Math.toIntExact(check(value));
    }
}
