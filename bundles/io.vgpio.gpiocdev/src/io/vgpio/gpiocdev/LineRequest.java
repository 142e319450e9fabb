package io.vgpio.gpiocdev;

import com.sun.jna.Memory;
import io.vgpio.gpiocdev.internal.Uapi;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Errno;
import io.vgpio.linux.Ioctl;
import io.vgpio.linux.NativeException;
import io.vgpio.linux.Poll;

/**
 * A requested line: its values and, for inputs with edge detection, its edge events. Values are logical (an
 * active-low line reads 1 when its pin is low). One thread at a time; {@link #close()} only from the thread that
 * reads events, or after it stopped.
 */
public final class LineRequest implements AutoCloseable {
    /** Events read in one read(2) call at most. */
    public static final int BATCH = 16;

    private final String chip;
    private final int offset;
    private final Memory values = new Memory(Uapi.VALUES_SIZE);
    private final Memory events = new Memory((long) BATCH * Uapi.EVENT_SIZE);
    private LineSettings settings;
    private volatile int fd;

    LineRequest(int fd, String chip, int offset, LineSettings settings) {
        this.fd = fd;
        this.chip = chip;
        this.offset = offset;
        this.settings = settings;
    }

    public int offset() {
        return offset;
    }

    public LineSettings settings() {
        return settings;
    }

    /** The logical value of the line (GPIO_V2_LINE_GET_VALUES_IOCTL). */
    public int getValue() throws GpioException {
        values.setLong(0, 0);
        values.setLong(8, 1);
        try {
            Ioctl.call(fd(), Uapi.LINE_GET_VALUES, values);
        } catch (NativeException e) {
            throw GpioException.of("cannot read " + chip + " line " + offset, e.errno());
        }
        return (int) (values.getLong(0) & 1);
    }

    /** Drives an output's logical value (GPIO_V2_LINE_SET_VALUES_IOCTL). */
    public void setValue(int value) throws GpioException {
        values.setLong(0, value & 1);
        values.setLong(8, 1);
        try {
            Ioctl.call(fd(), Uapi.LINE_SET_VALUES, values);
        } catch (NativeException e) {
            throw GpioException.of("cannot set " + chip + " line " + offset + " to " + value, e.errno());
        }
    }

    /** Changes the line's configuration without releasing it (GPIO_V2_LINE_SET_CONFIG_IOCTL). */
    public void reconfigure(LineSettings s) throws GpioException {
        try (Memory m = new Memory(Uapi.CONFIG_SIZE)) {
            m.clear();
            writeConfig(m, 0, s);
            try {
                Ioctl.call(fd(), Uapi.LINE_SET_CONFIG, m);
            } catch (NativeException e) {
                throw GpioException.of("cannot reconfigure " + chip + " line " + offset, e.errno());
            }
        }
        settings = s;
    }

    /**
     * Waits until edge events can be read, the wake descriptor is signalled, or the timeout passes.
     *
     * @param wakeFd a descriptor that becomes readable to interrupt the wait (an eventfd), or -1
     * @return true when events are ready to read
     * @throws GpioException when the line's chip went away (POLLERR/POLLHUP, as after an unplug)
     */
    public boolean awaitEvents(int wakeFd, int timeoutMillis) throws GpioException {
        int revents;
        try {
            revents = Poll.readiness(fd(), wakeFd, timeoutMillis);
        } catch (NativeException e) {
            throw GpioException.of("cannot wait for events on " + chip + " line " + offset, e.errno());
        }
        if ((revents & (Poll.POLLERR | Poll.POLLHUP | Poll.POLLNVAL)) != 0) {
            throw new GpioException(chip + " line " + offset + " went away (the chip was removed or unplugged)",
                    Errno.ENODEV);
        }
        return (revents & Poll.POLLIN) != 0;
    }

    /**
     * Reads the edge events ready (blocks until at least one is, unless {@link #awaitEvents} said so).
     *
     * @return how many events were put in {@code out}, at most min(out.length, {@link #BATCH})
     */
    public int readEvents(EdgeEvent[] out) throws GpioException {
        int want = Math.min(out.length, BATCH);
        long n;
        try {
            n = Descriptors.read(fd(), events, (long) want * Uapi.EVENT_SIZE);
        } catch (NativeException e) {
            throw GpioException.of("cannot read events of " + chip + " line " + offset, e.errno());
        }
        if (n == 0) {
            throw new GpioException(chip + " line " + offset + " went away (end of file on its request)",
                    Errno.ENODEV);
        }
        int count = (int) (n / Uapi.EVENT_SIZE);
        for (int i = 0; i < count; i++) {
            long b = (long) i * Uapi.EVENT_SIZE;
            out[i] = new EdgeEvent(events.getLong(b), events.getInt(b + Uapi.EVENT_ID) == Uapi.EVENT_RISING,
                    events.getInt(b + Uapi.EVENT_OFFSET), events.getInt(b + Uapi.EVENT_SEQNO) & 0xffffffffL,
                    events.getInt(b + Uapi.EVENT_LINE_SEQNO) & 0xffffffffL);
        }
        return count;
    }

    /** Writes a struct gpio_v2_line_config for one line (attribute masks select line 0 of the request). */
    static void writeConfig(Memory m, long at, LineSettings s) {
        m.setLong(at, s.flags());
        int attrs = 0;
        if (s.output()) {
            long a = at + Uapi.CONFIG_ATTRS + (long) attrs++ * Uapi.CONFIG_ATTR_SIZE;
            m.setInt(a, Uapi.ATTR_OUTPUT_VALUES);
            m.setLong(a + 8, s.outputValue() & 1);
            m.setLong(a + 16, 1);
        }
        if (!s.output() && s.debounceMicros() > 0) {
            long a = at + Uapi.CONFIG_ATTRS + (long) attrs++ * Uapi.CONFIG_ATTR_SIZE;
            m.setInt(a, Uapi.ATTR_DEBOUNCE);
            m.setInt(a + 8, (int) s.debounceMicros());
            m.setLong(a + 16, 1);
        }
        m.setInt(at + Uapi.CONFIG_NUM_ATTRS, attrs);
    }

    private int fd() throws GpioException {
        int f = fd;
        if (f < 0) {
            throw new GpioException(chip + " line " + offset + " was released");
        }
        return f;
    }

    /** Releases the line. */
    @Override
    public void close() {
        int f = fd;
        if (f >= 0) {
            fd = -1;
            Descriptors.close(f);
        }
        values.close();
        events.close();
    }
}
