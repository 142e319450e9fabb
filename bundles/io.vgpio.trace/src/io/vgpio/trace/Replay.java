package io.vgpio.trace;

import io.vgpio.core.Cause;
import io.vgpio.core.Chip;
import io.vgpio.core.DeviceState;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.LineState;
import io.vgpio.core.MessageType;
import io.vgpio.core.Stimulus;
import io.vgpio.core.payload.BufferInvalid;
import io.vgpio.core.payload.ConnectionChange;
import io.vgpio.core.payload.EventBuffer;
import io.vgpio.core.payload.EventPayload;
import io.vgpio.core.payload.Interrupt;
import io.vgpio.core.payload.Level;
import io.vgpio.core.payload.Request;
import io.vgpio.core.payload.RuleViolation;
import java.io.PrintStream;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a trace's external stimulus (level changes caused by a user, hardware or an earlier replay) into a live
 * device, and compares what the guest does with what the trace recorded.
 *
 * <p>Stimulus is anchored causally: before applying an input change on line L, the replay waits until the live
 * guest has done on L what the recorded guest had done there by then (e.g. armed gpiomon); with original timing it
 * then keeps the recorded delay after that point, otherwise it applies the change at once. What the guest does is
 * compared per line (different lines may interleave differently from run to run): its requests with their values,
 * eventq buffers, interrupts it received with the level at delivery, outputs it drove, buffers returned INVALID and
 * rule violations. The report names the first divergence and the counts.
 */
public final class Replay {
    /** How to replay. */
    public record Options(boolean originalTiming, long stallTimeoutNanos, long settleNanos) {
        public static Options defaults() {
            return new Options(true, 30_000_000_000L, 2_000_000_000L);
        }
    }

    /** The outcome: whether the guest diverged, the report text, and the timing errors of applied changes. */
    public record Result(boolean diverged, String report, int applied, long[] timingErrorsNanos) {
    }

    /**
     * One thing the guest did on a line: its description, its time in its log, and its stream. Facts of one stream
     * keep their order from run to run; different streams need not (the Linux driver may re-arm the eventq before
     * or after it reads the level on the requestq).
     */
    record Fact(long time, String what, String stream) {
    }

    /** An input change to apply. */
    record Change(long time, int line, int level) {
    }

    private Replay() {
    }

    /** Seq of the first event after the first frontend connection, or 0. */
    static long afterConnection(EventLog log) {
        long[] at = {-1};
        log.read(log.firstSeq(), Integer.MAX_VALUE, (seq, t, kind, line, a, b) -> {
            if (at[0] < 0 && kind == EventKind.CONNECTION && ConnectionChange.of(a, b).connected()) {
                at[0] = seq;
            }
        });
        return at[0];
    }

    static String describe(EventKind kind, long a, long b) {
        return switch (EventPayload.of(kind, a, b)) {
            case Request r -> MessageType.describe(r.type()) + " " + r.value();
            case EventBuffer e -> "eventq buffer";
            case Interrupt i -> "interrupt (level " + i.level() + ")";
            case BufferInvalid i -> "buffer returned INVALID";
            case RuleViolation v -> "violation " + (v.rule() == null ? v.ruleWire() : v.rule().name());
            case Level l -> "output " + l.level();
            default -> kind.name();
        };
    }

    /** The guest's facts per line, from seq on. */
    static Map<Integer, List<Fact>> facts(EventLog log, long fromSeq) {
        Map<Integer, List<Fact>> out = new TreeMap<>();
        facts(log, fromSeq, out);
        return out;
    }

    /**
     * Adds the guest's facts from seq on to {@code out}, and returns the seq after the last event read: the place to
     * go on from, since the log may have grown after the read ended.
     */
    static long facts(EventLog log, long fromSeq, Map<Integer, List<Fact>> out) {
        return log.read(fromSeq, Integer.MAX_VALUE, (seq, t, kind, line, a, b) -> {
            boolean guest = switch (kind) {
                case REQUEST, EVENT_BUFFER, INTERRUPT, BUFFER_INVALID, RULE_VIOLATION -> true;
                case LEVEL -> Level.of(a, b).cause() == Cause.GUEST;
                default -> false;
            };
            if (guest) {
                String stream = switch (kind) {
                    case REQUEST -> "requestq";
                    case EVENT_BUFFER, INTERRUPT, BUFFER_INVALID -> "eventq";
                    case LEVEL -> "outputs";
                    default -> "violations";
                };
                out.computeIfAbsent(line, k -> new ArrayList<>()).add(new Fact(t, describe(kind, a, b), stream));
            }
        });
    }

