package io.vgpio.core.tests.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.traffic.TrafficFilter;
import io.vgpio.core.traffic.TrafficFilter.StatusChoice;
import io.vgpio.core.traffic.TrafficFilter.TypeChoice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The traffic table's filter, on events as the device logs them (the payload decoded from the log's columns). */
class TrafficFilterTest {
    private final EventLog log = new EventLog(64);

    private static TypeChoice type(String label) {
        return TrafficFilter.TYPES.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private boolean matches(TrafficFilter f, long seq) {
        var e = log.get(seq);
        return f.matches(e.kind(), e.line(), e.a());
    }

    @Test
    @DisplayName("The default shows every virtqueue message of every line, but no level or configuration change")
    void defaults_show_messages_only() {
        TrafficFilter f = TrafficFilter.defaults();
        assertEquals("All messages", TrafficFilter.TYPES.get(0).label());
        assertEquals(TrafficFilter.ALL_LINES, f.line());
        assertTrue(matches(f, Traffic.request(log, MessageType.GET_VALUE, 3, 0)));
        assertTrue(matches(f, Traffic.ok(log, MessageType.GET_VALUE, 3, 1)));
        assertTrue(matches(f, log.append(EventKind.INTERRUPT, 1, 0, 0)));
        assertTrue(matches(f, log.append(EventKind.CHAIN_ERROR, -1, 0, 0)));
        assertFalse(matches(f, log.append(EventKind.LEVEL, 1, 1, 0)));
        assertFalse(matches(f, log.append(EventKind.CONNECTION, -1, 1, 0)));
    }

    @Test
    @DisplayName("A message type picks its requests and responses only, whatever else the payload holds")
    void message_type_matches_requests_and_responses() {
        TrafficFilter f = new TrafficFilter(type("SET_VALUE"), TrafficFilter.ALL_LINES, StatusChoice.ANY);
        assertTrue(matches(f, Traffic.request(log, MessageType.SET_VALUE, 2, 1)));
        assertTrue(matches(f, Traffic.response(log, MessageType.SET_VALUE, 2, Protocol.STATUS_ERR, 0)));
        assertFalse(matches(f, Traffic.request(log, MessageType.GET_VALUE, 2, 0)));
        assertFalse(matches(f, Traffic.ok(log, MessageType.SET_DIRECTION, 2, 0)));
        assertFalse(matches(f, log.append(EventKind.INTERRUPT, 2, 0, 0)), "not a requestq message");
        for (MessageType m : MessageType.values()) {
            assertTrue(TrafficFilter.TYPES.stream().anyMatch(t -> t.label().equals(m.name())), m.name());
        }
    }

    @Test
    @DisplayName("A line narrows to that line's events")
    void line_narrows() {
        TrafficFilter f = new TrafficFilter(TrafficFilter.TYPES.get(0), 5, StatusChoice.ANY);
        assertTrue(matches(f, Traffic.request(log, MessageType.GET_VALUE, 5, 0)));
        assertFalse(matches(f, Traffic.request(log, MessageType.GET_VALUE, 4, 0)));
        assertFalse(matches(f, Traffic.ok(log, MessageType.GET_LINE_NAMES, -1, 0)), "an answer for no line");
    }

    @Test
    @DisplayName("Status: OK, ERR, INVALID and problems each pick what they name")
    void status_choices() {
        long okResponse = Traffic.ok(log, MessageType.GET_VALUE, 0, 1);
        long errResponse = Traffic.response(log, MessageType.SET_VALUE, 0, Protocol.STATUS_ERR, 0);
        long interrupt = log.append(EventKind.INTERRUPT, 0, 0, 0);
        long invalid = log.append(EventKind.BUFFER_INVALID, 0, 0, 0);
        long violation = log.append(EventKind.RULE_VIOLATION, 0, 0, 0);
        long chainError = log.append(EventKind.CHAIN_ERROR, -1, 0, 0);
        TypeChoice all = type("All events");
        TrafficFilter ok = new TrafficFilter(all, TrafficFilter.ALL_LINES, StatusChoice.OK);
        TrafficFilter err = new TrafficFilter(all, TrafficFilter.ALL_LINES, StatusChoice.ERR);
        TrafficFilter inv = new TrafficFilter(all, TrafficFilter.ALL_LINES, StatusChoice.INVALID);
        TrafficFilter problems = new TrafficFilter(all, TrafficFilter.ALL_LINES, StatusChoice.PROBLEMS);

        assertEquals("TFTFFF", picks(ok, okResponse, errResponse, interrupt, invalid, violation, chainError),
                "OK: OK responses and delivered interrupts");
        assertEquals("FTFFFT", picks(err, okResponse, errResponse, interrupt, invalid, violation, chainError),
                "ERR: ERR responses and chain errors");
        assertEquals("FFFTFF", picks(inv, okResponse, errResponse, interrupt, invalid, violation, chainError));
        assertEquals("FTFTTT", picks(problems, okResponse, errResponse, interrupt, invalid, violation, chainError));
    }

    private String picks(TrafficFilter f, long... seqs) {
        StringBuilder b = new StringBuilder();
        for (long s : seqs) {
            b.append(matches(f, s) ? 'T' : 'F');
        }
        return b.toString();
    }

    @Test
    @DisplayName("Filters made of the same choices are equal (the view re-indexes only when the filter changed)")
    void equality() {
        TrafficFilter a = new TrafficFilter(type("requestq"), 2, StatusChoice.ERR);
        TrafficFilter b = new TrafficFilter(type("requestq"), 2, StatusChoice.ERR);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new TrafficFilter(type("requestq"), 3, StatusChoice.ERR));
        assertNotEquals(a, new TrafficFilter(type("eventq"), 2, StatusChoice.ERR));
        assertNotEquals(a, new TrafficFilter(type("requestq"), 2, StatusChoice.OK));
        assertEquals(TrafficFilter.defaults(), TrafficFilter.defaults());
    }
}
