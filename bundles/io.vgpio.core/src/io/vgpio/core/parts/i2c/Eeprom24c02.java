package io.vgpio.core.parts.i2c;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The 24C02 EEPROM: 256 bytes in 8-byte pages. A write's first byte sets the word address; the data bytes that
 * follow go into the page at the address, whose low three bits wrap within the page (page-write roll-over: a
 * ninth byte overwrites the first). The bytes are written when the STOP comes, as the chip's write cycle does; a
 * transfer cut short by a repeated START writes nothing. Reads go on from the address, wrapping from 0xff to 0x00.
 */
public final class Eeprom24c02 implements I2cTarget {
    public static final int SIZE = 256;
    public static final int PAGE = 8;

    private final byte[] memory = new byte[SIZE];
    private final IntConsumer onWrite;
    private int pointer;
    private boolean writing;
    private boolean addressed;
    /** The page write in progress: address and value of each byte, at most a page (later ones replace). */
    private final int[] pending = new int[PAGE];
    private final boolean[] pendingSet = new boolean[PAGE];
    private int pageBase;

    /** @param onWrite told each address written when a STOP commits a page write */
    public Eeprom24c02(byte[] contents, IntConsumer onWrite) {
        Arrays.fill(memory, (byte) 0xff);
        System.arraycopy(contents, 0, memory, 0, Math.min(contents.length, SIZE));
        this.onWrite = onWrite;
    }

    @Override
    public void start(boolean read) {
        writing = !read;
        addressed = false;
        Arrays.fill(pendingSet, false);
    }

    @Override
    public boolean write(int value) {
        if (!addressed) {
            pointer = value & 0xff;
            pageBase = pointer & ~(PAGE - 1);
            addressed = true;
            return true;
        }
        int slot = pointer & (PAGE - 1);
        pending[slot] = value & 0xff;
        pendingSet[slot] = true;
        pointer = pageBase | (pointer + 1) & (PAGE - 1);
        return true;
    }

    @Override
    public int read() {
        int b = memory[pointer] & 0xff;
        pointer = (pointer + 1) & (SIZE - 1);
        return b;
    }

    @Override
    public void stop() {
        if (!writing) {
            return;
        }
        for (int i = 0; i < PAGE; i++) {
            if (pendingSet[i]) {
                memory[pageBase + i] = (byte) pending[i];
                onWrite.accept(pageBase + i);
            }
        }
        Arrays.fill(pendingSet, false);
        writing = false;
    }

    public int get(int address) {
        return memory[address] & 0xff;
    }

    public void set(int address, int value) {
        memory[address] = (byte) value;
    }

    public int pointer() {
        return pointer;
    }

    public byte[] contents() {
        return memory.clone();
    }
}
