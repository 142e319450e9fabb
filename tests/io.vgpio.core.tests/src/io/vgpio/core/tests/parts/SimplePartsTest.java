package io.vgpio.core.tests.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartAction;
import io.vgpio.core.parts.PartException;
import io.vgpio.core.parts.PartNames;
import io.vgpio.core.parts.PartType;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.PartEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LED, button, switch, resistors, wire, clock and encoder on a chip driven as the guest drives it. */
class SimplePartsTest {
    @Test
    void an_led_lights_at_its_active_level_and_says_so_in_state_events() throws Exception {
        try (Board b = new Board()) {
            Part high = b.add("red", "led line=LED");
            Part low = b.add("green", "led line=LED active=low");
            b.output("LED", 1);
            assertEquals("1", high.get("on"));
            assertEquals("0", low.get("on"));
            b.output("LED", 0);
            assertEquals("0", high.get("on"));
            assertEquals("1", low.get("on"));
            List<Long> redStates = b.events(EventKind.PART_EVENT).stream().map(PartEvent::of)
                    .filter(p -> p.partId() == 0 && p.action() == PartAction.STATE).map(PartEvent::value).toList();
            assertEquals(List.of(0L, 1L, 0L), redStates, "dark when added, lit, dark");
            assertThrows(PartException.class, () -> high.set("on", "1"));
        }
    }

    @Test
    void adding_a_part_logs_its_type_and_name() throws Exception {
        try (Board b = new Board()) {
            b.add("a_rather_long_name", "pull-up line=A");
            List<PartEvent> e = b.events(EventKind.PART_EVENT).stream().map(PartEvent::of).toList();
            assertEquals(PartAction.ADDED, e.get(0).action());
            assertEquals(PartType.PULL_UP.wire(), e.get(0).value());
            String name = e.stream().filter(p -> p.action() == PartAction.NAME)
                    .map(p -> PartNames.chunkText(p.value())).reduce("", String::concat);
            assertEquals("a_rather_long_name", name);
        }
    }

    @Test
    void a_button_with_pull_up_reads_1_released_and_0_pressed() throws Exception {
        try (Board b = new Board()) {
            Part btn = b.add("btn", "button line=BUTTON pull=up");
            b.input("BUTTON");
            assertEquals(1, b.read("BUTTON"));
            btn.press(0);
            assertEquals(0, b.read("BUTTON"));
            assertEquals("1", btn.get("pressed"));
            btn.release();
            assertEquals(1, b.read("BUTTON"));
            Part down = b.add("down", "button line=A pull=down");
            assertEquals(0, b.read("A"));
            down.set("pressed", "1");
            assertEquals(1, b.read("A"));
        }
    }

    @Test
    void a_timed_press_lets_go_on_the_parts_timer() throws Exception {
        try (Board b = new Board()) {
            Part btn = b.add("btn", "button line=BUTTON");
            btn.press(5);
            b.await(() -> partLevels(b).size() == 3, "the release 5 ms later");
            assertEquals(List.of(1L, 0L, 1L), partLevels(b).stream().map(e -> Level.of(e).level()).toList(),
                    "the pull-up, the press, the release");
            assertEquals("0", btn.get("pressed"));
        }
    }

    @Test
    void a_seeded_bounce_makes_its_transitions_and_ends_at_the_new_level() throws Exception {
        List<Long> first = bounceTimes();
        assertEquals(1 + 8, first.size(), "the press and eight bounces; the last one lands on the pressed level: " + first);
        assertEquals(first.size(), bounceTimes().size(), "the same seed, the same bounce");
    }

    /** The level changes of one bouncing press, as offsets from the first. */
    private static List<Long> bounceTimes() throws Exception {
        try (Board b = new Board()) {
            Part btn = b.add("btn", "button line=BUTTON bounce=8:2ms seed=7");
            btn.press(0);
            b.await(() -> b.events(EventKind.LEVEL).stream().filter(e -> Level.of(e).cause() == Cause.PART)
                    .count() >= 10, "nine level changes after the pull-up's");
            b.await(() -> b.read("BUTTON") == 0, "the final level");
            List<Event> levels = b.events(EventKind.LEVEL).stream()
                    .filter(e -> Level.of(e).cause() == Cause.PART).toList();
            return levels.subList(1, levels.size()).stream().map(Event::timeNanos).toList();
        }
    }

