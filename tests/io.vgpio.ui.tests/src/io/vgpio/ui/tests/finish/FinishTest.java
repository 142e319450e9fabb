package io.vgpio.ui.tests.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.app.ProductVersion;
import io.vgpio.core.DeviceConfig;
import io.vgpio.ui.FileDialogs;
import io.vgpio.ui.JobNames;
import io.vgpio.ui.schematic.properties.DevicePropertySource;
import io.vgpio.ui.schematic.properties.LinePropertySource;
import io.vgpio.ui.waveform.PngExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees first: About, where file dialogs open, toolbars, property names, the exported PNG. */
class FinishTest {
    /** The Properties view's first column shows about this many characters at its default width. */
    private static final int MAX_PROPERTY_NAME = 12;

    @Test
    @DisplayName("Help > About names the product, its version and build, and says which licence applies")
    void about_text() {
        ProductVersion.publish();
        assertTrue(System.getProperty(ProductVersion.VERSION_PROPERTY).matches("\\d+\\.\\d+\\.\\d+"),
                System.getProperty(ProductVersion.VERSION_PROPERTY));
        assertFalse(System.getProperty(ProductVersion.BUILD_PROPERTY).isBlank());
        String about = null;
        for (IConfigurationElement product : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.core.runtime.products")) {
            if ("io.vgpio.app".equals(product.getContributor().getName())) {
                for (IConfigurationElement p : product.getChildren("property")) {
                    if ("aboutText".equals(p.getAttribute("name"))) {
                        about = p.getAttribute("value"); // translated from plugin.properties
                    }
                }
            }
        }
        assertNotNull(about, "the product has an aboutText");
        assertTrue(about.startsWith("vGPIO Workbench"), about);
        assertTrue(about.contains("Version: {0}") && about.contains("Build: {1}"), about);
        assertTrue(about.contains("Licence:"), about);
    }

    @Test
    @DisplayName("File dialogs start in the last used folder, or home when it is gone: never in the checkout")
    void file_dialog_start_folder(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        assertEquals(home, FileDialogs.startFolder(null, home));
        assertEquals(home, FileDialogs.startFolder(dir.resolve("gone").toString(), home));
        assertEquals(home, FileDialogs.startFolder("relative/path", home));
        assertEquals(dir, FileDialogs.startFolder(dir.toString(), home));
        Path trace = dir.resolve("sub/x.trc");
        Files.createDirectories(trace.getParent());
        FileDialogs.remember(trace);
        assertEquals(trace.getParent(), FileDialogs.startFolder());
    }

    @Test
    @DisplayName("Every toolbar item of every view has an image or a tooltip; no two text-only items sit side by side")
    void toolbars_have_icons_and_tooltips() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        for (String id : new String[] {GpioDebugPerspective.SCHEMATIC, GpioDebugPerspective.WAVEFORM,
                GpioDebugPerspective.TRAFFIC, GpioDebugPerspective.STIMULUS, GpioDebugPerspective.CONSOLE,
                GpioDebugPerspective.HARDWARE}) {
            IViewPart view = page.showView(id);
            var manager = view.getViewSite().getActionBars().getToolBarManager();
            manager.update(true);
            ToolBar bar = ((ToolBarManager) manager).getControl();
            List<String> textOnly = new ArrayList<>();
            boolean lastTextOnly = false;
            for (ToolItem item : bar.getItems()) {
                if ((item.getStyle() & org.eclipse.swt.SWT.SEPARATOR) != 0) {
                    lastTextOnly = false;
                    continue;
                }
                String name = id + " \"" + item.getText() + "\"";
                assertTrue(item.getImage() != null || item.getToolTipText() != null, name + " has neither");
                assertNotNull(item.getToolTipText(), name + " has no tooltip");
                boolean isTextOnly = item.getImage() == null;
                assertFalse(isTextOnly && lastTextOnly, name + " is text-only next to another: " + textOnly);
                // The waveform's toolbar shares the title row with its tabs: words there push it onto a row of its
                // own, and the lanes lose that height.
                assertFalse(isTextOnly && id.equals(GpioDebugPerspective.WAVEFORM), name + " has no icon");
                if (isTextOnly) {
                    textOnly.add(item.getText());
                }
                lastTextOnly = isTextOnly;
            }
        }
    }

    @Test
    @DisplayName("Property names are short enough for the Properties view's column; the detail is the description")
    void property_names_fit() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).build();
        List<IPropertyDescriptor> all = new ArrayList<>(List.of(new LinePropertySource(
                () -> null, 0, line -> null).getPropertyDescriptors()));
        all.addAll(List.of(new DevicePropertySource(config).getPropertyDescriptors()));
        for (IPropertyDescriptor d : all) {
            assertTrue(d.getDisplayName().length() <= MAX_PROPERTY_NAME, "too long: " + d.getDisplayName());
            assertNotNull(d.getDescription(), d.getDisplayName() + " has no description");
        }
    }

    @Test
    @DisplayName("The exported PNG carries a title band with the title and time range above the chart")
    void png_has_a_title() {
        JFreeChart chart = new JFreeChart(new XYPlot());
        ImageData image = PngExport.render(chart, Display.getCurrent(), 400, 200, "vGPIO waveform 0 s to 1 s",
                "window 1 s from 0 s");
        assertEquals(200 + PngExport.TITLE_HEIGHT, image.height);
        int dark = 0;
        for (int y = 0; y < PngExport.TITLE_HEIGHT; y++) {
            for (int x = 0; x < 200; x++) {
                var rgb = image.palette.getRGB(image.getPixel(x, y));
                if (rgb.red + rgb.green + rgb.blue < 300) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 50, "the title band holds text: " + dark + " dark pixels");
    }

    @Test
    @DisplayName("every job name fits the status bar whole: it is never shortened mid-word")
    void job_names_fit_the_status_bar() {
        for (String name : List.of(JobNames.DEMO_GUEST, JobNames.QEMU_GUEST, JobNames.openTrace("session.trc"),
                JobNames.replay("session.trc"))) {
            assertTrue(name.length() <= JobNames.MAX_LENGTH, name);
        }
        assertEquals("Open trace session.trc", JobNames.openTrace("session.trc"));
        assertEquals("Open trace", JobNames.openTrace("a-recording-with-a-very-long-name.trc"));
        assertEquals("Replay", JobNames.replay("a-recording-with-a-very-long-name.trc"));
    }
}
