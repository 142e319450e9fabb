package io.vgpio.decode;

/**
 * Receives what a decoder finds, in the order it finds it (which is sigrok's order: an I2C address comes when its
 * eighth bit has been clocked in, not when its first bit started). Called on the thread that feeds the decoder.
 */
public interface DecodeListener {
    void annotation(Annotation annotation);

    /** A completed transaction; the default ignores it (the annotation view does not need them). */
    default void transaction(Transaction transaction) {
    }
}
