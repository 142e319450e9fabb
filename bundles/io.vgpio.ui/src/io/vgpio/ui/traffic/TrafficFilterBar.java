package io.vgpio.ui.traffic;

import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Protocol;
import io.vgpio.core.traffic.TrafficCells;
import io.vgpio.core.traffic.TrafficFilter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The bar above the traffic table: the line, type and status filters (following live is the view's toolbar
 * toggle, the one place for it). The line combo
 * takes a line number, a line's name, or nothing for all lines; a text that names no line turns red, says why in its
 * tool tip and leaves the filter as it was. The bar only reads and sets its controls: what a changed filter does is
 * the view's business.
 */
final class TrafficFilterBar {
    private static final String ALL_LINES = "All lines";
    private static final String LINE_TIP = "A line number or name; empty for all lines";

    private final Combo lineCombo;
    private final Combo typeCombo;
    private final Combo statusCombo;
    private final Color errorFg = new Color(190, 0, 0);
    /** The shown source's configuration, for the line names (null without a source). */
    private DeviceConfig config;

    /**
     * @param filterEdited called when a filter control changed: {@link #filter()} says to what
     */
    TrafficFilterBar(Composite root, Runnable filterEdited) {
        Composite bar = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);

        new Label(bar, SWT.NONE).setText("Line:");
        lineCombo = new Combo(bar, SWT.DROP_DOWN);
        lineCombo.setData(TrafficView.WIDGET_ID, TrafficView.ID_LINE);
        lineCombo.setToolTipText(LINE_TIP);
        GridDataFactory.fillDefaults().hint(130, SWT.DEFAULT).applyTo(lineCombo);
        lineCombo.addListener(SWT.Modify, e -> filterEdited.run());

        new Label(bar, SWT.NONE).setText("Type:");
        typeCombo = new Combo(bar, SWT.DROP_DOWN | SWT.READ_ONLY);
        typeCombo.setData(TrafficView.WIDGET_ID, TrafficView.ID_TYPE);
        for (TrafficFilter.TypeChoice t : TrafficFilter.TYPES) {
            typeCombo.add(t.label());
        }
        typeCombo.select(0);
        typeCombo.setVisibleItemCount(TrafficFilter.TYPES.size());
        typeCombo.addListener(SWT.Selection, e -> filterEdited.run());

        new Label(bar, SWT.NONE).setText("Status:");
        statusCombo = new Combo(bar, SWT.DROP_DOWN | SWT.READ_ONLY);
        statusCombo.setData(TrafficView.WIDGET_ID, TrafficView.ID_STATUS);
        for (TrafficFilter.StatusChoice s : TrafficFilter.StatusChoice.values()) {
            statusCombo.add(s.label());
        }
        statusCombo.select(0);
        statusCombo.addListener(SWT.Selection, e -> filterEdited.run());
    }

    /** Offers the lines of a new source (null: none) in the line combo; the typed text stays. */
    void setLines(DeviceConfig newConfig) {
        config = newConfig;
        String text = lineCombo.getText();
        lineCombo.removeAll();
        lineCombo.add(ALL_LINES);
        int n = config == null ? 0 : Math.min(config.lines(), 256); // beyond that, type the number
        for (int i = 0; i < n; i++) {
            lineCombo.add(TrafficCells.line(i, config));
        }
        lineCombo.setVisibleItemCount(Math.min(20, n + 1));
        lineCombo.setText(text.isEmpty() ? ALL_LINES : text);
    }

    /** The filter the controls describe, or null if the line text names no line (the combo then says so). */
    TrafficFilter filter() {
        int line = parseLine(lineCombo.getText().trim());
        if (line == Integer.MIN_VALUE) {
            lineCombo.setForeground(errorFg);
            lineCombo.setToolTipText("No line \"" + lineCombo.getText().trim()
                    + "\": type a line number (0 to " + Protocol.MAX_LINES + ") or a line's name");
            return null;
        }
        lineCombo.setForeground(null);
        lineCombo.setToolTipText(LINE_TIP);
        return new TrafficFilter(TrafficFilter.TYPES.get(Math.max(0, typeCombo.getSelectionIndex())), line,
                TrafficFilter.StatusChoice.values()[Math.max(0, statusCombo.getSelectionIndex())]);
    }

    /** A line number, a name, "" or "All lines" (all: -1); Integer.MIN_VALUE if it names no line. */
    private int parseLine(String text) {
        if (text.isEmpty() || text.equals(ALL_LINES)) {
            return TrafficFilter.ALL_LINES;
        }
        String first = text.split("\\s+", 2)[0];
        if (first.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(first);
                return n <= Protocol.MAX_LINES ? n : Integer.MIN_VALUE;
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }
        int byName = config == null ? -1 : config.lineIndex(text);
        return byName >= 0 ? byName : Integer.MIN_VALUE;
    }

    /** Filters on one line (as if typed). */
    void showLine(int line) {
        lineCombo.setText(Integer.toString(line));
    }

    /** Clears the line filter (as if erased). */
    void showAllLines() {
        lineCombo.setText("");
    }
}
