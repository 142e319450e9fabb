package io.vgpio.linux;

import com.sun.jna.Memory;

/** Which CPUs the calling thread may run on (sched_setaffinity): the benchmark compares like with like. */
public final class CpuAffinity {
    private CpuAffinity() {
    }

    /** cpu_set_t as glibc sizes it: 1024 CPUs, one bit each. */
    private static final int CPU_SET_BYTES = 128;
    /** sched_setaffinity's pid 0: the calling thread. */
    private static final int CALLING_THREAD = 0;

    /** Pins the calling thread to one CPU. */
    public static void pinCurrentThread(int cpu) throws NativeException {
        try (Memory mask = new Memory(CPU_SET_BYTES)) {
            mask.clear();
            mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
            apply(mask);
        }
    }

    /** Lets the calling thread run on any CPU again. */
    public static void unpinCurrentThread() throws NativeException {
        try (Memory mask = new Memory(CPU_SET_BYTES)) {
            for (int i = 0; i < CPU_SET_BYTES; i++) {
                mask.setByte(i, (byte) 0xff);
            }
            apply(mask);
        }
    }

    private static void apply(Memory mask) throws NativeException {
        if (LibC.sched_setaffinity(CALLING_THREAD, CPU_SET_BYTES, mask) < 0) {
            throw NativeException.last("sched_setaffinity");
        }
    }
}