    /** The external input changes (not caused by the guest) from seq on. */
    static List<Change> stimulus(EventLog log, long fromSeq, long toSeq) {
        List<Change> out = new ArrayList<>();
        log.read(fromSeq, (int) Math.min(Integer.MAX_VALUE, toSeq - fromSeq), (seq, t, kind, line, a, b) -> {
            if (kind == EventKind.LEVEL && Level.of(a, b).cause() != Cause.GUEST) {
                out.add(new Change(t, line, (int) Level.of(a, b).level()));
            }
        });
        return out;
    }

    /**
     * Sets the live chip's inputs to the levels the recorded device had when the recording started (a trace
     * recorded from a running device holds them): a line held high before the recording and never changed during
     * it is high in the replay too.
     *
     * @return the number of lines set high (every other input is set low)
     */
    static int applyStartInputs(TraceReader.Trace trace, Chip live) {
        DeviceState start = trace.startState();
        if (start == null) {
            return 0;
        }
        int high = 0;
        for (LineState s : start.lines()) {
            if (s.line() < live.lineCount()) {
                live.setInput(s.line(), s.inputLevel(), Cause.REPLAY);
                high += s.inputLevel();
            }
        }
        return high;
    }

    /**
     * Replays into a running chip whose guest is about to connect (or already has).
     *
     * @param live the live device's chip (its log receives the guest's facts)
     */
    public static Result run(TraceReader.Trace trace, Chip live, Options o, PrintStream progress)
            throws InterruptedException {
        EventLog recorded = trace.log();
        EventLog liveLog = live.log();
        long traceConn = afterConnection(recorded);
        long traceFrom = Math.max(0, traceConn);
        // Input changes made before the guest attached are its starting conditions: apply them now.
        List<Change> before = stimulus(recorded, 0, traceFrom);
        int initial = applyStartInputs(trace, live);
        for (Change c : before) {
            live.setInput(c.line(), c.level(), Cause.REPLAY);
        }
        List<Change> changes = stimulus(recorded, traceFrom, recorded.nextSeq());
        Map<Integer, List<Fact>> want = facts(recorded, traceFrom);
        if (trace.startState() != null) {
            progress.printf(Locale.ROOT, "replay: inputs set as the recording started: %d high%n", initial);
        }
        progress.printf(Locale.ROOT, "replay: %d input changes before the guest, %d after; %d guest facts on %d lines"
                + " to match%n", before.size(), changes.size(), want.values().stream().mapToInt(List::size).sum(),
                want.size());

        progress.println("replay: waiting for the guest to connect...");
        long liveFrom;
        while ((liveFrom = afterConnection(liveLog)) < 0) {
            Thread.sleep(20);
        }
        long traceConnTime = traceConn >= 0 ? recorded.get(traceConn).timeNanos() : 0;
        long offset = liveLog.get(liveFrom).timeNanos() - traceConnTime;
        progress.println("replay: guest connected; replaying " + (o.originalTiming() ? "with the original timing"
                : "as fast as the guest follows"));

        LiveFacts got = new LiveFacts(liveLog, liveFrom);
        List<Long> errors = new ArrayList<>();
        int applied = 0;
        String stall = null;
        for (Change c : changes) {
            List<Fact> lineWant = want.getOrDefault(c.line(), List.of());
            int k = 0;
            while (k < lineWant.size() && lineWant.get(k).time() < c.time()) {
                k++;
            }
            long deadline = System.nanoTime() + o.stallTimeoutNanos();
            while (got.count(c.line()) < k) {
                if (System.nanoTime() > deadline) {
                    stall = String.format(Locale.ROOT, "waited %.0f s for the guest's '%s' on line %d (fact #%d there),"
                            + " which the recorded guest did before the input change at %.6f s",
                            o.stallTimeoutNanos() / 1e9, lineWant.get(got.count(c.line())).what(), c.line(),
                            got.count(c.line()) + 1, c.time() / 1e9);
                    break;
                }
                Thread.sleep(0, 200_000);
                got.update();
            }
            if (stall != null) {
                break;
            }
            if (k > 0) {
                Fact anchor = got.fact(c.line(), k - 1);
                offset = Math.max(offset, anchor.time() - lineWant.get(k - 1).time());
            }
            long now;
            if (o.originalTiming()) {
                long target = c.time() + offset;
                Stimulus.waitUntil(target);
                now = System.nanoTime();
                errors.add(now - target);
            } else {
                now = System.nanoTime();
            }
            live.setInput(c.line(), c.level(), Cause.REPLAY, now);
            applied++;
        }
        // Let the guest finish what it did after the last change.
        long quietSince = System.nanoTime();
        long lastCount = -1;
        long end = System.nanoTime() + o.stallTimeoutNanos();
        while (stall == null && System.nanoTime() < end) {
            got.update();
            long count = got.total();
            if (count != lastCount) {
                lastCount = count;
                quietSince = System.nanoTime();
            }
            if (got.covers(want) || System.nanoTime() - quietSince > o.settleNanos()) {
                break;
            }
            Thread.sleep(20);
        }
        got.update();
        long[] err = errors.stream().mapToLong(Math::abs).sorted().toArray();
        return compare(want, got.all(), stall, applied, changes.size(), err, o.originalTiming());
    }

