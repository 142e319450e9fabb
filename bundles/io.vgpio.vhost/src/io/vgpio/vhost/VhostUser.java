package io.vgpio.vhost;

/** vhost-user protocol constants (QEMU docs/interop/vhost-user.rst). */
public final class VhostUser {
    private VhostUser() {
    }

    public static final int HEADER_SIZE = 12;
    public static final int VERSION = 0x1;
    public static final int FLAG_REPLY = 0x4;
    public static final int FLAG_NEED_REPLY = 0x8;
    /** Largest payload we accept; the biggest real one is GET_CONFIG (12 + 256). */
    public static final int MAX_PAYLOAD = 4096;
    public static final int MAX_CONFIG = 256;
    public static final int MAX_MEM_REGIONS = 8;
    /** SET_VRING_KICK/CALL/ERR: the payload carries no descriptor. */
    public static final long VRING_NOFD_MASK = 1L << 8;
    public static final int VRING_INDEX_MASK = 0xff;

    /** Feature bit in GET_FEATURES announcing protocol features. */
    public static final int F_PROTOCOL_FEATURES = 30;

    public static final int PROTOCOL_F_MQ = 0;
    public static final int PROTOCOL_F_REPLY_ACK = 3;
    public static final int PROTOCOL_F_CONFIG = 9;

    public static final int GET_FEATURES = 1;
    public static final int SET_FEATURES = 2;
    public static final int SET_OWNER = 3;
    public static final int RESET_OWNER = 4;
    public static final int SET_MEM_TABLE = 5;
    public static final int SET_LOG_BASE = 6;
    public static final int SET_LOG_FD = 7;
    public static final int SET_VRING_NUM = 8;
    public static final int SET_VRING_ADDR = 9;
    public static final int SET_VRING_BASE = 10;
    public static final int GET_VRING_BASE = 11;
    public static final int SET_VRING_KICK = 12;
    public static final int SET_VRING_CALL = 13;
    public static final int SET_VRING_ERR = 14;
    public static final int GET_PROTOCOL_FEATURES = 15;
    public static final int SET_PROTOCOL_FEATURES = 16;
    public static final int GET_QUEUE_NUM = 17;
    public static final int SET_VRING_ENABLE = 18;
    public static final int GET_CONFIG = 24;
    public static final int SET_CONFIG = 25;
    public static final int RESET_DEVICE = 34;

    private static final String[] NAMES = new String[64];

    static {
        NAMES[GET_FEATURES] = "GET_FEATURES";
        NAMES[SET_FEATURES] = "SET_FEATURES";
        NAMES[SET_OWNER] = "SET_OWNER";
        NAMES[RESET_OWNER] = "RESET_OWNER";
        NAMES[SET_MEM_TABLE] = "SET_MEM_TABLE";
        NAMES[SET_LOG_BASE] = "SET_LOG_BASE";
        NAMES[SET_LOG_FD] = "SET_LOG_FD";
        NAMES[SET_VRING_NUM] = "SET_VRING_NUM";
        NAMES[SET_VRING_ADDR] = "SET_VRING_ADDR";
        NAMES[SET_VRING_BASE] = "SET_VRING_BASE";
        NAMES[GET_VRING_BASE] = "GET_VRING_BASE";
        NAMES[SET_VRING_KICK] = "SET_VRING_KICK";
        NAMES[SET_VRING_CALL] = "SET_VRING_CALL";
        NAMES[SET_VRING_ERR] = "SET_VRING_ERR";
        NAMES[GET_PROTOCOL_FEATURES] = "GET_PROTOCOL_FEATURES";
        NAMES[SET_PROTOCOL_FEATURES] = "SET_PROTOCOL_FEATURES";
        NAMES[GET_QUEUE_NUM] = "GET_QUEUE_NUM";
        NAMES[SET_VRING_ENABLE] = "SET_VRING_ENABLE";
        NAMES[19] = "SEND_RARP";
        NAMES[20] = "NET_SET_MTU";
        NAMES[21] = "SET_BACKEND_REQ_FD";
        NAMES[22] = "IOTLB_MSG";
        NAMES[23] = "SET_VRING_ENDIAN";
        NAMES[GET_CONFIG] = "GET_CONFIG";
        NAMES[SET_CONFIG] = "SET_CONFIG";
        NAMES[31] = "GET_INFLIGHT_FD";
        NAMES[32] = "SET_INFLIGHT_FD";
        NAMES[RESET_DEVICE] = "RESET_DEVICE";
        NAMES[36] = "GET_MAX_MEM_SLOTS";
        NAMES[37] = "ADD_MEM_REG";
        NAMES[38] = "REM_MEM_REG";
        NAMES[39] = "SET_STATUS";
        NAMES[40] = "GET_STATUS";
    }

    public static String name(int request) {
        String n = request >= 0 && request < NAMES.length ? NAMES[request] : null;
        return n != null ? n : "UNKNOWN(" + request + ")";
    }
}
