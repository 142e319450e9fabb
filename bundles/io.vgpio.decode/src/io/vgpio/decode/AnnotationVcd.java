package io.vgpio.decode;

import io.vgpio.trace.VcdString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A decoder's annotations as VCD string variables ({@link VcdString}), one per output lane (UART RX and TX apart),
 * so that GTKWave shows them beside the wires: each annotation's text ({@code address-write_48}, {@code ack}) from
 * its start, and "-" after its end until the next one. A point (START, STOP) keeps its text for a microsecond, the
 * VCD's time step, unless the next annotation comes sooner.
 */
public final class AnnotationVcd {
    /** How long a point annotation shows at least: one step of the VCD's 1 us timescale. */
    static final long POINT_NS = 1_000;

    private AnnotationVcd() {
    }

    /**
     * @param name the variable's name (one per lane: {@code name}, and {@code name_tx} for UART's second lane)
     * @param originNanos added to every annotation's time: the log time of the input's start
     */
    public static List<VcdString> strings(String name, List<Annotation> annotations, long originNanos) {
        List<VcdString> out = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            List<Annotation> mine = new ArrayList<>(annotations.stream().filter(a -> a.lane() == l).toList());
            if (mine.isEmpty()) {
                continue;
            }
            mine.sort(Comparator.comparingLong(Annotation::startNs));
            VcdString s = new VcdString(lane == 0 ? name : name + "_tx");
            long shownUntil = Long.MIN_VALUE;
            for (int i = 0; i < mine.size(); i++) {
                Annotation a = mine.get(i);
                long start = Math.max(a.startNs(), shownUntil);
                s.add(originNanos + start, a.text());
                long clear = Math.max(a.endNs(), a.startNs() + (a.endNs() == a.startNs() ? POINT_NS : 0));
                boolean nextSooner = i + 1 < mine.size() && mine.get(i + 1).startNs() <= clear;
                if (!nextSooner) {
                    s.add(originNanos + Math.max(clear, start), "-");
                }
                shownUntil = start;
            }
            out.add(s);
        }
        return out;
    }
}
