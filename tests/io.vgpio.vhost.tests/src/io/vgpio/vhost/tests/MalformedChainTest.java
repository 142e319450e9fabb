package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_INDIRECT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_NEXT;
import static io.vgpio.virtio.VirtioConstants.VIRTQ_DESC_F_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.DriverRule;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventKind.ChainError;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.payload.ChainRejected;
import io.vgpio.core.payload.RuleViolation;
import io.vgpio.driver.DriverQueue;
import io.vgpio.driver.DriverOptions;

import io.vgpio.virtio.GuestMemory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed descriptor chains: the backend answers them (ERR) or skips them (returns them with length 0), records
 * why, and keeps serving the next well-formed request.
 */
class MalformedChainTest {

    private DeviceFixture f;
    private DriverQueue q;
    private GuestMemory mem;
    private long req;

    @BeforeEach
    void open() throws Exception {
        attach(DriverOptions.defaults());
    }

    /** A 4-line device with a driver of these options, and a GET_VALUE request for line 0 in its memory. */
    private void attach(DriverOptions options) throws Exception {
        f = new DeviceFixture(DeviceConfig.builder().lines(4).build(), options);
        q = f.driver.requestQueue();
        mem = f.driver.memory();
        req = f.driver.ram().alloc(64, 16);
        mem.putU16(req, GET_VALUE.wireValue());
        mem.putU16(req + 2, 0);
        mem.putU32(req + 4, 0);
        mem.putU16(req + 16, 0xeeee);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    /** Publishes a hand-made chain, kicks, and returns what came back. */
    private DriverQueue.Used send(int head, List<Integer> ids) throws Exception {
        DriverQueue.Used u = RawChains.send(f.driver, 0, head, ids);
        assertNotNull(u, "the chain is returned, not leaked");
        return u;
    }

    private void assertStillServing() throws Exception {
        assertEquals(0, f.req(GET_VALUE, 1, 0).status(), "the next well-formed request is answered");
        assertTrue(f.host.backend().connected(), "the frontend is still attached");
    }

    private boolean chainError(ChainError e) {
        return !f.events(0, ev -> ev.kind() == EventKind.CHAIN_ERROR && ChainRejected.of(ev).error() == e).isEmpty();
    }

    /** Every chain error recorded so far, in order. */
    private List<ChainError> chainErrors() {
        return f.events(0, EventKind.CHAIN_ERROR).stream().map(ev -> ChainRejected.of(ev).error()).toList();
    }

    private boolean violation(DriverRule r) {
        return !f.events(0, ev -> ev.kind() == EventKind.RULE_VIOLATION && RuleViolation.of(ev).rule() == r).isEmpty();
    }

    @Test
    @DisplayName("A one-descriptor chain (request without response buffer) is returned with length 0")
    void one_descriptor_chain() throws Exception {
        {
            int d = q.takeDescriptor();
            q.writeDesc(d, req, 8, 0, 0);
            assertEquals(0, send(d, List.of(d)).len());
            assertTrue(violation(DriverRule.REQUEST_AND_RESPONSE_BUFFERS));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("A device-readable response buffer gets nothing written and length 0")
    void readable_response_buffer() throws Exception {
        {
            int a = q.takeDescriptor();
            int b = q.takeDescriptor();
            q.writeDesc(a, req, 8, VIRTQ_DESC_F_NEXT, b);
            q.writeDesc(b, req + 16, 2, 0, 0);
            assertEquals(0, send(a, List.of(a, b)).len());
            assertEquals(0xeeee, mem.u16(req + 16), "nothing written into a buffer the device may only read");
            assertTrue(violation(DriverRule.RESPONSE_WRITABLE));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("A short request (4 of 8 bytes) is answered ERR")
    void short_request() throws Exception {
        {
            int a = q.takeDescriptor();
            int b = q.takeDescriptor();
            q.writeDesc(a, req, 4, VIRTQ_DESC_F_NEXT, b);
            q.writeDesc(b, req + 16, 2, VIRTQ_DESC_F_WRITE, 0);
            DriverQueue.Used u = send(a, List.of(a, b));
            assertEquals(2, u.len());
            assertEquals(1, mem.u8(req + 16), "status ERR");
            assertEquals(0, mem.u8(req + 17), "value 0");
            assertTrue(chainError(ChainError.TOO_SHORT));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("A buffer outside guest memory is skipped (length 0); the backend reads nothing there")
    void address_outside_memory() throws Exception {
        {
            int a = q.takeDescriptor();
            int b = q.takeDescriptor();
            q.writeDesc(a, f.driver.ram().size() - 4, 8, VIRTQ_DESC_F_NEXT, b); // straddles the end
            q.writeDesc(b, 0x7fff_ffff_0000L, 2, VIRTQ_DESC_F_WRITE, 0);
            assertEquals(0, send(a, List.of(a, b)).len());
            assertTrue(chainError(ChainError.ADDRESS_OUTSIDE_MEMORY));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("A descriptor loop (readable descriptors pointing back to the head) is detected and the chain skipped")
    void descriptor_loop() throws Exception {
        {
            // Both readable, so no other check stops the walk first: only the loop check can end it.
            int a = q.takeDescriptor();
            int b = q.takeDescriptor();
            q.writeDesc(a, req, 8, VIRTQ_DESC_F_NEXT, b);
            q.writeDesc(b, req + 8, 8, VIRTQ_DESC_F_NEXT, a);
            assertEquals(0, send(a, List.of(a, b)).len());
            assertEquals(List.of(ChainError.LOOP), chainErrors());
            assertStillServing();
        }
    }

    @Test
    @DisplayName("BAD_HEAD_INDEX: an available entry past the descriptor table is skipped; nothing is returned for it")
    void bad_head_index() throws Exception {
        int usedBefore = q.usedIndex();
        RawChains.publishBadHead(q, q.size() + 3);
        assertStillServing(); // served after the bad entry, so the device has looked at it
        assertEquals(List.of(ChainError.BAD_HEAD_INDEX), chainErrors());
        assertEquals(usedBefore + 1, q.usedIndex(), "only the good request came back: no head to return");
    }

    @Test
    @DisplayName("INDIRECT_NOT_NEGOTIATED: an indirect descriptor when the driver did not accept INDIRECT_DESC")
    void indirect_not_negotiated() throws Exception {
        f.close();
        attach(DriverOptions.defaults().withIndirect(false));
        long table = f.driver.ram().alloc(32, 16);
        mem.putU64(table, req);
        mem.putU32(table + 8, 8);
        int d = q.takeDescriptor();
        q.writeDesc(d, table, 16, VIRTQ_DESC_F_INDIRECT, 0);
        assertEquals(0, send(d, List.of(d)).len());
        assertEquals(List.of(ChainError.INDIRECT_NOT_NEGOTIATED), chainErrors());
        assertStillServing();
    }

    @Test
    @DisplayName("BAD_INDIRECT_TABLE: an indirect table whose length is not a multiple of 16")
    void bad_indirect_table() throws Exception {
        long table = f.driver.ram().alloc(32, 16);
        int d = q.takeDescriptor();
        q.writeDesc(d, table, 20, VIRTQ_DESC_F_INDIRECT, 0);
        assertEquals(0, send(d, List.of(d)).len());
        assertEquals(List.of(ChainError.BAD_INDIRECT_TABLE), chainErrors());
        assertStillServing();
    }

    @Test
    @DisplayName("INDIRECT_WITH_NEXT: an indirect descriptor that also chains on with NEXT")
    void indirect_with_next() throws Exception {
        long table = f.driver.ram().alloc(16, 16);
        mem.putU64(table, req);
        mem.putU32(table + 8, 8);
        int a = q.takeDescriptor();
        int b = q.takeDescriptor();
        q.writeDesc(a, table, 16, VIRTQ_DESC_F_INDIRECT | VIRTQ_DESC_F_NEXT, b);
        q.writeDesc(b, req + 16, 2, VIRTQ_DESC_F_WRITE, 0);
        assertEquals(0, send(a, List.of(a, b)).len());
        assertEquals(List.of(ChainError.INDIRECT_WITH_NEXT), chainErrors());
        assertStillServing();
    }

    @Test
    @DisplayName("TOO_LONG: a chain whose buffers add up to more than the device accepts")
    void too_long() throws Exception {
        int a = q.takeDescriptor();
        int b = q.takeDescriptor();
        q.writeDesc(a, req, 8, VIRTQ_DESC_F_NEXT, b);
        q.writeDesc(b, req + 16, -1, VIRTQ_DESC_F_WRITE, 0); // 4 GiB - 1 bytes
        assertEquals(0, send(a, List.of(a, b)).len());
        assertEquals(List.of(ChainError.TOO_LONG), chainErrors());
        assertStillServing();
    }

    @Test
    @Timeout(60) // guards the wait below; nothing depends on time
    @DisplayName("RING_INDEX_JUMP: an available index that moves by more than the queue size stops that queue only")
    void ring_index_jump() throws Exception {
        RawChains.forceAvailIndex(f.driver, q, q.usedIndex() + q.size() + 1);
        f.driver.kick(0);
        Await.until(() -> chainErrors().contains(ChainError.RING_INDEX_JUMP)); // handled on the connection's thread
        assertEquals(List.of(ChainError.RING_INDEX_JUMP), chainErrors());
        assertTrue(f.host.backend().connected(), "the frontend stays attached");
        f.driver.stop(); // a guest reboot sets the rings up afresh
        f.driver.restart();
        assertEquals(0, f.req(GET_VALUE, 1, 0).status(), "fresh rings are served");
    }

    @Test
    @DisplayName("REQUEST_READ_ONLY: a request whose first buffer is device-writable is recorded as a driver violation")
    void request_in_a_writable_buffer() throws Exception {
        int a = q.takeDescriptor();
        int b = q.takeDescriptor();
        q.writeDesc(a, req, 8, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, b);
        q.writeDesc(b, req + 16, 2, VIRTQ_DESC_F_WRITE, 0);
        send(a, List.of(a, b));
        assertTrue(violation(DriverRule.REQUEST_READ_ONLY));
        assertStillServing();
    }

    @Test
    @DisplayName("A loop inside an indirect table is detected and the chain skipped")
    void indirect_table_loop() throws Exception {
        {
            long table = f.driver.ram().alloc(32, 16);
            mem.putU64(table, req);
            mem.putU32(table + 8, 8);
            mem.putU16(table + 12, VIRTQ_DESC_F_NEXT);
            mem.putU16(table + 14, 1);
            mem.putU64(table + 16, req);
            mem.putU32(table + 24, 8);
            mem.putU16(table + 28, VIRTQ_DESC_F_NEXT);
            mem.putU16(table + 30, 0); // back to entry 0
            int d = q.takeDescriptor();
            q.writeDesc(d, table, 32, VIRTQ_DESC_F_INDIRECT, 0);
            assertEquals(0, send(d, List.of(d)).len());
            assertTrue(chainError(ChainError.LOOP));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("A well-formed indirect chain is served (VIRTIO_RING_F_INDIRECT_DESC)")
    void indirect_chain_is_served() throws Exception {
        {
            f.host.chip().setInput(2, 1, io.vgpio.core.Cause.USER);
            mem.putU16(req + 2, 2);
            int head = q.addIndirect(f.driver.ram(), DriverQueue.Buf.in(req, 8), DriverQueue.Buf.out(req + 16, 2));
            f.driver.kick(0);
            DriverQueue.Used u = f.driver.awaitUsed(0, 3000);
            assertEquals(head, u.head());
            assertEquals(2, u.len());
            assertEquals(0, mem.u8(req + 16));
            assertEquals(1, mem.u8(req + 17));
        }
    }

    @Test
    @DisplayName("Nested indirect tables, bad next indices and a readable buffer after a writable one are rejected")
    void other_structural_errors() throws Exception {
        {
            long table = f.driver.ram().alloc(16, 16);
            mem.putU64(table, req);
            mem.putU32(table + 8, 16);
            mem.putU16(table + 12, VIRTQ_DESC_F_INDIRECT);
            int d = q.takeDescriptor();
            q.writeDesc(d, table, 16, VIRTQ_DESC_F_INDIRECT, 0);
            assertEquals(0, send(d, List.of(d)).len());
            assertTrue(chainError(ChainError.NESTED_INDIRECT));

            int a = q.takeDescriptor();
            q.writeDesc(a, req, 8, VIRTQ_DESC_F_NEXT, 999);
            assertEquals(0, send(a, List.of(a)).len());
            assertTrue(chainError(ChainError.BAD_NEXT_INDEX));

            int w = q.takeDescriptor();
            int r = q.takeDescriptor();
            q.writeDesc(w, req + 16, 2, VIRTQ_DESC_F_WRITE | VIRTQ_DESC_F_NEXT, r);
            q.writeDesc(r, req, 8, 0, 0);
            assertEquals(0, send(w, List.of(w, r)).len());
            assertTrue(chainError(ChainError.READABLE_AFTER_WRITABLE));
            assertStillServing();
        }
    }

    @Test
    @DisplayName("An eventq buffer without a writable status byte is returned with length 0 and recorded")
    void bad_eventq_buffer() throws Exception {
        {
            DriverQueue eq = f.driver.eventQueue();
            long irq = f.driver.ram().alloc(8, 8);
            mem.putU16(irq, 1);
            int d = eq.takeDescriptor();
            eq.writeDesc(d, irq, 2, 0, 0);
            DriverQueue.Used u = RawChains.send(f.driver, 1, d, List.of(d));
            assertNotNull(u);
            assertEquals(0, u.len());
            assertTrue(violation(DriverRule.SEPARATE_EVENT_BUFFERS));
            assertStillServing();
        }
    }

}
