package io.vgpio.ui.tests.schematic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.ui.schematic.actions.ParametersDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parameter dialog of the timed stimuli accepts only what the stimulus scheduler accepts. */
class ParametersDialogTest {

    @Test
    @DisplayName("OK only for positive whole numbers with a period longer than the width")
    void validates_the_pulse_train() {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        ParametersDialog d = new ParametersDialog(shell, "Pulse train", new String[] {"Count", "Period", "Width"},
                new long[] {10, 200_000, 100_000}, v -> v[1] > v[2] ? null : "The period must be longer than the width");
        d.setBlockOnOpen(false);
        d.open();
        try {
            assertTrue(d.isComplete(), "the defaults are fine");
            d.field(2).setText("300000");
            assertFalse(d.isComplete());
            assertEquals("The period must be longer than the width", d.message());
            d.field(2).setText("50000");
            assertTrue(d.isComplete());
            d.field(0).setText("ten");
            assertFalse(d.isComplete());
            assertEquals("Count must be a whole number", d.message());
            d.field(0).setText("0");
            assertFalse(d.isComplete());
            d.field(0).setText("3");
            assertTrue(d.isComplete());
            assertArrayEquals(new long[] {3, 200_000, 50_000}, d.values());
        } finally {
            d.close();
        }
    }
}
