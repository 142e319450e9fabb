package io.vgpio.gpiocdev;

import com.sun.jna.Memory;
import io.vgpio.gpiocdev.internal.Uapi;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.Errno;
import io.vgpio.linux.Ioctl;
import io.vgpio.linux.NativeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An open GPIO chip character device ({@code /dev/gpiochipN}), spoken to through the uAPI v2 ioctls as libgpiod
 * does, without needing libgpiod. Not thread-safe; open one per thread, they are cheap.
 */
public final class GpioChip implements AutoCloseable {
    private final ChipInfo info;
    private int fd;

    private GpioChip(int fd, ChipInfo info) {
        this.fd = fd;
        this.info = info;
    }

    /** Opens a chip by its device path and reads its info; a clear error when it is not a GPIO chip. */
    public static GpioChip open(Path path) throws GpioException {
        String p = path.toString();
        int fd;
        try {
            fd = Descriptors.open(p, Descriptors.O_RDWR | Descriptors.O_CLOEXEC);
        } catch (NativeException e) {
            int errno = e.errno();
            if (errno == Errno.ENOENT || errno == Errno.ENXIO || errno == Errno.ENODEV) {
                throw new GpioException("no GPIO chip " + p + " (" + Errno.describe(errno)
                        + "); is the board plugged in? 'vgpio gpiodetect' lists the chips", errno);
            }
            if (errno == Errno.EACCES) {
                throw new GpioException("no permission to open " + p + "; add your user to the group owning it ("
                        + "often 'gpio' or 'plugdev') or give it a udev rule", errno);
            }
            throw GpioException.of("cannot open " + p, errno);
        }
        try (Memory m = new Memory(Uapi.CHIPINFO_SIZE)) {
            m.clear();
            try {
                Ioctl.call(fd, Uapi.GET_CHIPINFO, m);
            } catch (NativeException e) {
                int errno = e.errno();
                Descriptors.close(fd);
                if (errno == Errno.ENOTTY || errno == Errno.EINVAL) {
                    throw new GpioException(p + " is not a GPIO character device", errno);
                }
                throw GpioException.of("cannot read the chip info of " + p, errno);
            }
            ChipInfo info = new ChipInfo(path, string(m, 0), string(m, Uapi.CHIPINFO_LABEL),
                    m.getInt(Uapi.CHIPINFO_LINES));
            return new GpioChip(fd, info);
        }
    }

    public ChipInfo info() {
        return info;
    }

    /** GPIO_V2_GET_LINEINFO_IOCTL for one line. */
    public LineInfo lineInfo(int offset) throws GpioException {
        checkOffset(offset);
        try (Memory m = new Memory(Uapi.LINEINFO_SIZE)) {
            m.clear();
            m.setInt(Uapi.LINEINFO_OFFSET, offset);
            try {
                Ioctl.call(fd(), Uapi.GET_LINEINFO, m);
            } catch (NativeException e) {
                throw GpioException.of("cannot read line " + offset + " of " + info.name(), e.errno());
            }
            long debounce = 0;
            int attrs = Math.min(m.getInt(Uapi.LINEINFO_NUM_ATTRS), Uapi.NUM_ATTRS_MAX);
            for (int i = 0; i < attrs; i++) {
                long a = Uapi.LINEINFO_ATTRS + (long) i * Uapi.ATTR_SIZE;
                if (m.getInt(a) == Uapi.ATTR_DEBOUNCE) {
                    debounce = m.getInt(a + 8) & 0xffffffffL;
                }
            }
            return new LineInfo(offset, string(m, 0), string(m, Uapi.LINEINFO_CONSUMER),
                    m.getLong(Uapi.LINEINFO_FLAGS), debounce);
        }
    }

    /** The offset of the line with this name, or -1 (the first match, as gpiofind reports it). */
    public int findLine(String name) throws GpioException {
        for (int i = 0; i < info.lines(); i++) {
            if (lineInfo(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * GPIO_V2_GET_LINE_IOCTL for one line.
     *
     * @param consumer the label other tools (gpioinfo) show as the line's user
     * @throws LineBusyException when another consumer holds the line, naming it
     */
    public LineRequest request(int offset, LineSettings s, String consumer) throws GpioException {
        checkOffset(offset);
        try (Memory m = new Memory(Uapi.REQUEST_SIZE)) {
            m.clear();
            m.setInt(0, offset);
            byte[] c = consumer.getBytes(StandardCharsets.UTF_8);
            m.write(Uapi.REQUEST_CONSUMER, c, 0, Math.min(c.length, Uapi.NAME_SIZE - 1));
            LineRequest.writeConfig(m, Uapi.REQUEST_CONFIG, s);
            m.setInt(Uapi.REQUEST_NUM_LINES, 1);
            try {
                Ioctl.call(fd(), Uapi.GET_LINE, m);
            } catch (NativeException e) {
                int errno = e.errno();
                if (errno == Errno.EBUSY) {
                    String holder;
                    try {
                        holder = lineInfo(offset).consumer();
                    } catch (GpioException unreadable) {
                        holder = "";
                    }
                    throw new LineBusyException(info.name(), offset, holder);
                }
                throw GpioException.of("cannot request " + info.name() + " line " + offset + " as "
                        + (s.output() ? "output" : "input"), errno);
            }
            return new LineRequest(m.getInt(Uapi.REQUEST_FD), info.name(), offset, s);
        }
    }

    private void checkOffset(int offset) throws GpioException {
        if (offset < 0 || offset >= info.lines()) {
            throw new GpioException(info.name() + " has no line " + offset + "; its lines are 0.."
                    + (info.lines() - 1), Errno.EINVAL);
        }
    }

    private int fd() throws GpioException {
        if (fd < 0) {
            throw new GpioException(info.name() + " is closed");
        }
        return fd;
    }

    static String string(Memory m, long offset) {
        byte[] b = m.getByteArray(offset, Uapi.NAME_SIZE);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Descriptors.close(fd);
            fd = -1;
        }
    }
}
