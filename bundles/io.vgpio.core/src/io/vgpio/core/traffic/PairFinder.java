package io.vgpio.core.traffic;

import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;

/**
 * Links a request to its response. The device handles one requestq chain at a time under the chip's monitor and logs
 * REQUEST ... RESPONSE for it (violations and level changes may come between), so a request's partner is the first
 * RESPONSE after it, and a response's partner is the last REQUEST before it when no other RESPONSE lies between. Both
 * must name the same message type and line (GET_LINE_NAMES answers for no line). Found on demand by reading the log
 * near the event: nothing is stored per row. Runs on the UI thread only.
 */
public final class PairFinder {
    /** How far to look: a request's answer follows within a few events, unless the log was dropped under it. */
    private static final int REACH = 4096;

    private long foundSeq;
    private long foundA;
    private int foundLine;
    private long lastRequest;
    private long lastRequestA;
    private int lastRequestLine;
    private long lastResponse;

    private final EventLog.Reader forward = (seq, time, kind, line, a, b) -> {
        if (kind == EventKind.RESPONSE && foundSeq < 0) {
            foundSeq = seq;
            foundA = a;
            foundLine = line;
        }
    };

    private final EventLog.Reader backward = (seq, time, kind, line, a, b) -> {
        if (kind == EventKind.REQUEST) {
            lastRequest = seq;
            lastRequestA = a;
            lastRequestLine = line;
        } else if (kind == EventKind.RESPONSE) {
            lastResponse = seq;
        }
    };

    /** The partner's sequence number, or -1 (not a request or response, unanswered, or dropped). */
    public long partner(EventLog log, Event e) {
        if (e.kind() == EventKind.REQUEST) {
            return responseOf(log, e);
        }
        if (e.kind() == EventKind.RESPONSE) {
            return requestOf(log, e);
        }
        return -1;
    }

    private long responseOf(EventLog log, Event request) {
        long from = request.seq() + 1;
        long end = Math.min(log.nextSeq(), from + REACH);
        foundSeq = -1;
        for (long s = from; s < end && foundSeq < 0;) {
            long next = log.read(s, (int) Math.min(256, end - s), forward);
            if (next == s) {
                break;
            }
            s = next;
        }
        if (foundSeq < 0) {
            return -1;
        }
        int type = TrafficFilter.messageTypeOf(EventKind.REQUEST, request.a());
        boolean sameType = TrafficFilter.messageTypeOf(EventKind.RESPONSE, foundA) == type;
        boolean sameLine = foundLine == request.line() || foundLine == Event.NO_LINE;
        return sameType && sameLine ? foundSeq : -1;
    }

    private long requestOf(EventLog log, Event response) {
        for (int window = 32; window <= REACH; window *= 4) {
            long from = Math.max(log.firstSeq(), response.seq() - window);
            lastRequest = -1;
            lastResponse = -1;
            log.read(from, (int) (response.seq() - from), backward);
            if (lastResponse > lastRequest) {
                return -1; // another response came after the last request: this one answered no logged request
            }
            if (lastRequest >= 0) {
                int type = TrafficFilter.messageTypeOf(EventKind.RESPONSE, response.a());
                boolean sameType = TrafficFilter.messageTypeOf(EventKind.REQUEST, lastRequestA) == type;
                boolean sameLine = lastRequestLine == response.line() || response.line() == Event.NO_LINE;
                return sameType && sameLine ? lastRequest : -1;
            }
            if (from == log.firstSeq()) {
                return -1;
            }
        }
        return -1;
    }
}
