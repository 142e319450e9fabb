package io.vgpio.gpiocdev;

import io.vgpio.core.LineBinding.Bias;
import io.vgpio.core.LineBinding.Drive;
import io.vgpio.gpiocdev.internal.Uapi;

/**
 * How to request a line: the uAPI v2 line configuration of a single line.
 *
 * @param output true for an output, false for an input
 * @param edges for inputs: detect rising and falling edges (events are read from the request)
 * @param outputValue for outputs: the logical value driven from the moment of the request
 * @param debounceMicros for inputs: debounce period (0: none); the kernel debounces in software when the chip
 *        cannot
 */
public record LineSettings(boolean output, boolean edges, Bias bias, Drive drive, boolean activeLow,
        long debounceMicros, int outputValue) {

    /** An input with edge detection on both edges. */
    public static LineSettings input(Bias bias, boolean activeLow, long debounceMicros) {
        return new LineSettings(false, true, bias, Drive.PUSH_PULL, activeLow, debounceMicros, 0);
    }

    /** An input without edge detection (as gpioget requests it). */
    public static LineSettings plainInput() {
        return new LineSettings(false, false, Bias.AS_IS, Drive.PUSH_PULL, false, 0, 0);
    }

    public static LineSettings output(Drive drive, Bias bias, boolean activeLow, int value) {
        return new LineSettings(true, false, bias, drive, activeLow, 0, value);
    }

    /** The uAPI v2 flags word. */
    long flags() {
        long f = output ? Uapi.FLAG_OUTPUT : Uapi.FLAG_INPUT;
        if (!output && edges) {
            f |= Uapi.FLAG_EDGE_RISING | Uapi.FLAG_EDGE_FALLING;
        }
        if (activeLow) {
            f |= Uapi.FLAG_ACTIVE_LOW;
        }
        f |= switch (bias) {
            case PULL_UP -> Uapi.FLAG_BIAS_PULL_UP;
            case PULL_DOWN -> Uapi.FLAG_BIAS_PULL_DOWN;
            case DISABLED -> Uapi.FLAG_BIAS_DISABLED;
            case AS_IS -> 0;
        };
        if (output) {
            f |= switch (drive) {
                case OPEN_DRAIN -> Uapi.FLAG_OPEN_DRAIN;
                case OPEN_SOURCE -> Uapi.FLAG_OPEN_SOURCE;
                case PUSH_PULL -> 0;
            };
        }
        return f;
    }
}
