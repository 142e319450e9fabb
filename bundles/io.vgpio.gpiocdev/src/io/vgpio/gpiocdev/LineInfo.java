package io.vgpio.gpiocdev;

import io.vgpio.core.LineBinding.Bias;
import io.vgpio.core.LineBinding.Drive;
import io.vgpio.gpiocdev.internal.Uapi;

/**
 * What GPIO_V2_GET_LINEINFO_IOCTL reports about one line.
 *
 * @param name the line's name, empty when unnamed
 * @param consumer the label of whoever holds the line, empty when none was given
 * @param flags the uAPI v2 flag bits
 * @param debounceMicros the debounce period in effect, 0 for none
 */
public record LineInfo(int offset, String name, String consumer, long flags, long debounceMicros) {

    /** Held by a consumer (or the kernel) and so not available for a request. */
    public boolean used() {
        return (flags & Uapi.FLAG_USED) != 0;
    }

    public boolean output() {
        return (flags & Uapi.FLAG_OUTPUT) != 0;
    }

    public boolean activeLow() {
        return (flags & Uapi.FLAG_ACTIVE_LOW) != 0;
    }

    public Bias bias() {
        if ((flags & Uapi.FLAG_BIAS_PULL_UP) != 0) {
            return Bias.PULL_UP;
        }
        if ((flags & Uapi.FLAG_BIAS_PULL_DOWN) != 0) {
            return Bias.PULL_DOWN;
        }
        return (flags & Uapi.FLAG_BIAS_DISABLED) != 0 ? Bias.DISABLED : Bias.AS_IS;
    }

    public Drive drive() {
        if ((flags & Uapi.FLAG_OPEN_DRAIN) != 0) {
            return Drive.OPEN_DRAIN;
        }
        return (flags & Uapi.FLAG_OPEN_SOURCE) != 0 ? Drive.OPEN_SOURCE : Drive.PUSH_PULL;
    }

    /** "rising", "falling", "both" or "none": the edge detection a consumer enabled. */
    public String edges() {
        boolean r = (flags & Uapi.FLAG_EDGE_RISING) != 0;
        boolean f = (flags & Uapi.FLAG_EDGE_FALLING) != 0;
        return r && f ? "both" : r ? "rising" : f ? "falling" : "none";
    }
}
