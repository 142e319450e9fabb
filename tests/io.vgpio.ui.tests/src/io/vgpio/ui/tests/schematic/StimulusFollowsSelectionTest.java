package io.vgpio.ui.tests.schematic;

import static io.vgpio.ui.tests.UiTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Direction;
import io.vgpio.ui.stimulus.StimulusView;
import io.vgpio.ui.tests.UiTest;
import io.vgpio.ui.tests.traffic.ViewTestSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Stimulus view drives the line selected in the schematic, and says why it cannot drive an output. */
class StimulusFollowsSelectionTest {
    @Test
    @DisplayName("Selecting a line in the schematic makes it the Stimulus view's line; an output says why nothing"
            + " can drive it")
    void stimulus_follows_the_schematic_selection() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "LED,BUTTON,,RESET")) {
            StimulusView stimulus = (StimulusView) f.page.showView(StimulusView.ID);
            f.page.activate(f.view); // the workbench passes on the active part's selection
            f.view.viewer().setSelection(new StructuredSelection(f.line(3)));
            waitFor("the Stimulus view drives line 3", () -> stimulus.line() == 3);
            assertNull(stimulus.outputReason(), "line 3 is not an output");
            Button pulse = ViewTestSupport.find(stimulus.getSite().getShell(), StimulusView.WIDGET_ID,
                    StimulusView.ID_PULSE);
            assertTrue(pulse.isEnabled());

            f.host.chip().guestSetDirection(0, Direction.OUT);
            f.page.activate(f.view);
            f.view.viewer().setSelection(new StructuredSelection(f.line(0)));
            waitFor("the Stimulus view drives line 0 and says it is an output", () -> stimulus.line() == 0
                    && stimulus.outputReason() != null);
            assertTrue(stimulus.outputReason().contains("output"), stimulus.outputReason());
            assertFalse(pulse.isEnabled(), "no stimulus on an output");
            UiTest.drain(); // the paints the change queued, so that the screenshot shows it
            UiTest.screenshot(f.page.getWorkbenchWindow().getShell(), "stimulus-output-line.png");

            f.host.chip().guestSetDirection(0, Direction.IN); // the guest turns it around: stimulus works again
            waitFor("an input again", () -> stimulus.outputReason() == null && pulse.isEnabled());
        }
    }
}
