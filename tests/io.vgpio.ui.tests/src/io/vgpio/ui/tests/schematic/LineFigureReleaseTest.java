package io.vgpio.ui.tests.schematic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import io.vgpio.ui.schematic.figures.LineFigure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a line's row shows as the guest requests and releases it, snapshot by snapshot. */
class LineFigureReleaseTest {

    private static LineState state(Direction d, int value) {
        return new LineState(0, "LED", d, value, 0, d == Direction.OUT ? value : 0, IrqType.NONE, false, false);
    }

    @Test
    @DisplayName("An output released keeps a dark LED; an input released keeps its switch; never requested is not released")
    void release_keeps_the_peripheral() {
        LineFigure f = new LineFigure(0, false);
        f.setState(state(Direction.NONE, 0));
        assertFalse(f.isReleased(), "a line never requested is unused, not released");
        assertTrue(f.toggle().isVisible());

        f.setState(state(Direction.OUT, 1));
        assertTrue(f.led().isVisible() && f.led().isLit());
        f.setState(state(Direction.NONE, 0));
        assertTrue(f.isReleased());
        assertTrue(f.led().isVisible(), "the LED stays");
        assertFalse(f.led().isLit(), "and goes dark");
        assertFalse(f.toggle().isVisible());

        f.forgetRequests(); // a trace scrubbed back before the request
        assertFalse(f.isReleased());
        assertTrue(f.toggle().isVisible());

        f.setState(state(Direction.IN, 0));
        f.setState(state(Direction.NONE, 0));
        assertTrue(f.isReleased());
        assertTrue(f.toggle().isVisible(), "a released input keeps its switch");
    }
}
