package io.vgpio.core.tests.traffic;

import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;

/** Appends requestq traffic to a log with the payloads the device writes (VirtioGpioDevice). */
final class Traffic {
    private Traffic() {
    }

    static long request(EventLog log, MessageType type, int line, long value) {
        return log.append(EventKind.REQUEST, line, (long) type.wireValue() << 32 | value, 0);
    }

    static long response(EventLog log, MessageType type, int line, int status, int value) {
        return log.append(EventKind.RESPONSE, line, (long) type.wireValue() << 16 | (status & 0xff) << 8 | value & 0xff,
                1000);
    }

    static long ok(EventLog log, MessageType type, int line, int value) {
        return response(log, type, line, Protocol.STATUS_OK, value);
    }
}
