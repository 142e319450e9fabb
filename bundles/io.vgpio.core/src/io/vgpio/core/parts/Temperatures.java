package io.vgpio.core.parts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Temperatures in half degrees Celsius, as the LM75 resolves them, and their text ({@code 23.5}, {@code -5.5}). */
public final class Temperatures {
    public static final int MIN_HALVES = -110;
    public static final int MAX_HALVES = 250;

    private Temperatures() {
    }

    /** Reads degrees Celsius, rounded to the nearest half degree; from -55 to 125 °C. */
    public static int parse(String key, String text) throws PartException {
        try {
            int halves = new BigDecimal(text).multiply(BigDecimal.TWO).setScale(0, RoundingMode.HALF_EVEN)
                    .intValueExact();
            if (halves >= MIN_HALVES && halves <= MAX_HALVES) {
                return halves;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new PartException(key + " must be degrees Celsius from -55 to 125, e.g. 23.5, not '" + text + "'");
    }

    public static String format(int halves) {
        return BigDecimal.valueOf(halves * 5L, 1).toPlainString(); // 47 → 23.5, 48 → 24.0
    }
}
