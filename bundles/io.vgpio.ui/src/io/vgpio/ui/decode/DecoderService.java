package io.vgpio.ui.decode;

import io.vgpio.decode.Transaction;
import io.vgpio.decode.view.DecoderRun;
import io.vgpio.decode.view.DecoderSpec;
import io.vgpio.ui.source.DataSource;
import io.vgpio.ui.source.TraceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The decoders the user added (on the waveform) and their runs on what the views show. The waveform draws their
 * lanes and the Decoded view lists their transactions, so both read the same runs; the specs are kept in the
 * workbench's preferences (one {@code vgpio decode}-style line each), so they survive closing a view and
 * restarting. Runs are made for the current source on demand and decode incrementally when a view polls. Also
 * the link between the two views: a transaction chosen in the Decoded view moves the waveform's cursors, a cursor
 * placed on the waveform selects the transaction there. UI thread only.
 */
public final class DecoderService {
    private static final String NODE = "io.vgpio.ui";
    private static final String KEY = "waveform.decoders";
    private static final DecoderService INSTANCE = new DecoderService();

    /** A decoder on the current source: its run, or why it cannot run there (a line the source lacks). */
    public record Entry(DecoderSpec spec, DecoderRun run, String problem) {
    }

    /** One transaction of one decoder, on the source's log clock ({@code origin} added). */
    public record Decoded(Entry decoder, Transaction transaction, long origin) {
        public long start() {
            return origin + transaction.startNs();
        }

        public long end() {
            return origin + transaction.endNs();
        }
    }

    /** Hears the link between the views. */
    public interface Link {
        /** A transaction was chosen (the Decoded view). */
        default void transactionChosen(Decoded d) {
        }

        /** The waveform's cursor A was placed at {@code time} (log clock). */
        default void cursorPlaced(long time) {
        }
    }

    private final List<DecoderSpec> specs = new ArrayList<>();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<Runnable> specListeners = new CopyOnWriteArrayList<>();
    private DataSource boundTo;
    private List<Entry> entries = List.of();
    private long version;

    private DecoderService() {
        for (String line : node().get(KEY, "").split("\n")) {
            if (!line.isBlank()) {
                try {
                    specs.add(DecoderSpec.parse(line));
                } catch (IllegalArgumentException ignored) {
                    // a line a newer or older version wrote: skip it rather than lose the others
                }
            }
        }
    }

    public static DecoderService get() {
        return INSTANCE;
    }

    public List<DecoderSpec> specs() {
        return List.copyOf(specs);
    }

    public void add(DecoderSpec spec) {
        specs.add(spec);
        changedSpecs();
    }

    public void remove(DecoderSpec spec) {
        if (specs.remove(spec)) {
            changedSpecs();
        }
    }

    public void removeAll() {
        specs.clear();
        changedSpecs();
    }

    private void changedSpecs() {
        save();
        boundTo = null; // rebuild the runs at the next poll
        for (Runnable r : specListeners) {
            r.run();
        }
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    private void save() {
        List<String> lines = specs.stream().map(DecoderSpec::text).toList();
        node().put(KEY, String.join("\n", lines));
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // kept in memory for this session; the preferences store says why in the log
        }
    }

    /** The specs as stored in the preferences (tests read them back). */
    public static List<String> storedSpecs() {
        return List.of(node().get(KEY, "").split("\n")).stream().filter(s -> !s.isBlank()).toList();
    }

    /** The decoders on {@code source}, made afresh when the source or the specs changed. */
    public List<Entry> entries(DataSource source) {
        if (!java.util.Objects.equals(source, boundTo)) { // a LiveSource is made afresh for each ask, equal to the last
            boundTo = source;
            entries = source == null ? List.of() : bind(source);
            version++;
        }
        return entries;
    }

    private List<Entry> bind(DataSource source) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < source.config().lines(); i++) {
            names.add(source.config().name(i).isEmpty() ? "line" + i : source.config().name(i));
        }
        long end = source instanceof TraceSource t ? t.durationNanos() : -1;
        List<Entry> made = new ArrayList<>();
        for (DecoderSpec s : specs) {
            try {
                made.add(new Entry(s, new DecoderRun(s.check(names), source.log(), end), null));
            } catch (IllegalArgumentException e) {
                made.add(new Entry(s, null, e.getMessage()));
            }
        }
        return List.copyOf(made);
    }

    /**
     * Decodes what the source's log gained since the last poll (any view may call it every frame: a second call
     * finds nothing new).
     *
     * @return true if a decoder found something (or the decoders changed)
     */
    public boolean poll(DataSource source) {
        long before = version;
        boolean found = false;
        for (Entry e : entries(source)) {
            if (e.run() != null) {
                found |= e.run().poll(source.now());
            }
        }
        if (found) {
            version++;
        }
        return found || version != before;
    }

    /** Changes whenever something was decoded or the decoders changed. */
    public long version() {
        return version;
    }

    /** Every transaction of every decoder on the source, in time order. */
    public List<Decoded> transactions(DataSource source) {
        List<Decoded> all = new ArrayList<>();
        long origin = source == null ? 0 : source.log().startNanos();
        for (Entry e : entries(source)) {
            if (e.run() != null) {
                for (Transaction t : e.run().track().transactions()) {
                    all.add(new Decoded(e, t, origin));
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(Decoded::start));
        return all;
    }

    public void addSpecListener(Runnable r) {
        specListeners.add(r);
    }

    public void removeSpecListener(Runnable r) {
        specListeners.remove(r);
    }

    public void addLink(Link l) {
        links.add(l);
    }

    public void removeLink(Link l) {
        links.remove(l);
    }

    public void choose(Decoded d) {
        for (Link l : links) {
            l.transactionChosen(d);
        }
    }

    public void cursorPlaced(long time) {
        for (Link l : links) {
            l.cursorPlaced(time);
        }
    }
}
