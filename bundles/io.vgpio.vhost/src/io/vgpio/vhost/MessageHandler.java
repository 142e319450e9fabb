package io.vgpio.vhost;

import static io.vgpio.vhost.VhostUser.*;

import com.sun.jna.Memory;
import io.vgpio.linux.Descriptors;
import io.vgpio.linux.FdList;
import io.vgpio.linux.NativeException;
import io.vgpio.virtio.VirtioGpioDevice;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * Answers the vhost-user messages of one frontend once {@link Connection} has read them whole: feature
 * negotiation and the configuration space here, queue set-up in {@link Vrings}. Replies go out on the socket.
 */
final class MessageHandler {
    private static final Logger LOG = System.getLogger("io.vgpio.vhost");

    private final int sock;
    private final VirtioGpioDevice device;
    private final Vrings vrings;
    private final Memory payload;
    private final FdList fds;
    private final Memory reply = new Memory(HEADER_SIZE + MAX_PAYLOAD);
    private long protocolFeatures;
    private boolean protocolFeaturesNegotiated;
    private final Set<Integer> unsupportedReported = new HashSet<>();

    /**
     * @param payload where the connection puts each message's payload
     * @param fds where the connection puts the descriptors that came with it; a handler takes those it keeps
     */
    MessageHandler(int sock, VirtioGpioDevice device, Vrings vrings, Memory payload, FdList fds) {
        this.sock = sock;
        this.device = device;
        this.vrings = vrings;
        this.payload = payload;
        this.fds = fds;
    }

    /** Handles one message, then acknowledges it if the frontend asked for that (REPLY_ACK). */
    void handle(int request, int flags, int size) throws NativeException, ProtocolException {
        boolean needReply = (flags & FLAG_NEED_REPLY) != 0;
        int status = dispatch(request, size);
        if (status >= 0 && needReply && (protocolFeatures & (1L << PROTOCOL_F_REPLY_ACK)) != 0) {
            replyU64(request, status);
        }
    }

    private void require(int request, int size, int need) throws ProtocolException {
        if (size < need) {
            throw new ProtocolException(VhostUser.name(request) + " payload is " + size + " bytes, needs " + need);
        }
    }

    /**
     * Handles one message.
     *
     * @return -1 if the message sent its own reply, else the REPLY_ACK status (0 = success)
     */
    private int dispatch(int request, int size) throws NativeException, ProtocolException {
        switch (request) {
            case GET_FEATURES -> {
                replyU64(request, device.deviceFeatures() | (1L << F_PROTOCOL_FEATURES));
                return -1;
            }
            case SET_FEATURES -> {
                require(request, size, 8);
                long f = payload.getLong(0);
                protocolFeaturesNegotiated = (f & (1L << F_PROTOCOL_FEATURES)) != 0;
                device.setDriverFeatures(f);
                return 0;
            }
            case GET_PROTOCOL_FEATURES -> {
                replyU64(request, offeredProtocolFeatures());
                return -1;
            }
            case SET_PROTOCOL_FEATURES -> {
                require(request, size, 8);
                protocolFeatures = payload.getLong(0) & offeredProtocolFeatures();
                return 0;
            }
            case GET_QUEUE_NUM -> {
                replyU64(request, vrings.count());
                return -1;
            }
            case SET_OWNER -> {
                return 0;
            }
            case RESET_OWNER, RESET_DEVICE -> {
                vrings.reset();
                return 0;
            }
            case SET_MEM_TABLE -> {
                return vrings.replaceMemory(MemTableMessage.parse(payload, size, fds));
            }
            case SET_VRING_NUM -> {
                require(request, size, 8);
                return vrings.setNum(vrings.get(payload.getInt(0)), payload.getInt(4));
            }
            case SET_VRING_ADDR -> {
                require(request, size, 40);
                Vring q = vrings.get(payload.getInt(0));
                return vrings.setAddresses(q, payload.getLong(8), payload.getLong(16), payload.getLong(24));
            }
            case SET_VRING_BASE -> {
                require(request, size, 8);
                vrings.get(payload.getInt(0)).base = payload.getInt(4) & 0xffff;
                return 0;
            }
            case GET_VRING_BASE -> {
                require(request, size, 8);
                Vring q = vrings.get(payload.getInt(0));
                int base = vrings.stopForBase(q);
                Memory p = replyBuffer(request, 8);
                p.setInt(HEADER_SIZE, q.index);
                p.setInt(HEADER_SIZE + 4, base);
                send(HEADER_SIZE + 8);
                return -1;
            }
            case SET_VRING_KICK, SET_VRING_CALL, SET_VRING_ERR -> {
                require(request, size, 8);
                return vrings.setDescriptor(request, payload.getLong(0), fds, protocolFeaturesNegotiated);
            }
            case SET_VRING_ENABLE -> {
                require(request, size, 8);
                Vring q = vrings.get(payload.getInt(0));
                return vrings.enable(q, payload.getInt(4) != 0);
            }
            case GET_CONFIG -> {
                require(request, size, 12);
                replyConfig(request);
                return -1;
            }
            default -> {
                // Once per request code and connection: a frontend repeating one must not flood the log.
                if (unsupportedReported.add(request)) {
                    LOG.log(Level.WARNING, "vhost-user {0} is not supported by this device; ignored (said once"
                            + " for this frontend)", VhostUser.name(request));
                }
                return 1;
            }
        }
    }

    /** GET_CONFIG: the bytes asked for of the configuration space (zeros past its end), none if out of bounds. */
    private void replyConfig(int request) throws NativeException {
        int offset = payload.getInt(0);
        int len = payload.getInt(4);
        int cfgFlags = payload.getInt(8);
        if (offset < 0 || len < 0 || len > MAX_CONFIG || offset > MAX_CONFIG - len) {
            LOG.log(Level.WARNING, "GET_CONFIG asks for {0} bytes at offset {1}: answering with none", len, offset);
            len = 0;
        }
        byte[] config = device.configSpace();
        Memory p = replyBuffer(request, 12 + len);
        p.setInt(HEADER_SIZE, offset);
        p.setInt(HEADER_SIZE + 4, len);
        p.setInt(HEADER_SIZE + 8, cfgFlags);
        for (int i = 0; i < len; i++) {
            int at = offset + i;
            p.setByte(HEADER_SIZE + 12 + i, at < config.length ? config[at] : 0);
        }
        send(HEADER_SIZE + 12 + len);
    }

    private long offeredProtocolFeatures() {
        return (1L << PROTOCOL_F_MQ) | (1L << PROTOCOL_F_REPLY_ACK) | (1L << PROTOCOL_F_CONFIG);
    }

    private Memory replyBuffer(int request, int size) {
        reply.setInt(0, request);
        reply.setInt(4, VERSION | FLAG_REPLY);
        reply.setInt(8, size);
        return reply;
    }

    private void replyU64(int request, long value) throws NativeException {
        replyBuffer(request, 8).setLong(HEADER_SIZE, value);
        send(HEADER_SIZE + 8);
    }

    private void send(int len) throws NativeException {
        Descriptors.writeFully(sock, reply, len);
    }
}
