package io.vgpio.core.parts;

/**
 * A simulated part attached to the device's lines. Its properties are read and set by name ({@code part get/set});
 * buttons are pressed and encoders turned. Every method is thread-safe.
 */
public interface Part {
    String name();

    PartType type();

    /** Its keys as a spec would give them, in a fixed order: {@code line=3 pull=up}. */
    String describe();

    /** A property's value as text: {@code 23.5}, {@code 0xab}, {@code 1}. */
    String get(String property) throws PartException;

    void set(String property, String value) throws PartException;

    /** Presses a button (or turns a switch on) and lets go after {@code millis}; 0 holds it. */
    default void press(long millis) throws PartException {
        throw new PartException(name() + " is a " + type().word() + "; only a button, a switch or an encoder with sw= is pressed");
    }

    default void release() throws PartException {
        throw new PartException(name() + " is a " + type().word() + "; only a button, a switch or an encoder with sw= is released");
    }

    /** Turns an encoder by detents; negative turns it the other way. */
    default void turn(int steps) throws PartException {
        throw new PartException(name() + " is a " + type().word() + "; only an encoder is turned");
    }

    /** Takes the part off its lines and stops its timers. */
    void close();
}
