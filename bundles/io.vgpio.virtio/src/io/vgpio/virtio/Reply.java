package io.vgpio.virtio;

import io.vgpio.core.Protocol;

/**
 * What the device writes back for one requestq message. Most messages get struct virtio_gpio_response (status and
 * one value byte, {@link Protocol#RESPONSE_SIZE}); GET_LINE_NAMES gets the status followed by the names, or the
 * status alone ({@link Protocol#STATUS_SIZE}) when it has none to give.
 *
 * @param status {@link Protocol#STATUS_OK} or {@link Protocol#STATUS_ERR} (another byte only from a fault injected)
 * @param value  the value byte of a two-byte response (0 unless OK)
 * @param body   the bytes after the status of a GET_LINE_NAMES response, or null for a two-byte response
 * @param shortBy bytes left out of the used length (a fault injected: a wrong used length); 0 normally
 */
public record Reply(int status, int value, byte[] body, int shortBy) {
    private static final byte[] NOTHING = new byte[0];
    /** Not an answer: the handler keeps the request and answers it later (see {@link #later()}). */
    private static final Reply LATER = new Reply(-1, 0, null, 0);
    private static final Reply ERROR = new Reply(Protocol.STATUS_ERR, 0, null);
    private static final Reply STATUS_ONLY_ERROR = new Reply(Protocol.STATUS_ERR, 0, NOTHING);
    /** Every OK two-byte reply, made once: answering a request allocates no reply. */
    private static final Reply[] OK = new Reply[256];

    /** A reply whose used length is the whole response. */
    public Reply(int status, int value, byte[] body) {
        this(status, value, body, 0);
    }

    static {
        for (int v = 0; v < OK.length; v++) {
            OK[v] = new Reply(Protocol.STATUS_OK, v, null);
        }
    }

    /** A two-byte response; the value is dropped (sent as 0) unless the status is OK. */
    public static Reply of(int status, int value) {
        if (status == Protocol.STATUS_ERR) {
            return ERROR;
        }
        if (status == Protocol.STATUS_OK && value >= 0 && value < OK.length) {
            return OK[value];
        }
        return new Reply(status, status == Protocol.STATUS_OK ? value : 0, null); // any other status: a fault injected
    }

    /** The two-byte ERR response. */
    public static Reply error() {
        return ERROR;
    }

    /** OK followed by these bytes (GET_LINE_NAMES). */
    public static Reply withBody(byte[] body) {
        return new Reply(Protocol.STATUS_OK, 0, body);
    }

    /** ERR and nothing after it (GET_LINE_NAMES with no names to give, or no room for them). */
    public static Reply statusOnlyError() {
        return STATUS_ONLY_ERROR;
    }

    /**
     * "Not now": a handler returns this to answer the request later, from any thread. The device then gives the
     * handler a {@link ParkedRequest} ({@link RequestHandler#parked}) and goes on with the next request; the guest's
     * request waits in the used ring's absence until {@link ParkedRequest#answer} writes its reply.
     */
    public static Reply later() {
        return LATER;
    }

    /** True for {@link #later()}. */
    public boolean isLater() {
        return this == LATER;
    }

    /** This reply with a used length one byte short (the status is still written). */
    public Reply oneByteShort() {
        return new Reply(status, value, body, 1);
    }

    /** True for a status byte with a body after it, false for a two-byte response. */
    public boolean hasBody() {
        return body != null;
    }

    /** Bytes the response takes: status and value, or status and body. */
    public int size() {
        return body == null ? Protocol.RESPONSE_SIZE : Protocol.STATUS_SIZE + body.length;
    }

    /**
     * Writes the response into the chain's writable buffers, as much of it as they hold.
     *
     * @param scratch {@link Protocol#RESPONSE_SIZE} bytes to fill for a two-byte response, so it allocates nothing
     * @return the bytes written
     */
    int writeTo(DescriptorChain chain, byte[] scratch) {
        byte[] out = scratch;
        if (body != null) {
            out = new byte[size()];
            System.arraycopy(body, 0, out, Protocol.STATUS_SIZE, body.length);
        } else {
            out[1] = (byte) value;
        }
        out[0] = (byte) status;
        int written = chain.write(out, (int) Math.min(size(), chain.writableBytes()));
        return Math.max(0, written - shortBy);
    }
}
