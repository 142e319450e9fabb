package io.vgpio.core.tests.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.parts.Drive;
import io.vgpio.core.parts.Nets;
import io.vgpio.core.payload.Contention;
import io.vgpio.core.payload.Level;
import org.junit.jupiter.api.Test;

/** How a net resolves its drivers: wired-AND, resistors, contention, floating, and the guest's open-drain emulation. */
class NetsTest {
    @Test
    void open_drains_are_a_wired_and_over_the_pull_up() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            int sda = b.line("SDA");
            nets.driver(sda, 1).drive(Drive.PULL_UP);
            Nets.Driver one = nets.driver(sda, 2);
            Nets.Driver two = nets.driver(sda, 3);
            assertEquals(1, b.read("SDA"), "released open drains leave the pull-up's 1");
            one.drive(Drive.OPEN_DRAIN_LOW);
            assertEquals(0, b.read("SDA"));
            two.drive(Drive.OPEN_DRAIN_LOW);
            one.drive(Drive.RELEASED);
            assertEquals(0, b.read("SDA"), "one still pulls low");
            two.drive(Drive.RELEASED);
            assertEquals(1, b.read("SDA"));
            assertFalse(nets.inContention(sda), "open drains never fight");
        }
    }

    @Test
    void resistors_decide_only_without_a_strong_driver() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            int line = b.line("A");
            nets.driver(line, 1).drive(Drive.PULL_DOWN);
            assertEquals(0, b.read("A"));
            Nets.Driver strong = nets.driver(line, 2);
            strong.drive(Drive.HIGH);
            assertEquals(1, b.read("A"), "push-pull beats a pull-down");
            strong.drive(Drive.RELEASED);
            assertEquals(0, b.read("A"));
        }
    }

    @Test
    void a_net_nobody_drives_keeps_the_level_the_user_set() throws Exception {
        try (Board b = new Board()) {
            Nets.Driver d = b.parts.nets().driver(b.line("A"), 1);
            b.chip.setInput(b.line("A"), 1, Cause.USER);
            d.drive(Drive.RELEASED);
            assertEquals(1, b.read("A"));
            d.drive(Drive.LOW);
            assertEquals(0, b.read("A"));
            d.remove();
            assertEquals(0, b.read("A"), "a removed driver leaves the last level, as a line without parts would");
        }
    }

    @Test
    void two_parts_fighting_are_a_contention_and_low_wins() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            int line = b.line("A");
            nets.driver(line, 4).drive(Drive.HIGH);
            long before = b.log.nextSeq();
            nets.driver(line, 7).drive(Drive.LOW);
            assertTrue(nets.inContention(line));
            assertEquals(0, b.read("A"), "between parts, low wins");
            Event c = b.events(EventKind.CONTENTION).getLast();
            assertTrue(c.seq() >= before);
            assertEquals(line, c.line());
            assertEquals(Contention.driverOf(4), Contention.of(c).highDriver());
            assertEquals(Contention.driverOf(7), Contention.of(c).lowDriver());
        }
    }

    @Test
    void an_open_drain_pulling_low_against_a_push_pull_high_is_a_contention() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            int line = b.line("B");
            nets.driver(line, 1).drive(Drive.HIGH);
            Nets.Driver od = nets.driver(line, 2);
            od.drive(Drive.OPEN_DRAIN_LOW);
            assertTrue(nets.inContention(line));
            assertEquals(0, b.read("B"));
            od.drive(Drive.RELEASED);
            assertFalse(nets.inContention(line), "released, the open drain fights no more");
            assertEquals(1, b.read("B"));
        }
    }

    @Test
    void the_guest_driving_against_a_part_is_a_contention_and_the_guest_reads_its_own_value() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            nets.driver(b.line("A"), 3).drive(Drive.LOW);
            b.output("A", 1);
            assertTrue(nets.inContention(b.line("A")));
            assertEquals(1, b.read("A"));
            Contention c = Contention.of(b.events(EventKind.CONTENTION).getLast());
            assertEquals(Contention.GUEST, c.highDriver());
            assertEquals(Contention.driverOf(3), c.lowDriver());
            b.input("A");
            assertFalse(nets.inContention(b.line("A")), "released, the guest fights no more");
            assertEquals(0, b.read("A"));
        }
    }

    @Test
    void open_drain_emulation_by_direction_reads_back_the_net() throws Exception {
        try (Board b = new Board()) {
            Nets nets = b.parts.nets();
            int sda = b.line("SDA");
            nets.driver(sda, 1).drive(Drive.PULL_UP);
            Nets.Driver slave = nets.driver(sda, 2);
            b.openDrain("SDA", 1);
            assertEquals(1, b.read("SDA"), "released by the guest: the pull-up");
            b.openDrain("SDA", 0);
            assertEquals(0, b.read("SDA"));
            slave.drive(Drive.OPEN_DRAIN_LOW);
            b.openDrain("SDA", 1);
            assertEquals(0, b.read("SDA"), "released by the guest while a part pulls low: the part's 0");
            slave.drive(Drive.RELEASED);
            assertEquals(1, b.read("SDA"));
            assertFalse(nets.inContention(sda));
            Event last = b.events(EventKind.LEVEL).getLast();
            assertEquals(Cause.PART, Level.of(last).cause(), "the part's release is a level change with cause part");
        }
    }

    @Test
    void a_line_without_parts_logs_exactly_what_it_always_did() throws Exception {
        try (Board b = new Board()) {
            b.output("LED", 1);
            b.input("LED");
            b.chip.setInput(b.line("LED"), 1, Cause.USER);
            long parts = b.events(EventKind.LEVEL).stream().filter(e -> Level.of(e).cause() == Cause.PART).count();
            assertEquals(0, parts);
            assertEquals(0, b.events(EventKind.PART_EVENT).size());
        }
    }
}
