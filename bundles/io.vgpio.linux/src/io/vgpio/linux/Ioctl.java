package io.vgpio.linux;

import com.sun.jna.Pointer;

/** ioctl(2) with a pointer argument, the only kind the GPIO character device uAPI uses. */
public final class Ioctl {
    private Ioctl() {
    }

    /**
     * Calls request on fd with arg, a structure the caller laid out.
     *
     * @return the call's non-negative result
     * @throws NativeException with the call's errno (callers turn ENOTTY, EBUSY, ... into their own words)
     */
    public static int call(int fd, long request, Pointer arg) throws NativeException {
        int r = LibC.ioctl(fd, request, arg);
        if (r < 0) {
            throw NativeException.last("ioctl 0x" + Long.toHexString(request));
        }
        return r;
    }
}
