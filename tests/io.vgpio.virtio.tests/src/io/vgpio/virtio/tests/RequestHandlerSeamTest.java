package io.vgpio.virtio.tests;

import static io.vgpio.virtio.tests.HeapRing.NEXT;
import static io.vgpio.virtio.tests.HeapRing.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.core.Chip;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.MessageType;
import io.vgpio.core.Protocol;
import io.vgpio.core.payload.Response;
import io.vgpio.virtio.GpioRequest;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.ParkedRequest;
import io.vgpio.virtio.Reply;
import io.vgpio.virtio.RequestHandler;
import io.vgpio.virtio.VirtioConstants;
import io.vgpio.virtio.VirtioGpioDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seam between decoded requests and the chip: a handler installed around the chip's sees every decoded message,
 * and what it answers is what the guest reads and the log records.
 */
class RequestHandlerSeamTest {
    private final GuestMemory mem = GuestMemory.ofHeap(64 * 1024);
    private final HeapRing requests = new HeapRing(mem, 8, 0);

    /** Sends one request in descriptors 0 (request) and 1 (response, {@code room} bytes); returns the used length. */
    private int send(VirtioGpioDevice device, int type, int line, long value, int room) {
        long req = 0x8000;
        mem.putU16(req, type);
        mem.putU16(req + 2, line);
        mem.putU32(req + 4, value);
        requests.desc(0, req, Protocol.REQUEST_SIZE, NEXT, 1);
        requests.desc(1, req + 8, room, WRITE, 0);
        int used = requests.usedIdx();
        requests.publish(0);
        device.kick(Protocol.REQUEST_QUEUE);
        assertEquals(used + 1, requests.usedIdx(), "answered");
        return requests.usedLen(used);
    }

    private static List<Response> responses(EventLog log) {
        List<Response> out = new ArrayList<>();
        log.read(0, 1000, (seq, t, kind, line, a, b) -> {
            if (kind == EventKind.RESPONSE) {
                out.add(Response.of(a, b));
            }
        });
        return out;
    }

    @Test
    @DisplayName("A handler around the chip sees the decoded request and its reply is what the guest reads")
    void a_wrapping_handler_answers_instead_of_the_chip() throws Exception {
        EventLog log = new EventLog(1024);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        List<GpioRequest> seen = new ArrayList<>();
        VirtioGpioDevice device = new VirtioGpioDevice(chip, inner -> new RequestHandler() {
            @Override
            public Reply answer(GpioRequest r) {
                seen.add(r);
                // Faults injected: GET_VALUE of line 2 fails, of line 3 answers a status no device sends.
                if (r.messageType() == MessageType.GET_VALUE && r.line() >= 2) {
                    return r.line() == 2 ? Reply.error() : Reply.of(0x7f, 1);
                }
                return inner.answer(r);
            }

            @Override
            public void unmask(int line, long token) {
                inner.unmask(line, token);
            }
        });
        device.setDriverFeatures(1L << VirtioConstants.F_VERSION_1);
        device.startQueue(Protocol.REQUEST_QUEUE, requests.queue(false), () -> {
        });
        int get = MessageType.GET_VALUE.wireValue();

        assertEquals(Protocol.RESPONSE_SIZE, send(device, get, 1, 0, Protocol.RESPONSE_SIZE));
        assertEquals(Protocol.STATUS_OK, mem.u8(0x8008), "line 1 answered by the chip");
        assertEquals(Protocol.RESPONSE_SIZE, send(device, get, 2, 0, Protocol.RESPONSE_SIZE));
        assertEquals(Protocol.STATUS_ERR, mem.u8(0x8008), "line 2 answered by the fault");

        assertEquals(Protocol.RESPONSE_SIZE, send(device, get, 3, 0, Protocol.RESPONSE_SIZE));
        assertEquals(0x7f, mem.u8(0x8008), "line 3: the injected status");
        assertEquals(0, mem.u8(0x8009), "a value only goes with OK");

        assertEquals(List.of(new GpioRequest(get, 1, 0), new GpioRequest(get, 2, 0), new GpioRequest(get, 3, 0)),
                seen);
        assertEquals(List.of(Protocol.STATUS_OK, Protocol.STATUS_ERR, 0x7f),
                responses(log).stream().map(Response::status).toList(), "the log records what the guest got");
    }

    /** A device whose handler parks the requests {@code park} picks into {@code parked}; the chip answers the rest. */
    private static VirtioGpioDevice parking(Chip chip, java.util.function.Predicate<GpioRequest> park,
            List<ParkedRequest> parked) {
        return new VirtioGpioDevice(chip, inner -> new RequestHandler() {
            @Override
            public Reply answer(GpioRequest r) {
                return park.test(r) ? Reply.later() : inner.answer(r);
            }

            @Override
            public void parked(ParkedRequest p) {
                parked.add(p);
            }

            @Override
            public void unmask(int line, long token) {
                inner.unmask(line, token);
            }
        });
    }

