package io.vgpio.trace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vgpio.core.Cause;
import io.vgpio.core.DriverRule;
import io.vgpio.core.EventKind;
import io.vgpio.core.breakpoint.Action;
import io.vgpio.core.fault.FaultEffect;
import io.vgpio.core.parts.PartAction;
import io.vgpio.core.parts.PartType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The wire numbers are the ones docs/trace-format.md lists, in its order: a reordered, renumbered or reused constant
 * fails here before it misreads anyone's traces.
 */
class WireNumbersTest {
    /** The names of numbers 0, 1, ... until the first number nothing has. */
    private static List<String> byNumber(LongFunction<Enum<?>> fromWire) {
        List<String> names = new ArrayList<>();
        for (long n = 0; fromWire.apply(n) != null; n++) {
            names.add(fromWire.apply(n).name());
        }
        assertNull(fromWire.apply(-1));
        return names;
    }

    @Test
    @DisplayName("Event kinds, causes, INVALID reasons, driver rules and chain errors keep their documented numbers")
    void wire_numbers_are_the_documented_ones() {
        assertEquals(List.of("REQUEST", "RESPONSE", "LEVEL", "DIRECTION", "IRQ_TYPE", "EVENT_BUFFER", "EDGE_LATCHED",
                "INTERRUPT", "BUFFER_INVALID", "RULE_VIOLATION", "CHAIN_ERROR", "CONNECTION", "FEATURES", "HW_EDGE",
                "BREAKPOINT_HIT", "FAULT", "PART_EVENT", "CONTENTION"),
                byNumber(EventKind::fromWire));
        assertEquals(EventKind.FAULT, EventKind.fromWire(15), "after 14, the breakpoint hit's number");
        assertEquals(EventKind.PART_EVENT, EventKind.fromWire(16));
        assertEquals(EventKind.CONTENTION, EventKind.fromWire(17));
        assertEquals(List.of("GUEST", "USER", "REPLAY", "HARDWARE", "FAULT", "PART"), byNumber(Cause::fromWire));
        assertEquals(List.of("ADDED", "NAME", "REMOVED", "STATE", "TEMPERATURE", "BYTE_WRITTEN", "I2C_START",
                "I2C_STOP", "I2C_BYTE"), byNumber(PartAction::fromWire));
        assertEquals(List.of("LED", "BUTTON", "SWITCH", "PULL_UP", "PULL_DOWN", "WIRE", "CLOCK", "ENCODER", "LM75",
                "EEPROM_24C02", "REGS"), byNumber(PartType::fromWire));
        assertEquals(List.of("ERR", "DELAY", "HANG", "SHORT_LENGTH", "DROP_IRQ", "DUP_IRQ", "SPURIOUS_IRQ", "STUCK",
                "GLITCH"), byNumber(FaultEffect.Kind::fromWire));
        assertEquals(List.of("HOLD", "PAUSE_GUEST", "LOG"), byNumber(Action::fromWire), "BREAKPOINT_HIT's action");
        assertEquals(List.of("DISABLED", "NOT_ENABLED", "DUPLICATE", "RELEASED", "BAD_REQUEST"),
                byNumber(EventKind.InvalidReason::fromWire));
        assertEquals(List.of("REQUEST_AND_RESPONSE_BUFFERS", "REQUEST_READ_ONLY", "RESPONSE_WRITABLE",
                "IRQ_WITHOUT_FEATURE", "IRQ_ON_OUTPUT", "IRQ_NOT_DISABLED_ON_RELEASE", "TRIGGER_CHANGE_WITHOUT_NONE",
                "OUTPUT_BEFORE_VALUE", "LINE_OUT_OF_RANGE", "UNKNOWN_MESSAGE", "UNMASK_BEFORE_ENABLE",
                "SEPARATE_EVENT_BUFFERS", "MULTIPLE_EVENT_BUFFERS"), byNumber(DriverRule::fromWire));
        assertEquals(List.of("BAD_HEAD_INDEX", "BAD_NEXT_INDEX", "LOOP", "ADDRESS_OUTSIDE_MEMORY",
                "INDIRECT_NOT_NEGOTIATED", "BAD_INDIRECT_TABLE", "NESTED_INDIRECT", "INDIRECT_WITH_NEXT",
                "READABLE_AFTER_WRITABLE", "TOO_LONG", "TOO_SHORT", "RING_INDEX_JUMP", "RING_OVERRUN"),
                byNumber(EventKind.ChainError::fromWire));
    }

    @Test
    @DisplayName("Every constant has a number (none is left out of the tables above)")
    void every_constant_has_a_number() {
        assertEquals(EventKind.values().length, byNumber(EventKind::fromWire).size());
        assertEquals(PartAction.values().length, byNumber(PartAction::fromWire).size());
        assertEquals(PartType.values().length, byNumber(PartType::fromWire).size());
        assertEquals(FaultEffect.Kind.values().length, byNumber(FaultEffect.Kind::fromWire).size());
        assertEquals(Cause.values().length, byNumber(Cause::fromWire).size());
        assertEquals(EventKind.InvalidReason.values().length, byNumber(EventKind.InvalidReason::fromWire).size());
        assertEquals(DriverRule.values().length, byNumber(DriverRule::fromWire).size());
        assertEquals(EventKind.ChainError.values().length, byNumber(EventKind.ChainError::fromWire).size());
    }
}
