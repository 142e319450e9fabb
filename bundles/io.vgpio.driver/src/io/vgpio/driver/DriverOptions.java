package io.vgpio.driver;

/**
 * How a {@link GpioDriver} attaches: ring size, EVENT_IDX, indirect descriptors, interrupts, guest RAM.
 *
 * @param regions memory regions (each its own memfd); with more than one, the rings live in the first and the
 *        request buffers in the last, so every request crosses regions
 */
public record DriverOptions(int queueSize, boolean eventIdx, boolean indirect, boolean acceptIrq, int ramBytes,
        int regions) {
    public static DriverOptions defaults() {
        return new DriverOptions(64, true, true, true, 4 << 20, 1);
    }

    public DriverOptions withQueueSize(int n) {
        return new DriverOptions(n, eventIdx, indirect, acceptIrq, ramBytes, regions);
    }

    public DriverOptions withEventIdx(boolean b) {
        return new DriverOptions(queueSize, b, indirect, acceptIrq, ramBytes, regions);
    }

    public DriverOptions withIndirect(boolean b) {
        return new DriverOptions(queueSize, eventIdx, b, acceptIrq, ramBytes, regions);
    }

    public DriverOptions withIrq(boolean b) {
        return new DriverOptions(queueSize, eventIdx, indirect, b, ramBytes, regions);
    }

    public DriverOptions withRegions(int n) {
        return new DriverOptions(queueSize, eventIdx, indirect, acceptIrq, ramBytes, n);
    }
}