    @Test
    void a_switch_stays_where_it_is_put() throws Exception {
        try (Board b = new Board()) {
            Part sw = b.add("sw", "switch line=A pull=up");
            assertEquals(1, b.read("A"));
            sw.set("on", "1");
            assertEquals(0, b.read("A"));
            assertEquals("1", sw.get("on"));
            sw.set("on", "0");
            assertEquals(1, b.read("A"));
            assertThrows(PartException.class, () -> sw.set("on", "2"));
        }
    }

    @Test
    void pull_resistors_set_a_released_line() throws Exception {
        try (Board b = new Board()) {
            b.add("up", "pull-up line=A");
            b.add("down", "pull-down line=B");
            b.input("A");
            assertEquals(1, b.read("A"));
            assertEquals(0, b.read("B"));
            b.output("A", 0);
            assertEquals(0, b.read("A"), "the guest's output beats the resistor");
        }
    }

    @Test
    void a_wire_carries_the_guest_output_of_one_line_to_the_input_of_another() throws Exception {
        try (Board b = new Board()) {
            b.add("loop", "wire from=WIRE_A to=WIRE_B");
            b.input("WIRE_B");
            b.output("WIRE_A", 1);
            assertEquals(1, b.read("WIRE_B"));
            b.output("WIRE_A", 0);
            assertEquals(0, b.read("WIRE_B"));
        }
    }

    @Test
    void parts_watching_a_line_hear_the_user_and_hardware_too() throws Exception {
        try (Board b = new Board()) {
            b.add("loop", "wire from=WIRE_A to=WIRE_B");
            Part led = b.add("led", "led line=LED");
            b.chip.setInput(b.line("WIRE_A"), 1, Cause.USER);
            assertEquals(1, b.read("WIRE_B"));
            b.chip.hardwareEdge(b.line("WIRE_A"), 0, System.nanoTime());
            assertEquals(0, b.read("WIRE_B"));
            b.chip.setInput(b.line("LED"), 1, Cause.REPLAY);
            assertEquals("1", led.get("on"));
        }
    }

    @Test
    void a_clock_toggles_until_stopped() throws Exception {
        try (Board b = new Board()) {
            Part clk = b.add("clk", "clock line=A period=1ms duty=25%");
            b.await(() -> partLevels(b).size() >= 6, "three periods");
            clk.set("running", "0");
            assertEquals("0", clk.get("running"));
            b.await(() -> b.read("A") == 0, "stopped low");
            List<Event> levels = partLevels(b);
            for (int i = 1; i < levels.size(); i++) {
                assertTrue(Level.of(levels.get(i)).level() != Level.of(levels.get(i - 1)).level(), "alternates");
            }
        }
    }

    private static List<Event> partLevels(Board b) {
        return b.events(EventKind.LEVEL).stream().filter(e -> Level.of(e).cause() == Cause.PART).toList();
    }

    @Test
    void an_encoder_turns_in_quadrature_and_counts_detents() throws Exception {
        try (Board b = new Board()) {
            Part enc = b.add("knob", "encoder a=A b=B speed=1000");
            StringBuilder seq = new StringBuilder();
            b.parts.nets().watch(b.line("A"), l -> seq.append("a").append(l));
            b.parts.nets().watch(b.line("B"), l -> seq.append("b").append(l));
            enc.turn(1);
            b.await(() -> "1".equals(get(enc, "position")), "one detent clockwise");
            assertEquals("a0b0a1b1", seq.toString(), "A leads clockwise");
            seq.setLength(0);
            enc.turn(-2);
            b.await(() -> "-1".equals(get(enc, "position")), "two detents back");
            assertEquals("b0a0b1a1b0a0b1a1", seq.toString(), "B leads the other way");
            assertThrows(PartException.class, () -> enc.press(0), "no sw= given");
        }
    }

    private static String get(Part p, String property) {
        try {
            return p.get(property);
        } catch (PartException e) {
            throw new AssertionError(e);
        }
    }
}
