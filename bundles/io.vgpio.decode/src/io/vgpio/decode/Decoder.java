package io.vgpio.decode;

/**
 * A protocol decoder fed with an edge stream: the level of each of its channels at the start, then every change in
 * time order, then the end. It works incrementally (it keeps only the state of the frame in progress), so the same
 * decoder runs over a file or live on the event log, where {@link #advance} tells it that time passed without a
 * change (a UART stop bit is sampled half a bit after the last edge).
 *
 * <p>Channels are numbered by the decoder's own roles (I2C: {@link I2cDecoder#SCL}, {@link I2cDecoder#SDA}); a
 * channel the user did not give is never fed. Changes at the same time form one sample, as in a logic analyser:
 * a decoder sees them together.
 */
public interface Decoder {
    /** The levels (0 or 1, indexed by channel) at {@code timeNs}, before any change. Called once, first. */
    void begin(long timeNs, int[] levels);

    /** {@code channel} changed to {@code level} at {@code timeNs}; times never go backwards. */
    void change(long timeNs, int channel, int level);

    /** Nothing changed before {@code timeNs}: lets timed sample points up to there happen (live decoding). */
    void advance(long timeNs);

    /**
     * The input ends at {@code endNs}: samples before it are decoded, a change at or after it is not (as sigrok
     * takes the last VCD timestamp as the end of the capture). A transaction still open is reported as cut off.
     */
    void end(long endNs);
}
