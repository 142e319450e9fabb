package io.vgpio.gpiocdev.internal;

/**
 * The Linux GPIO character device uAPI v2 ({@code <linux/gpio.h>}, Linux 5.10+): ioctl numbers, flags, and the
 * byte layout of the structures, checked against the header with {@code sizeof}/{@code offsetof} on x86_64
 * (the layout is the same on every 64-bit and 32-bit ABI: the structures are padded explicitly).
 */
public final class Uapi {
    private Uapi() {
    }

    public static final int NAME_SIZE = 32;
    public static final int LINES_MAX = 64;
    public static final int NUM_ATTRS_MAX = 10;

    public static final long GET_CHIPINFO = 0x8044b401L;
    public static final long GET_LINEINFO = 0xc100b405L;
    public static final long GET_LINE = 0xc250b407L;
    public static final long LINE_SET_CONFIG = 0xc110b40dL;
    public static final long LINE_GET_VALUES = 0xc010b40eL;
    public static final long LINE_SET_VALUES = 0xc010b40fL;

    // enum gpio_v2_line_flag
    public static final long FLAG_USED = 1L << 0;
    public static final long FLAG_ACTIVE_LOW = 1L << 1;
    public static final long FLAG_INPUT = 1L << 2;
    public static final long FLAG_OUTPUT = 1L << 3;
    public static final long FLAG_EDGE_RISING = 1L << 4;
    public static final long FLAG_EDGE_FALLING = 1L << 5;
    public static final long FLAG_OPEN_DRAIN = 1L << 6;
    public static final long FLAG_OPEN_SOURCE = 1L << 7;
    public static final long FLAG_BIAS_PULL_UP = 1L << 8;
    public static final long FLAG_BIAS_PULL_DOWN = 1L << 9;
    public static final long FLAG_BIAS_DISABLED = 1L << 10;
    public static final long FLAG_EVENT_CLOCK_REALTIME = 1L << 11;
    public static final long FLAG_EVENT_CLOCK_HTE = 1L << 12;

    // enum gpio_v2_line_attr_id
    public static final int ATTR_FLAGS = 1;
    public static final int ATTR_OUTPUT_VALUES = 2;
    public static final int ATTR_DEBOUNCE = 3;

    // enum gpio_v2_line_event_id
    public static final int EVENT_RISING = 1;
    public static final int EVENT_FALLING = 2;

    /** struct gpiochip_info: name[32], label[32], u32 lines. */
    public static final int CHIPINFO_SIZE = 68;
    public static final int CHIPINFO_LABEL = 32;
    public static final int CHIPINFO_LINES = 64;

    /** struct gpio_v2_line_attribute: u32 id, u32 padding, u64 flags|values|u32 debounce_period_us. */
    public static final int ATTR_SIZE = 16;
    /** struct gpio_v2_line_config_attribute: attribute, u64 mask. */
    public static final int CONFIG_ATTR_SIZE = 24;

    /** struct gpio_v2_line_info: name[32], consumer[32], u32 offset, u32 num_attrs, u64 flags, attrs[10], pad. */
    public static final int LINEINFO_SIZE = 256;
    public static final int LINEINFO_CONSUMER = 32;
    public static final int LINEINFO_OFFSET = 64;
    public static final int LINEINFO_NUM_ATTRS = 68;
    public static final int LINEINFO_FLAGS = 72;
    public static final int LINEINFO_ATTRS = 80;

    /** struct gpio_v2_line_config: u64 flags, u32 num_attrs, u32 padding[5], config attrs[10]. */
    public static final int CONFIG_SIZE = 272;
    public static final int CONFIG_NUM_ATTRS = 8;
    public static final int CONFIG_ATTRS = 32;

    /** struct gpio_v2_line_request: u32 offsets[64], consumer[32], config, u32 num_lines, event_buffer_size, pad, s32 fd. */
    public static final int REQUEST_SIZE = 592;
    public static final int REQUEST_CONSUMER = 256;
    public static final int REQUEST_CONFIG = 288;
    public static final int REQUEST_NUM_LINES = 560;
    public static final int REQUEST_EVENT_BUFFER_SIZE = 564;
    public static final int REQUEST_FD = 588;

    /** struct gpio_v2_line_values: u64 bits, u64 mask. */
    public static final int VALUES_SIZE = 16;

    /** struct gpio_v2_line_event: u64 timestamp_ns, u32 id, offset, seqno, line_seqno, padding[6]. */
    public static final int EVENT_SIZE = 48;
    public static final int EVENT_ID = 8;
    public static final int EVENT_OFFSET = 12;
    public static final int EVENT_SEQNO = 16;
    public static final int EVENT_LINE_SEQNO = 20;
}
