package io.vgpio.core.parts.i2c;

import io.vgpio.core.parts.Drive;
import io.vgpio.core.parts.Nets;
import io.vgpio.core.parts.PartAction;
import java.util.function.IntSupplier;

/**
 * An I2C slave's bus engine: 7-bit addressing, ACK/NACK, reads and writes, START, repeated START and STOP, at
 * whatever speed the master clocks (every edge a guest request, if need be). It watches SCL and SDA and answers
 * by pulling SDA low through an open drain.
 *
 * <p>The timing that makes it work: the slave changes SDA only while SCL is low, right as SCL falls, under the
 * chip's monitor and before the guest's request that lowered SCL is answered. So when the master lets SCL rise and
 * reads SDA with GET_VALUE, the ACK or data bit is already on the net. Data is sampled on SCL's rise; SDA changing
 * while SCL is high is a START (falling) or a STOP (rising).
 */
public final class I2cSlave {
    /** Events a slave reports: START addressed to it, each byte, STOP. */
    public interface Listener {
        void busEvent(PartAction action, long value);
    }

    private enum Phase {
        /** Waiting for a START addressed to us. */
        IDLE, ADDRESS, WRITE, READ
    }

    private final int address;
    private final I2cTarget target;
    private final Nets.Driver sda;
    private final IntSupplier sdaLevel;
    private final IntSupplier sclLevel;
    private final Listener listener;
    private Phase phase = Phase.IDLE;
    private int bits;
    private int shift;
    /** In the ninth clock of a byte the master wrote: we are (or are not) acknowledging. */
    private boolean ackSlot;
    private boolean reading;
    private boolean masterAcked;
    private boolean addressed;

    /**
     * @param sda this slave's open-drain driver on SDA
     * @param sdaLevel the level of the SDA net; {@code sclLevel} that of SCL
     */
    public I2cSlave(int address, I2cTarget target, Nets.Driver sda, IntSupplier sdaLevel, IntSupplier sclLevel,
            Listener listener) {
        this.address = address;
        this.target = target;
        this.sda = sda;
        this.sdaLevel = sdaLevel;
        this.sclLevel = sclLevel;
        this.listener = listener;
    }

    /** SDA changed: with SCL high, a START (falling) or a STOP (rising). */
    public void sdaChanged(int level) {
        if (sclLevel.getAsInt() == 0) {
            return; // data changing between clocks
        }
        if (level == 0) {
            phase = Phase.ADDRESS; // START, or a repeated START: whatever went before ends here
            bits = 0;
            shift = 0;
            ackSlot = false;
            sda.drive(Drive.RELEASED);
        } else {
            if (addressed) {
                target.stop();
                listener.busEvent(PartAction.I2C_STOP, 0);
            }
            addressed = false;
            phase = Phase.IDLE;
            sda.drive(Drive.RELEASED);
        }
    }

    public void sclChanged(int level) {
        if (level == 1) {
            sclRose();
        } else {
            sclFell();
        }
    }

    private void sclRose() {
        switch (phase) {
            case ADDRESS, WRITE -> {
                if (!ackSlot && bits < 8) {
                    shift = shift << 1 | sdaLevel.getAsInt();
                    bits++;
                }
            }
            case READ -> {
                if (bits == 8) {
                    masterAcked = sdaLevel.getAsInt() == 0;
                }
            }
            case IDLE -> {
            }
        }
    }

    private void sclFell() {
        switch (phase) {
            case ADDRESS, WRITE -> {
                if (ackSlot) {
                    endAckSlot();
                } else if (bits == 8) {
                    byteReceived(shift & 0xff);
                }
            }
            case READ -> {
                if (bits < 8) {
                    bits++;
                    sda.drive(bits < 8 ? Drive.openDrain(shift >> (7 - bits) & 1) : Drive.RELEASED);
                } else {
                    listener.busEvent(PartAction.I2C_BYTE, shift | 0x200 | (masterAcked ? 0x100 : 0));
                    if (masterAcked) {
                        sendNext();
                    } else {
                        phase = Phase.IDLE; // the master ends the read; a STOP or repeated START follows
                        sda.drive(Drive.RELEASED);
                    }
                }
            }
            case IDLE -> {
            }
        }
    }

    /** Eight bits are in: decide the acknowledge and drive it for the ninth clock. */
    private void byteReceived(int value) {
        boolean ack;
        if (phase == Phase.ADDRESS) {
            if (value >> 1 != address) {
                phase = Phase.IDLE; // not ours: stay off the bus until the next START
                return;
            }
            reading = (value & 1) != 0;
            addressed = true;
            target.start(reading);
            listener.busEvent(PartAction.I2C_START, value);
            ack = true;
        } else {
            ack = target.write(value);
            listener.busEvent(PartAction.I2C_BYTE, value | (ack ? 0x100 : 0));
        }
        ackSlot = true;
        sda.drive(ack ? Drive.OPEN_DRAIN_LOW : Drive.RELEASED);
        if (!ack) {
            phase = Phase.IDLE;
            ackSlot = false;
        }
    }

    /** The ninth clock ended: let SDA go, and for a read put the first data bit on it. */
    private void endAckSlot() {
        ackSlot = false;
        bits = 0;
        shift = 0;
        sda.drive(Drive.RELEASED);
        if (phase == Phase.ADDRESS) {
            if (reading) {
                sendNext();
            } else {
                phase = Phase.WRITE;
            }
        }
    }

    private void sendNext() {
        phase = Phase.READ;
        shift = target.read() & 0xff;
        bits = 0;
        masterAcked = false;
        sda.drive(Drive.openDrain(shift >> 7 & 1));
    }
}
