package io.vgpio.driver;

import io.vgpio.core.Protocol;
import io.vgpio.vhost.VhostUser;
import io.vgpio.virtio.VirtioConstants;
import java.io.IOException;

/**
 * The vhost-user conversation that attaches the driver, in the order QEMU uses (NOTES.md): the connect sequence
 * (features, protocol features, queue count, owner), then the driver-start sequence (features, memory table, each
 * queue's size, base, addresses, kick, call and enable). A guest reboot repeats the second part.
 */
final class Handshake {
    /** VHOST_USER_PROTOCOL_F_MQ, F_REPLY_ACK and F_CONFIG: what the driver asks of a backend. */
    private static final long PROTOCOL_FEATURES = (1L << 0) | (1L << 3) | (1L << 9);
    private static final int F_CONFIG = 9;
    /** VHOST_USER_F_PROTOCOL_FEATURES, offered in the device's feature bits. */
    private static final int F_PROTOCOL_FEATURES = 30;

    private Handshake() {
    }

    /** The connect sequence; returns the device's feature bits. */
    static long connect(VhostUserFrontend fe) throws IOException {
        long deviceFeatures = fe.getU64(VhostUser.GET_FEATURES);
        long proto = fe.getU64(VhostUser.GET_PROTOCOL_FEATURES);
        if ((proto & (1L << F_CONFIG)) == 0) {
            throw new IOException("backend does not offer VHOST_USER_PROTOCOL_F_CONFIG");
        }
        fe.setU64(VhostUser.SET_PROTOCOL_FEATURES, proto & PROTOCOL_FEATURES);
        long queues = fe.getU64(VhostUser.GET_QUEUE_NUM);
        if (queues < 2) {
            throw new IOException("backend offers " + queues + " queues, virtio-gpio needs 2");
        }
        fe.send(VhostUser.SET_OWNER, 0, null);
        return deviceFeatures;
    }

    /** The feature bits the driver takes if the device offers them. */
    static long wanted(DriverOptions o) {
        long want = (1L << VirtioConstants.F_VERSION_1) | (1L << F_PROTOCOL_FEATURES);
        if (o.eventIdx()) {
            want |= 1L << VirtioConstants.F_EVENT_IDX;
        }
        if (o.indirect()) {
            want |= 1L << VirtioConstants.F_INDIRECT_DESC;
        }
        if (o.acceptIrq()) {
            want |= 1L << Protocol.F_IRQ;
        }
        return want;
    }

    /** The driver-start sequence: features, memory table, then both queues. */
    static void startDriver(VhostUserFrontend fe, GuestRam ram, long features, DriverQueue[] queues, int[] kick,
            int[] call) throws IOException {
        startDriver(fe, ram, features, queues, kick, call, new int[queues.length]);
    }

    /** As QEMU starts the rings again after a VM stop: the same rings, each from the base the backend reported. */
    static void startDriver(VhostUserFrontend fe, GuestRam ram, long features, DriverQueue[] queues, int[] kick,
            int[] call, int[] bases) throws IOException {
        fe.setU64(VhostUser.SET_FEATURES, features);
        long ack = fe.setMemTable(ram, true);
        if (ack != 0) {
            throw new IOException("backend refused SET_MEM_TABLE (status " + ack + ")");
        }
        for (int i = 0; i < queues.length; i++) {
            DriverQueue q = queues[i];
            fe.vringState(VhostUser.SET_VRING_NUM, i, q.size());
            fe.vringState(VhostUser.SET_VRING_BASE, i, bases[i]);
            fe.setVringAddrUva(i, q, ram);
            fe.setU64(VhostUser.SET_VRING_KICK, i, kick[i]);
            fe.setU64(VhostUser.SET_VRING_CALL, i, call[i]);
            if (fe.vringStateAcked(VhostUser.SET_VRING_ENABLE, i, 1) != 0) {
                throw new IOException("backend refused to enable queue " + i);
            }
        }
    }
}
