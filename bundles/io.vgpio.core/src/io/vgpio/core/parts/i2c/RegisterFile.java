package io.vgpio.core.parts.i2c;

import java.util.function.IntConsumer;

/**
 * A generic register-file device for a user's own chip: {@code count} byte registers behind a register pointer. A
 * write's first byte sets the pointer, the bytes after it are written at once, one register after another; reads go
 * on from the pointer. The pointer wraps at {@code count}.
 */
public final class RegisterFile implements I2cTarget {
    private final int[] registers;
    private final IntConsumer onWrite;
    private int pointer;
    private boolean addressed;

    public RegisterFile(int[] initial, IntConsumer onWrite) {
        this.registers = initial.clone();
        this.onWrite = onWrite;
    }

    @Override
    public void start(boolean read) {
        addressed = read;
    }

    @Override
    public boolean write(int value) {
        if (!addressed) {
            pointer = (value & 0xff) % registers.length;
            addressed = true;
            return true;
        }
        registers[pointer] = value & 0xff;
        onWrite.accept(pointer);
        pointer = (pointer + 1) % registers.length;
        return true;
    }

    @Override
    public int read() {
        int v = registers[pointer];
        pointer = (pointer + 1) % registers.length;
        return v;
    }

    @Override
    public void stop() {
    }

    public int size() {
        return registers.length;
    }

    public int get(int register) {
        return registers[register];
    }

    public void set(int register, int value) {
        registers[register] = value;
    }
}
