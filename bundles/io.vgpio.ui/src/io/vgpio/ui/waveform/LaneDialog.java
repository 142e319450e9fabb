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

/** Check boxes for the lanes to show. */
final class LaneDialog extends Dialog {
    private final List<Lane> lanes;
    private final Set<String> hidden;
    private CheckboxTableViewer viewer;

    LaneDialog(Shell parent, List<Lane> lanes, Set<String> hidden) {
        super(parent);
        this.lanes = lanes;
        this.hidden = new HashSet<>(hidden);
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
                Lane l = (Lane) o;
                return l.isLine() ? "line " + l.label() : "virtqueue: " + l.label();
            }
        });
        viewer.setInput(lanes);
        for (Lane l : lanes) {
            viewer.setChecked(l, !hidden.contains(l.key()));
        }
        Composite buttons = new Composite(area, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        button(buttons, "All", () -> viewer.setAllChecked(true));
        button(buttons, "None", () -> viewer.setAllChecked(false));
        button(buttons, "Lines only", () -> lanes.forEach(l -> viewer.setChecked(l, l.isLine())));
        return area;
    }

    private static void button(Composite parent, String text, Runnable r) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> r.run());
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
