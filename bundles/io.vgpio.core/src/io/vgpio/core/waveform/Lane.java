package io.vgpio.core.waveform;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the waveform: the level of a GPIO line, or the markers of some virtqueue event kinds.
 *
 * @param key stable identity, kept in the view's memento ("line:3", "queue:requests")
 * @param line the GPIO line of a level lane, -1 for a marker lane
 * @param kinds the event kinds of a marker lane (empty for a level lane)
 */
public record Lane(String key, String label, int line, Set<EventKind> kinds) {

    public boolean isLine() {
        return line >= 0;
    }

    /** How a list of lanes names it: "line 3 RESET", "line 2" for an unnamed line, "virtqueue: requests". */
    public String title() {
        if (!isLine()) {
            return "virtqueue: " + label;
        }
        return label.startsWith("line ") ? label : "line " + label;
    }

    public static Lane line(int line, String name) {
        return new Lane("line:" + line, name.isEmpty() ? "line " + line : line + " " + name, line,
                EnumSet.noneOf(EventKind.class));
    }

    public static Lane markers(String key, String label, EventKind first, EventKind... rest) {
        return new Lane("queue:" + key, label, -1, EnumSet.of(first, rest));
    }

    /** The virtqueue lanes, in display order. */
    public static List<Lane> queueLanes() {
        return List.of(markers("requests", "requests", EventKind.REQUEST),
                markers("responses", "responses", EventKind.RESPONSE),
                markers("buffers", "eventq buffers", EventKind.EVENT_BUFFER),
                markers("interrupts", "interrupts", EventKind.INTERRUPT),
                markers("invalid", "returned INVALID", EventKind.BUFFER_INVALID),
                markers("violations", "rule violations", EventKind.RULE_VIOLATION, EventKind.CHAIN_ERROR));
    }

    /** One lane per line of the device, then the virtqueue lanes. */
    public static List<Lane> all(DeviceConfig config) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < config.lines(); i++) {
            lanes.add(line(i, config.name(i)));
        }
        lanes.addAll(queueLanes());
        return lanes;
    }
}
