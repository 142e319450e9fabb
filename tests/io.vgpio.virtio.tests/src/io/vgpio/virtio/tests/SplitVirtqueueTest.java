package io.vgpio.virtio.tests;

import static io.vgpio.virtio.tests.HeapRing.INDIRECT;
import static io.vgpio.virtio.tests.HeapRing.NEXT;
import static io.vgpio.virtio.tests.HeapRing.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.EventKind.ChainError;
import io.vgpio.virtio.DescriptorChain;
import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.SplitVirtqueue;
import io.vgpio.virtio.SplitVirtqueue.BadChainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The split virtqueue's chain validation over heap-backed guest memory: each malformed chain is rejected with
 * exactly its error (VIRTIO 1.2 section 2.7.5 and 2.7.5.3), and whether its head can be returned. Milliseconds.
 */
class SplitVirtqueueTest {
    private static final int QSIZE = 8;
    private static final long BUF = 0x4000;

    private final HeapRing ring = new HeapRing(GuestMemory.ofHeap(64 * 1024), QSIZE);

    private BadChainException rejected(boolean indirect) {
        SplitVirtqueue q = ring.queue(indirect);
        return assertThrows(BadChainException.class, q::pop, "the chain must be rejected");
    }

    private void assertError(ChainError expected, BadChainException e, int head) {
        assertEquals(expected, e.error(), e.getMessage());
        assertEquals(head, e.head(), "head to hand back (-1: none)");
    }

    @Test
    @DisplayName("A well-formed chain (readable then writable) is accepted with its buffers in order")
    void good_chain() throws Exception {
        ring.desc(0, BUF, 8, NEXT, 1);
        ring.desc(1, BUF + 8, 2, WRITE, 0);
        ring.publish(0);
        DescriptorChain c = ring.queue(false).pop();
        assertEquals(0, c.head());
        assertEquals(2, c.count());
        assertEquals(8, c.readableBytes());
        assertEquals(2, c.writableBytes());
    }

    @Test
    @DisplayName("BAD_HEAD_INDEX: an available entry naming a descriptor past the table; nothing to hand back")
    void bad_head_index() {
        ring.publish(QSIZE);
        assertError(ChainError.BAD_HEAD_INDEX, rejected(false), -1);
    }

    @Test
    @DisplayName("BAD_NEXT_INDEX: a next field past the table")
    void bad_next_index() {
        ring.desc(0, BUF, 8, NEXT, QSIZE);
        ring.publish(0);
        assertError(ChainError.BAD_NEXT_INDEX, rejected(false), 0);
    }

    @Test
    @DisplayName("LOOP: readable descriptors that point back to the head")
    void loop_of_readable_descriptors() {
        ring.desc(0, BUF, 8, NEXT, 1);
        ring.desc(1, BUF + 8, 8, NEXT, 0);
        ring.publish(0);
        assertError(ChainError.LOOP, rejected(false), 0);
    }

    @Test
    @DisplayName("LOOP: an indirect table whose entries point back to the first")
    void loop_in_indirect_table() {
        long table = BUF;
        ring.entry(table, BUF + 0x100, 8, NEXT, 1);
        ring.entry(table + 16, BUF + 0x108, 8, NEXT, 0);
        ring.desc(0, table, 32, INDIRECT, 0);
        ring.publish(0);
        assertError(ChainError.LOOP, rejected(true), 0);
    }

    @Test
    @DisplayName("ADDRESS_OUTSIDE_MEMORY: a buffer past the end of guest memory")
    void address_outside_memory() {
        ring.desc(0, 64 * 1024 - 4, 8, 0, 0);
        ring.publish(0);
        assertError(ChainError.ADDRESS_OUTSIDE_MEMORY, rejected(false), 0);
    }

    @Test
    @DisplayName("INDIRECT_NOT_NEGOTIATED: an indirect descriptor without VIRTIO_RING_F_INDIRECT_DESC")
    void indirect_not_negotiated() {
        ring.entry(BUF, BUF + 0x100, 8, 0, 0);
        ring.desc(0, BUF, 16, INDIRECT, 0);
        ring.publish(0);
        assertError(ChainError.INDIRECT_NOT_NEGOTIATED, rejected(false), 0);
    }

    @Test
    @DisplayName("BAD_INDIRECT_TABLE: a table length that is not a multiple of 16")
    void bad_indirect_table_length() {
        ring.desc(0, BUF, 20, INDIRECT, 0);
        ring.publish(0);
        assertError(ChainError.BAD_INDIRECT_TABLE, rejected(true), 0);
    }

