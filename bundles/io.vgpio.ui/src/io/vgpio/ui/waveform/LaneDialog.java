package io.vgpio.ui.waveform;

import io.vgpio.core.waveform.Lane;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Check boxes for the lanes to show: chosen one by one, or all, none, the lines, or those with activity. */
final class LaneDialog extends Dialog {
    private final List<Lane> lanes;
    private final Set<String> hidden;
    private final Set<String> active;
    private CheckboxTableViewer viewer;

    /** @param active the keys of the lanes with activity (for "With activity") */
    LaneDialog(Shell parent, List<Lane> lanes, Set<String> hidden, Set<String> active) {
        super(parent);
        this.lanes = lanes;
        this.hidden = new HashSet<>(hidden);
        this.active = Set.copyOf(active);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Waveform Lanes");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new Label(area, SWT.NONE).setText("Lanes to show:");
        viewer = CheckboxTableViewer.newCheckList(area, SWT.BORDER | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 320;
        gd.widthHint = 260;
        viewer.getTable().setLayoutData(gd);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object o) {
                return ((Lane) o).title();
            }
        });
        viewer.setInput(lanes);
        for (Lane l : lanes) {
            viewer.setChecked(l, !hidden.contains(l.key()));
        }
        Composite buttons = new Composite(area, SWT.NONE);
        buttons.setLayout(new GridLayout(4, false));
        button(buttons, "All", () -> viewer.setAllChecked(true));
        button(buttons, "None", () -> viewer.setAllChecked(false));
        button(buttons, "Lines only", () -> lanes.forEach(l -> viewer.setChecked(l, l.isLine())));
        button(buttons, "With activity", () -> lanes.forEach(l -> viewer.setChecked(l, active.contains(l.key()))))
                .setToolTipText("Only the lines that changed level and the traffic that happened in the log");
        return area;
    }

    private static Button button(Composite parent, String text, Runnable r) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> r.run());
        return b;
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == IDialogConstants.OK_ID) {
            hidden.clear();
            for (Lane l : lanes) {
                if (!viewer.getChecked(l)) {
                    hidden.add(l.key());
                }
            }
        }
        super.buttonPressed(id);
    }

    Set<String> hidden() {
        return hidden;
    }
}
