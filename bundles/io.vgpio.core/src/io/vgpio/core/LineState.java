package io.vgpio.core;

/**
 * A consistent snapshot of one line.
 *
 * @param level the level the guest reads: the output value on an output line, the input level otherwise
 * @param armed an eventq buffer is held for the line (the interrupt is unmasked)
 * @param latched an edge was seen while no buffer was held and will be reported when one arrives
 */
public record LineState(int line, String name, Direction direction, int outputValue, int inputLevel, int level,
        IrqType irqType, boolean armed, boolean latched) {
}
