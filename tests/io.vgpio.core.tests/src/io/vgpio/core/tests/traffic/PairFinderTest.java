package io.vgpio.core.tests.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Cause;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.traffic.PairFinder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pairing a request with its response by reading the log around them, as the Traffic view's Pair column does. */
class PairFinderTest {
    private final EventLog log = new EventLog(1024);
    private final PairFinder pairs = new PairFinder();

    private long partner(long seq) {
        return pairs.partner(log, log.get(seq));
    }

    @Test
    @DisplayName("A request and its response find each other, across the events logged between them")
    void request_and_response_pair() {
        long request = Traffic.request(log, MessageType.SET_VALUE, 2, 1);
        log.append(EventKind.LEVEL, 2, 1, Cause.GUEST.wire());
        log.append(EventKind.RULE_VIOLATION, 2, 0, 0);
        long response = Traffic.ok(log, MessageType.SET_VALUE, 2, 0);
        long next = Traffic.request(log, MessageType.GET_VALUE, 3, 0);
        long nextResponse = Traffic.ok(log, MessageType.GET_VALUE, 3, 1);

        assertEquals(response, partner(request));
        assertEquals(request, partner(response));
        assertEquals(nextResponse, partner(next));
        assertEquals(next, partner(nextResponse));
    }

    @Test
    @DisplayName("GET_LINE_NAMES is answered for no line and still pairs")
    void line_names_pair() {
        long request = Traffic.request(log, MessageType.GET_LINE_NAMES, 0, 0);
        long response = Traffic.ok(log, MessageType.GET_LINE_NAMES, -1, 0);
        assertEquals(response, partner(request));
        assertEquals(request, partner(response));
    }

    @Test
    @DisplayName("No partner: unanswered, answered for another type or line, or not a requestq message")
    void no_partner() {
        long unanswered = Traffic.request(log, MessageType.GET_VALUE, 0, 0);
        assertEquals(-1, partner(unanswered), "nothing after it yet");

        long otherType = Traffic.ok(log, MessageType.SET_DIRECTION, 0, 0);
        assertEquals(-1, partner(unanswered), "the first response after it answers another type");
        assertEquals(-1, partner(otherType));

        long request = Traffic.request(log, MessageType.GET_VALUE, 1, 0);
        long otherLine = Traffic.ok(log, MessageType.GET_VALUE, 2, 0);
        assertEquals(-1, partner(request));
        assertEquals(-1, partner(otherLine));

        long orphan = Traffic.ok(log, MessageType.GET_VALUE, 2, 0);
        assertEquals(-1, partner(orphan), "another response lies between it and the last request");
        assertEquals(-1, partner(log.append(EventKind.INTERRUPT, 1, 0, 0)));
    }

    @Test
    @DisplayName("A response whose request the ring dropped has no partner")
    void dropped_request() {
        EventLog small = new EventLog(8);
        Traffic.request(small, MessageType.GET_VALUE, 0, 0);
        for (int i = 0; i < 10; i++) {
            small.append(EventKind.LEVEL, 1, i & 1, Cause.USER.wire());
        }
        long response = Traffic.ok(small, MessageType.GET_VALUE, 0, 0);
        assertEquals(-1, pairs.partner(small, small.get(response)));
    }
}
