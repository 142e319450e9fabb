package io.vgpio.vhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.virtio.GuestMemory;
import io.vgpio.virtio.GuestMemoryException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.vgpio.linux.SharedMemory;

/**
 * What releng/fuzz.sh found on the vhost-user path (reproducers in tests/fuzz/regressions/vhost). In this package
 * because MemoryTable is package-private.
 */
class FuzzFindingsTest {

    @Test
    @DisplayName("A guest memory region at guest address 2^63 or above contains no low address")
    void region_above_2_63_contains_no_low_address() {
        long high = 0x8000_0000_0000_1000L; // negative as a Java long
        GuestMemory mem = new GuestMemory(List.of(new GuestMemory.Region(high, 4096, ByteBuffer.allocate(4096))));
        // Before the fix the signed difference wrapped: contains() said yes and view() threw
        // IndexOutOfBoundsException on the connection thread.
        assertFalse(mem.contains(0x1f1f_0000L, 128));
        assertThrows(GuestMemoryException.class, () -> mem.view(0x1f1f_0000L, 128));
        assertTrue(mem.contains(high + 4096 - 128, 128));
        mem.putU32(high + 8, 0xdeadbeefL);
        assertEquals(0xdeadbeefL, mem.u32(high + 8));
        assertFalse(mem.contains(high + 4096 - 127, 128));
        assertFalse(mem.contains(-1L, 2));
        // A region running past 2^64 is refused when the memory table is made (SET_MEM_TABLE answers failure).
        assertThrows(IllegalArgumentException.class,
                () -> new GuestMemory.Region(0xffff_ffff_ffff_f800L, 4096, ByteBuffer.allocate(4096)));
    }

    @Test
    @DisplayName("SET_VRING_ADDR: a memory-table region at user address 2^63 or above translates no low address")
    void region_at_user_address_above_2_63_translates_no_low_address() throws Exception {
        long gpa = 0xe0e0_e0e0_0000_0000L;
        long uva = 0xe0e0_e0e0_e0e0_e0e0L;
        int fd = SharedMemory.memfd("fuzz-finding", 1 << 16);
        try (MemoryTable table = MemoryTable.map(List.of(new MemoryTable.Entry(gpa, 57569, uva, 0)), new int[] {fd})) {
            // The ring address of the fuzzer's session: before the fix it "translated" to a guest address
            // outside every region, and starting the queue threw GuestMemoryException on the connection thread.
            assertEquals(-1, table.toGuest(0x7f00_0000_0000_1000L, 128));
            assertEquals(gpa + 64, table.toGuest(uva + 64, 128));
            assertEquals(-1, table.toGuest(uva + 57569 - 127, 128));
        }
    }
}
