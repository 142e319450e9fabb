package io.vgpio.decode.view;

import io.vgpio.decode.Annotation;
import io.vgpio.decode.AnnotationKind;
import java.util.List;

/**
 * How a decoder lane says things: the texts of an annotation from the longest to the shortest (the lane shows the
 * longest that fits its box, as PulseView does: {@code Address write 48}, {@code A 48 W}, {@code 48}) and one
 * fill colour per group of kinds. The fills are pale, so a decoder lane never reads as a level: the waveform's
 * green and blue mean high and low and nothing else. Plain 0xRRGGBB ints, no toolkit.
 */
public final class AnnotationStyle {
    /** Many annotations in one pixel column: drawn as one grey block, like a burst of edges. */
    public static final int DENSE = 0x9a9a9a;
    public static final int TEXT = 0x202020;
    public static final int OUTLINE = 0x6a6a6a;
    public static final int BIT = 0xf3f3f3;

    /** A group of kinds with one colour, as the legend names it. */
    public record Group(String name, int fill) {
    }

    public static final Group CONDITION = new Group("start/stop", 0xf5c89a);
    public static final Group ADDRESS = new Group("address", 0xf7e27c);
    public static final Group WRITE = new Group("data write / MOSI / RX", 0xd6c8f2);
    public static final Group READ = new Group("data read / MISO / TX", 0xb9e2ec);
    public static final Group ACK = new Group("ACK, bit", 0xdde1e6);
    public static final Group PROBLEM = new Group("NACK, error, break", 0xf3a6a6);

    /** In the legend's order. */
    public static final List<Group> GROUPS = List.of(CONDITION, ADDRESS, WRITE, READ, ACK, PROBLEM);

    private AnnotationStyle() {
    }

    public static Group group(AnnotationKind kind) {
        return switch (kind) {
            case START, REPEAT_START, STOP, RESET, PRESENCE -> CONDITION;
            case ADDRESS_READ, ADDRESS_WRITE -> ADDRESS;
            case DATA_WRITE, MOSI_DATA, RX_DATA, BYTE -> WRITE;
            case DATA_READ, MISO_DATA, TX_DATA -> READ;
            case ACK, BIT -> ACK;
            case NACK, FRAME_ERROR, PARITY_ERROR, BREAK -> PROBLEM;
        };
    }

    public static int fill(AnnotationKind kind) {
        return group(kind).fill();
    }

    /** The texts of an annotation, longest first; the last is the shortest worth showing. */
    public static List<String> texts(AnnotationKind kind, int value, int digits) {
        String v = value == Annotation.NO_VALUE ? "" : pad(Annotation.hex(value), digits);
        return switch (kind) {
            case START -> List.of("Start", "S");
            case REPEAT_START -> List.of("Repeat start", "Sr");
            case STOP -> List.of("Stop", "P");
            case ACK -> List.of("ACK", "A");
            case NACK -> List.of("NACK", "N");
            case ADDRESS_WRITE -> List.of("Address write " + v, "A " + v + " W", v);
            case ADDRESS_READ -> List.of("Address read " + v, "A " + v + " R", v);
            case DATA_WRITE -> List.of("Data write " + v, "D " + v, v);
            case DATA_READ -> List.of("Data read " + v, "D " + v, v);
            case MOSI_DATA -> List.of("MOSI " + v, v);
            case MISO_DATA -> List.of("MISO " + v, v);
            case RX_DATA -> List.of("RX " + v + printable(value), "RX " + v, v);
            case TX_DATA -> List.of("TX " + v + printable(value), "TX " + v, v);
            case FRAME_ERROR -> List.of("Frame error", "FE", "E");
            case PARITY_ERROR -> List.of("Parity error", "PE", "E");
            case BREAK -> List.of("Break", "B");
            case RESET -> List.of("Reset", "R");
            case PRESENCE -> List.of(value == 1 ? "Presence" : "No presence", value == 1 ? "Pr" : "-");
            case BIT -> List.of("Bit " + value, Integer.toString(value));
            case BYTE -> List.of("Byte " + v, v);
        };
    }

    /** How many bits a zoomed-in box splits into, most significant first, or 0 for none (I2C bytes only). */
    public static int bits(AnnotationKind kind) {
        return switch (kind) {
            case DATA_READ, DATA_WRITE -> 8;
            case ADDRESS_READ, ADDRESS_WRITE -> 7; // the address box ends where its R/W bit is sampled
            default -> 0;
        };
    }

    private static String printable(int value) {
        return value >= 0x20 && value < 0x7f ? " '" + (char) value + "'" : "";
    }

    private static String pad(String hex, int digits) {
        return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
    }
}