    @Test
    @DisplayName("Reply.later(): the request waits outside the used ring while later ones are answered; answered once, from another thread")
    void a_parked_request_is_answered_later() throws Exception {
        EventLog log = new EventLog(1024);
        Chip chip = new Chip(DeviceConfig.builder().lines(4).build(), log);
        List<ParkedRequest> parked = new ArrayList<>();
        VirtioGpioDevice device = parking(chip, r -> r.line() == 2, parked);
        device.setDriverFeatures(1L << VirtioConstants.F_VERSION_1);
        device.startQueue(Protocol.REQUEST_QUEUE, requests.queue(false), () -> {
        });
        int get = MessageType.GET_VALUE.wireValue();
        chip.setInput(2, 1, io.vgpio.core.Cause.USER);

        // Descriptors 2 and 3 carry the parked request, so that the next one (0 and 1) does not overwrite it.
        mem.putU16(0x9000, get);
        mem.putU16(0x9002, 2);
        requests.desc(2, 0x9000, Protocol.REQUEST_SIZE, NEXT, 3);
        requests.desc(3, 0x9008, Protocol.RESPONSE_SIZE, WRITE, 0);
        requests.publish(2);
        device.kick(Protocol.REQUEST_QUEUE);
        assertEquals(0, requests.usedIdx(), "not answered");
        assertEquals(1, parked.size());
        assertEquals(new GpioRequest(get, 2, 0), parked.get(0).request());

        assertEquals(Protocol.RESPONSE_SIZE, send(device, get, 1, 0, Protocol.RESPONSE_SIZE), "the next is answered");

        Thread other = new Thread(() -> parked.get(0).answer(() -> Reply.of(Protocol.STATUS_OK, chip.guestRead(2))));
        other.start();
        other.join();
        assertEquals(2, requests.usedIdx());
        assertEquals(Protocol.RESPONSE_SIZE, requests.usedLen(1));
        assertEquals(1, mem.u8(0x9009), "the answer written into the parked chain");
        parked.get(0).answer(Reply::error);
        assertEquals(2, requests.usedIdx(), "a second answer does nothing");
    }

    @Test
    @DisplayName("A parked request whose queue stopped is dropped when answered: its ring is gone")
    void a_parked_request_of_a_stopped_queue_is_dropped() throws Exception {
        Chip chip = new Chip(DeviceConfig.builder().lines(2).build(), new EventLog(1024));
        List<ParkedRequest> parked = new ArrayList<>();
        VirtioGpioDevice device = parking(chip, r -> true, parked);
        device.setDriverFeatures(1L << VirtioConstants.F_VERSION_1);
        device.startQueue(Protocol.REQUEST_QUEUE, requests.queue(false), () -> {
        });
        mem.putU16(0x8000, MessageType.GET_VALUE.wireValue());
        requests.desc(0, 0x8000, Protocol.REQUEST_SIZE, NEXT, 1);
        requests.desc(1, 0x8008, Protocol.RESPONSE_SIZE, WRITE, 0);
        requests.publish(0);
        device.kick(Protocol.REQUEST_QUEUE);
        device.stopQueue(Protocol.REQUEST_QUEUE);
        boolean[] asked = {false};
        parked.get(0).answer(() -> {
            asked[0] = true;
            return Reply.error();
        });
        assertEquals(0, requests.usedIdx());
        assertEquals(false, asked[0], "the reply is not even made");
    }

    @Test
    @DisplayName("GET_LINE_NAMES: status and names when they fit, a lone ERR byte when they do not")
    void line_names_reply_sizes() throws Exception {
        EventLog log = new EventLog(1024);
        Chip chip = new Chip(DeviceConfig.builder().lines(2).namesList("A,B").build(), log);
        VirtioGpioDevice device = new VirtioGpioDevice(chip);
        device.setDriverFeatures(1L << VirtioConstants.F_VERSION_1);
        device.startQueue(Protocol.REQUEST_QUEUE, requests.queue(false), () -> {
        });
        int names = MessageType.GET_LINE_NAMES.wireValue();
        int blob = chip.config().namesBlob().length;

        assertEquals(Protocol.STATUS_SIZE + blob, send(device, names, 0, 0, 64));
        assertEquals(Protocol.STATUS_OK, mem.u8(0x8008));
        assertEquals('A', mem.u8(0x8009));
        assertEquals(Protocol.STATUS_SIZE, send(device, names, 0, 0, blob), "one byte short of the names");
        assertEquals(Protocol.STATUS_ERR, mem.u8(0x8008));
    }
}