    @Test
    @DisplayName("BAD_INDIRECT_TABLE: an empty table")
    void empty_indirect_table() {
        ring.desc(0, BUF, 0, INDIRECT, 0);
        ring.publish(0);
        assertError(ChainError.BAD_INDIRECT_TABLE, rejected(true), 0);
    }

    @Test
    @DisplayName("NESTED_INDIRECT: an indirect descriptor inside an indirect table")
    void nested_indirect() {
        ring.entry(BUF, BUF + 0x100, 16, INDIRECT, 0);
        ring.desc(0, BUF, 16, INDIRECT, 0);
        ring.publish(0);
        assertError(ChainError.NESTED_INDIRECT, rejected(true), 0);
    }

    @Test
    @DisplayName("INDIRECT_WITH_NEXT: an indirect descriptor that also has NEXT set")
    void indirect_with_next() {
        ring.entry(BUF, BUF + 0x100, 8, 0, 0);
        ring.desc(0, BUF, 16, INDIRECT | NEXT, 1);
        ring.desc(1, BUF + 0x200, 2, WRITE, 0);
        ring.publish(0);
        assertError(ChainError.INDIRECT_WITH_NEXT, rejected(true), 0);
    }

    @Test
    @DisplayName("READABLE_AFTER_WRITABLE: a device-readable buffer after a device-writable one")
    void readable_after_writable() {
        ring.desc(0, BUF, 2, WRITE | NEXT, 1);
        ring.desc(1, BUF + 8, 8, 0, 0);
        ring.publish(0);
        assertError(ChainError.READABLE_AFTER_WRITABLE, rejected(false), 0);
    }

    @Test
    @DisplayName("TOO_LONG: buffers adding up to more than the device accepts in one chain")
    void too_long() {
        ring.desc(0, BUF, 8, NEXT, 1);
        ring.desc(1, BUF + 8, 0xffff_ffffL, WRITE, 0); // 4 GiB - 1: past MAX_CHAIN_BYTES before any address check
        ring.publish(0);
        assertError(ChainError.TOO_LONG, rejected(false), 0);
    }

    @Test
    @DisplayName("RING_INDEX_JUMP: the available index moves by more than the queue size; the queue is then ignored")
    void ring_index_jump() throws Exception {
        ring.desc(0, BUF, 8, 0, 0);
        ring.setAvailIdx(QSIZE + 1);
        SplitVirtqueue q = ring.queue(false);
        BadChainException e = assertThrows(BadChainException.class, q::pop);
        assertError(ChainError.RING_INDEX_JUMP, e, -1);
        assertTrue(q.broken(), "the queue is marked broken");
        assertNull(q.pop(), "a broken queue hands out nothing more");
    }

    @Test
    @DisplayName("RING_OVERRUN: a used ring laid over the available ring moves its index with every answer; the"
            + " queue stops instead of being served forever (found by fuzzing: the connection never ended)")
    void ring_overrun() throws Exception {
        ring.desc(0, BUF, 8, 0, 0);
        ring.publish(0);
        // The used ring at the available ring's address: each answer's used index is the next available index.
        SplitVirtqueue q = new SplitVirtqueue(ring.mem, QSIZE, ring.desc, ring.avail, ring.avail, false, false, 0);
        BadChainException stopped = null;
        for (int answered = 0; answered <= 2 * SplitVirtqueue.OVERRUN && stopped == null; answered++) {
            try {
                DescriptorChain c = q.pop();
                assertNotNull(c, "the device's own answers keep the ring full");
                q.push(c.head(), 0);
            } catch (BadChainException e) {
                stopped = e;
            }
        }
        assertNotNull(stopped, "the queue stopped");
        assertError(ChainError.RING_OVERRUN, stopped, -1);
        assertTrue(q.broken(), "the queue is marked broken");
        assertNull(q.pop(), "a broken queue hands out nothing more");
    }

    @Test
    @DisplayName("A rejected chain does not stop the queue: the next chain is served")
    void next_chain_after_a_bad_one() throws Exception {
        ring.desc(0, BUF, 8, NEXT, QSIZE);
        ring.desc(1, BUF, 8, NEXT, 2);
        ring.desc(2, BUF + 8, 2, WRITE, 0);
        ring.publish(0);
        ring.publish(1);
        SplitVirtqueue q = ring.queue(false);
        assertThrows(BadChainException.class, q::pop);
        assertEquals(1, q.pop().head());
    }
}
