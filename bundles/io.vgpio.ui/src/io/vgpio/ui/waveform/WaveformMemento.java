package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.WaveformModel;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.ui.IMemento;

/** What the waveform keeps across sessions: the hidden lanes and the window's span. */
final class WaveformMemento {
    private WaveformMemento() {
    }

    static void save(WaveformModel model, IMemento m) {
        m.putString("hidden", String.join(",", model.hiddenKeys()));
        m.putString("span", Long.toString(model.span()));
    }

    /** Restores what {@link #save} kept; a missing or unreadable value keeps the model's default. */
    static void restore(WaveformModel model, IMemento memento) {
        if (memento == null) {
            return;
        }
        String hidden = memento.getString("hidden");
        if (hidden != null && !hidden.isEmpty()) {
            model.setHidden(new HashSet<>(Set.of(hidden.split(","))));
        }
        String span = memento.getString("span");
        if (span != null) {
            try {
                model.setSpan(Long.parseLong(span));
            } catch (NumberFormatException ignored) {
                // keep the default window
            }
        }
    }
}
