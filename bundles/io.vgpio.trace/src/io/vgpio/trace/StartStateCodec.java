package io.vgpio.trace;

import static io.vgpio.trace.TraceFormat.*;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DeviceState;
import io.vgpio.core.Direction;
import io.vgpio.core.IrqType;
import io.vgpio.core.LineState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The device's state when a recording started, as a version-3 header holds it (docs/trace-format.md):
 *
 * <pre>
 * startState := u8 flags                  bit 0: a frontend was attached
 *               varint acceptedFeatures   the feature bits the driver accepted (0 if none were negotiated)
 *               varint lineCount          the configuration's lines
 *               line[lineCount]           u8 direction (wire), u8 irqType (wire),
 *                                         u8 bits: 1 output value, 2 input level, 4 armed, 8 latched
 *               varint bindingCount
 *               binding[bindingCount]     varint length, UTF-8 text (as the control socket's bindings lists it)
 * </pre>
 *
 * An empty start state (length 0) means that the writer had none (a tool writing events without a device).
 */
final class StartStateCodec {
    private static final int ATTACHED = 1;
    private static final int OUTPUT = 1;
    private static final int INPUT = 2;
    private static final int ARMED = 4;
    private static final int LATCHED = 8;

    private StartStateCodec() {
    }

    /** The bytes of a start state; none for null. */
    static byte[] encode(DeviceState s) {
        if (s == null) {
            return new byte[0];
        }
        List<byte[]> texts = new ArrayList<>();
        int size = 1 + 10 + 10 + 3 * s.lines().size() + 10;
        for (String b : s.bindings()) {
            byte[] t = b.getBytes(StandardCharsets.UTF_8);
            texts.add(t);
            size += 5 + t.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) (s.frontendAttached() ? ATTACHED : 0));
        putVarint(out, s.acceptedFeatures());
        putVarint(out, s.lines().size());
        for (LineState l : s.lines()) {
            out.put((byte) l.direction().wireValue()).put((byte) l.irqType().wireValue());
            out.put((byte) ((l.outputValue() != 0 ? OUTPUT : 0) | (l.inputLevel() != 0 ? INPUT : 0)
                    | (l.armed() ? ARMED : 0) | (l.latched() ? LATCHED : 0)));
        }
        putVarint(out, texts.size());
        for (byte[] t : texts) {
            putVarint(out, t.length);
            out.put(t);
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /**
     * Reads a start state at {@code at}, {@code length} bytes; null for length 0. Anything that does not fit the
     * configuration, or bytes left over, is an error naming the offset.
     */
    static DeviceState decode(String name, byte[] bytes, int at, int length, DeviceConfig config)
            throws TraceFormatException {
        if (length == 0) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, at, length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int flags = in.get() & 0xff;
            if ((flags & ~ATTACHED) != 0) {
                throw error(name, at, "unknown start-state flags 0x" + Integer.toHexString(flags));
            }
            long accepted = getVarint(in, name, at);
            long count = getVarint(in, name, at);
            if (count != config.lines()) {
                throw error(name, at, "the start state has " + Long.toUnsignedString(count)
                        + " lines, the device " + config.lines());
            }
            List<LineState> lines = new ArrayList<>(config.lines());
            for (int i = 0; i < count; i++) {
                lines.add(line(name, in, i, config));
            }
            long bound = getVarint(in, name, at);
            List<String> bindings = new ArrayList<>();
            for (long i = 0; i < bound; i++) {
                bindings.add(text(name, in));
            }
            if (in.hasRemaining()) {
                throw error(name, in.position(), in.remaining() + " bytes follow the start state");
            }
            return new DeviceState(0, 0, lines, flags == ATTACHED, accepted, bindings);
        } catch (BufferUnderflowException e) {
            throw error(name, at, "the start state runs past its length " + length);
        }
    }

    private static LineState line(String name, ByteBuffer in, int line, DeviceConfig config)
            throws TraceFormatException {
        int at = in.position();
        Direction d = Direction.fromWire(in.get() & 0xff);
        IrqType t = IrqType.fromWire(in.get() & 0xff);
        int bits = in.get() & 0xff;
        if (d == null || t == null || (bits & ~(OUTPUT | INPUT | ARMED | LATCHED)) != 0) {
            throw error(name, at, "the start state of line " + line + " is not valid");
        }
        int output = (bits & OUTPUT) != 0 ? 1 : 0;
        int input = (bits & INPUT) != 0 ? 1 : 0;
        return new LineState(line, config.name(line), d, output, input, d == Direction.OUT ? output : input, t,
                (bits & ARMED) != 0, (bits & LATCHED) != 0);
    }

    private static String text(String name, ByteBuffer in) throws TraceFormatException {
        int at = in.position();
        long length = getVarint(in, name, at);
        if (length < 0 || length > in.remaining()) {
            throw error(name, at, "a binding's text runs past the start state");
        }
        ByteBuffer slice = in.slice(in.position(), (int) length);
        in.position(in.position() + (int) length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw error(name, at, "a binding's text is not UTF-8");
        }
    }

    private static TraceFormatException error(String name, long at, String problem) {
        return new TraceFormatException(name, at, problem);
    }
}
