package io.vgpio.ui.traffic;

import java.util.function.Consumer;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/**
 * The traffic view's selection for the workbench: an {@link IStructuredSelection} of {@link io.vgpio.core.Event}s.
 * Other views (the waveform) listen to it; one of them may also set it, which selects the events' rows.
 */
final class EventSelectionProvider implements ISelectionProvider {
    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private final Consumer<IStructuredSelection> selectRows;
    private IStructuredSelection selection = StructuredSelection.EMPTY;

    /** @param selectRows selects the rows of a selection set from outside */
    EventSelectionProvider(Consumer<IStructuredSelection> selectRows) {
        this.selectRows = selectRows;
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        return selection;
    }

    @Override
    public void setSelection(ISelection s) {
        IStructuredSelection ss = s instanceof IStructuredSelection st ? st : StructuredSelection.EMPTY;
        selectRows.accept(ss);
    }

    /** The rows' selection changed (by the user or the view): tell the listeners. */
    void publish(IStructuredSelection s) {
        selection = s;
        SelectionChangedEvent event = new SelectionChangedEvent(this, s);
        for (ISelectionChangedListener l : listeners) {
            l.selectionChanged(event);
        }
    }
}
