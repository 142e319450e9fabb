package io.vgpio.vhost.tests;

import static io.vgpio.core.MessageType.GET_VALUE;
import static io.vgpio.core.MessageType.SET_DIRECTION;
import static io.vgpio.core.MessageType.SET_VALUE;

import io.vgpio.core.Direction;
import java.io.IOException;

/**
 * An I2C master over the real vhost-user socket, with the requests Linux's i2c-gpio makes on gpio-virtio, which has
 * no open drain of its own: gpiolib emulates it, so a 1 is SET_DIRECTION(IN) and a 0 is SET_VALUE(0) then
 * SET_DIRECTION(OUT) (virtio's direction_output), and every read of SDA or SCL is a GET_VALUE. Like i2c-algo-bit it
 * raises SCL and reads it back before sampling (clock stretching).
 */
final class GpioI2cMaster {
    private final DeviceFixture f;
    private final int sda;
    private final int scl;
    private long requests;

    GpioI2cMaster(DeviceFixture f, int sda, int scl) throws IOException {
        this.f = f;
        this.sda = sda;
        this.scl = scl;
        line(sda, 1);
        line(scl, 1);
    }

    long requests() {
        return requests;
    }

    private void line(int line, int v) throws IOException {
        if (v == 1) {
            request(SET_DIRECTION, line, Direction.IN.wireValue());
        } else {
            request(SET_VALUE, line, 0);
            request(SET_DIRECTION, line, Direction.OUT.wireValue());
        }
    }

    private int request(io.vgpio.core.MessageType type, int line, long value) throws IOException {
        requests++;
        return f.ok(type, line, value);
    }

    private void sclHigh() throws IOException {
        line(scl, 1);
        if (request(GET_VALUE, scl, 0) != 1) {
            throw new IOException("SCL is held low");
        }
    }

    private int clock(int bit) throws IOException {
        line(sda, bit);
        sclHigh();
        int seen = request(GET_VALUE, sda, 0);
        line(scl, 0);
        return seen;
    }

    void start() throws IOException {
        line(sda, 1);
        sclHigh();
        line(sda, 0);
        line(scl, 0);
    }

    void stop() throws IOException {
        line(sda, 0);
        sclHigh();
        line(sda, 1);
    }

    /** Sends a byte, most significant bit first; true if acknowledged. */
    boolean send(int value) throws IOException {
        for (int bit = 7; bit >= 0; bit--) {
            clock(value >> bit & 1);
        }
        return clock(1) == 0;
    }

    int receive(boolean ack) throws IOException {
        int value = 0;
        for (int bit = 0; bit < 8; bit++) {
            value = value << 1 | clock(1);
        }
        clock(ack ? 0 : 1);
        return value;
    }

    /** Writes {@code first} then {@code bytes} to a device: for a memory, its address then the data. */
    boolean write(int address, int... bytes) throws IOException {
        start();
        boolean acked = send(address << 1);
        for (int i = 0; acked && i < bytes.length; i++) {
            acked = send(bytes[i]);
        }
        stop();
        return acked;
    }

    /** Sets a register pointer, then reads {@code count} bytes after a repeated START (as i2c_smbus reads do). */
    byte[] read(int address, int register, int count) throws IOException {
        start();
        if (!send(address << 1) || !send(register)) {
            stop();
            throw new IOException("no ACK from 0x" + Integer.toHexString(address));
        }
        start();
        send(address << 1 | 1);
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) receive(i < count - 1);
        }
        stop();
        return out;
    }
}
