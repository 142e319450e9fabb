package io.vgpio.decode.view;

import io.vgpio.core.DeviceState;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.decode.Decoder;
import io.vgpio.decode.EventLogFeed;

/**
 * One decoder running over one event log, the live device's or an opened trace's, into an
 * {@link AnnotationTrack}. It decodes incrementally: each {@link #poll} passes on only what the log gained since
 * the last one (at most {@link #EVENTS_PER_POLL}, so opening a long trace does not freeze a frame), never the
 * whole log again. A trace's decoder is ended at the trace's end once it has read everything. It reads from the
 * first event the log still holds, starting from the levels of the log's start state (a trace), or the
 * channels' idle levels (the live device, whose ring may have dropped the levels of its beginning).
 */
public final class DecoderRun {
    /** Events decoded per poll at most: a few milliseconds' work. */
    public static final long EVENTS_PER_POLL = 200_000;

    private final DecoderSpec.Binding binding;
    private final AnnotationTrack track = new AnnotationTrack();
    private final EventLogFeed feed;
    private final Decoder decoder;
    private final long endNanos;
    private boolean ended;

    /**
     * @param endNanos a trace's end (ns since its start) where the decoder ends, or -1 for the live device
     */
    public DecoderRun(DecoderSpec.Binding binding, EventLog log, long endNanos) {
        this.binding = binding;
        this.endNanos = endNanos;
        this.decoder = binding.newDecoder(track);
        int[] levels = startLevels(binding, log.startState());
        this.feed = new EventLogFeed(log, decoder, binding.channelLines(), levels, log.firstSeq());
    }

    private static int[] startLevels(DecoderSpec.Binding binding, DeviceState start) {
        int[] levels = binding.idleLevels();
        if (start == null) {
            return levels;
        }
        int[] lines = binding.channelLines();
        for (LineState s : start.lines()) {
            for (int ch = 0; ch < lines.length; ch++) {
                if (lines[ch] == s.line()) {
                    levels[ch] = s.level() == 0 ? 0 : 1;
                }
            }
        }
        return levels;
    }

    /**
     * Decodes what the log gained; {@code nowNanos} is the log clock's now (the live device).
     *
     * @return true if anything new was found
     */
    public boolean poll(long nowNanos) {
        if (ended) {
            return false;
        }
        long before = track.version();
        boolean caughtUp = feed.poll(nowNanos, EVENTS_PER_POLL);
        if (caughtUp && endNanos >= 0) {
            decoder.end(Math.max(endNanos, feed.lastTime() + 1));
            ended = true;
        }
        return track.version() != before;
    }

    /** True once a trace's decoder read it all (never for the live device). */
    public boolean ended() {
        return ended;
    }

    public DecoderSpec.Binding binding() {
        return binding;
    }

    public DecoderSpec spec() {
        return binding.spec();
    }

    public AnnotationTrack track() {
        return track;
    }

    /** Events the live log dropped before this decoder read them. */
    public long missed() {
        return feed.missed();
    }
}
