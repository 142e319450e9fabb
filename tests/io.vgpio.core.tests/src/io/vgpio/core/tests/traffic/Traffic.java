package io.vgpio.core.tests.traffic;

import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.Response;

/** Appends requestq traffic to a log with the payloads the device writes (VirtioGpioDevice). */
final class Traffic {
    private Traffic() {
    }

    static long request(EventLog log, MessageType type, int line, long value) {
        return log.append(line, new Request(type.wireValue(), value, 0));
    }

    static long response(EventLog log, MessageType type, int line, int status, int value) {
        return log.append(line, new Response(type.wireValue(), status, value, 1000));
    }

    static long ok(EventLog log, MessageType type, int line, int value) {
        return response(log, type, line, Protocol.STATUS_OK, value);
    }
}