    private static Result compare(Map<Integer, List<Fact>> want, Map<Integer, List<Fact>> got, String stall,
            int applied, int total, long[] err, boolean timed) {
        StringBuilder r = new StringBuilder();
        String first = null;
        long firstTime = Long.MAX_VALUE;
        java.util.Set<Integer> lines = new java.util.TreeSet<>(want.keySet());
        lines.addAll(got.keySet());
        Map<String, int[]> counts = new TreeMap<>();
        for (int line : lines) {
            for (Fact f : want.getOrDefault(line, List.of())) {
                counts.computeIfAbsent(kindOf(f.what()), k -> new int[2])[0]++;
            }
            for (Fact f : got.getOrDefault(line, List.of())) {
                counts.computeIfAbsent(kindOf(f.what()), k -> new int[2])[1]++;
            }
            for (String stream : List.of("requestq", "eventq", "outputs", "violations")) {
                List<Fact> w = want.getOrDefault(line, List.of()).stream().filter(f -> f.stream().equals(stream))
                        .toList();
                List<Fact> g = got.getOrDefault(line, List.of()).stream().filter(f -> f.stream().equals(stream))
                        .toList();
                int n = Math.min(w.size(), g.size());
                int i = 0;
                while (i < n && w.get(i).what().equals(g.get(i).what())) {
                    i++;
                }
                if (i < w.size() || i < g.size()) {
                    long t = i < w.size() ? w.get(i).time() : Long.MAX_VALUE - 1;
                    if (t < firstTime) {
                        firstTime = t;
                        String expected = i < w.size() ? "'" + w.get(i).what() + "'" : "nothing more";
                        String actual = i < g.size() ? "'" + g.get(i).what() + "'" : "nothing";
                        first = String.format(Locale.ROOT, "line %s, %s fact #%d%s: the trace has %s, the guest did %s",
                                line < 0 ? "-" : line, stream, i + 1,
                                i < w.size() ? String.format(Locale.ROOT, " (at %.6f s in the trace)", t / 1e9) : "",
                                expected, actual);
                    }
                }
            }
        }
        boolean diverged = first != null || stall != null;
        r.append(diverged ? "DIVERGED" : "no divergence").append('\n');
        if (stall != null) {
            r.append("  stalled: ").append(stall).append('\n');
        }
        if (first != null) {
            r.append("  first divergence: ").append(first).append('\n');
        }
        r.append(String.format(Locale.ROOT, "  input changes applied: %d of %d%n", applied, total));
        r.append("  guest facts (trace / replay):\n");
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            r.append(String.format(Locale.ROOT, "    %-26s %6d / %d%s%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[0] != e.getValue()[1] ? "   <-" : ""));
        }
        if (timed && err.length > 0) {
            r.append(String.format(Locale.ROOT, "  timing of input changes vs the original (after causal anchoring):"
                    + " p50 %.1f us, p99 %.1f us, max %.1f us over %d%n", err[err.length / 2] / 1e3,
                    err[(int) Math.min(err.length - 1, (long) err.length * 99 / 100)] / 1e3, err[err.length - 1] / 1e3,
                    err.length));
        }
        return new Result(diverged, r.toString(), applied, err);
    }

    private static String kindOf(String what) {
        String[] f = what.split(" ");
        return f[0].equals("eventq") || f[0].equals("buffer") ? f[0] + " " + f[1] : f[0];
    }

    /** The live guest's facts, read incrementally from the log. */
    /** The live guest's facts so far, read on from where the last update stopped. */
    static final class LiveFacts {
        private final EventLog log;
        private long next;
        private final Map<Integer, List<Fact>> facts = new HashMap<>();

        LiveFacts(EventLog log, long from) {
            this.log = log;
            this.next = from;
        }

        void update() {
            // Go on from the last event read, not from the log's end now: an event appended after the read ended
            // would be skipped for good, and the replay would wait for a fact the guest had already done.
            next = facts(log, next, facts);
        }

        int count(int line) {
            return facts.getOrDefault(line, List.of()).size();
        }

        Fact fact(int line, int i) {
            return facts.get(line).get(i);
        }

        long total() {
            return facts.values().stream().mapToLong(List::size).sum();
        }

        boolean covers(Map<Integer, List<Fact>> want) {
            for (Map.Entry<Integer, List<Fact>> e : want.entrySet()) {
                if (count(e.getKey()) < e.getValue().size()) {
                    return false;
                }
            }
            return true;
        }

        Map<Integer, List<Fact>> all() {
            return facts;
        }
    }

}
