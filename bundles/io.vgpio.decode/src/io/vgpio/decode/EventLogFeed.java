package io.vgpio.decode;

import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.payload.Level;

/**
 * Feeds a decoder from a device's live {@link EventLog}: each {@link #poll} passes the LEVEL events of its lines
 * appended since the last one, then tells the decoder that time went on to {@code now}, so a UART frame ends even
 * when nothing changes after its stop bit. Times are ns since the log's start. Reads by sequence number outside
 * the log's lock, like every reader of the log; a feed that fell so far behind that the log dropped events it had
 * not read counts them in {@link #missed()} (the decoder then sees the levels jump).
 */
public final class EventLogFeed {
    private final EventLog log;
    private final Decoder decoder;
    private final int[] channelOfLine;
    private final long origin;
    private long nextSeq;
    private long missed;
    private long lastTime;

    /**
     * @param channelLines the device line that feeds each of the decoder's channels, or -1 for none
     * @param levels the decoder's channel levels now (for the lines not given, their idle level)
     * @param fromSeq the first event to decode, usually the log's {@link EventLog#nextSeq()} when decoding starts
     */
    public EventLogFeed(EventLog log, Decoder decoder, int[] channelLines, int[] levels, long fromSeq) {
        this.log = log;
        this.decoder = decoder;
        int maxLine = 0;
        for (int line : channelLines) {
            maxLine = Math.max(maxLine, line);
        }
        this.channelOfLine = new int[maxLine + 1];
        java.util.Arrays.fill(channelOfLine, -1);
        for (int ch = 0; ch < channelLines.length; ch++) {
            if (channelLines[ch] >= 0) {
                channelOfLine[channelLines[ch]] = ch;
            }
        }
        this.origin = log.startNanos();
        this.nextSeq = fromSeq;
        decoder.begin(0, levels);
    }

    /** Decodes what the log got since the last poll; {@code nowNanos} is the log clock's time now. */
    public void poll(long nowNanos) {
        poll(nowNanos, Long.MAX_VALUE);
    }

    /**
     * Decodes at most about {@code maxEvents} of what the log got (a view spreads a long catch-up over several
     * frames), and tells the decoder that time went on to {@code nowNanos} only when it caught up.
     *
     * @return true if it caught up with the log
     */
    public boolean poll(long nowNanos, long maxEvents) {
        long budget = maxEvents;
        while (budget > 0) {
            long from = nextSeq;
            long next = log.read(from, (int) Math.min(4096, budget), this::event);
            if (next == from) {
                decoder.advance(Math.max(lastTime, nowNanos - origin));
                return true;
            }
            nextSeq = next;
            budget -= next - from;
        }
        return false;
    }

    /** Time on the decoder's clock (ns since the log's start) of the last change it was given. */
    public long lastTime() {
        return lastTime;
    }

    private void event(long seq, long timeNanos, EventKind kind, int line, long a, long b) {
        if (seq > nextSeq) {
            missed += seq - nextSeq;
        }
        nextSeq = seq + 1;
        if (kind != EventKind.LEVEL || line < 0 || line >= channelOfLine.length || channelOfLine[line] < 0) {
            return;
        }
        lastTime = Math.max(lastTime, timeNanos - origin);
        decoder.change(lastTime, channelOfLine[line], Level.of(a, b).level() == 0 ? 0 : 1);
    }

    /** Events the log dropped before this feed read them. */
    public long missed() {
        return missed;
    }
}
