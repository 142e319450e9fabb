package io.vgpio.ui.tests.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.app.GpioDebugPerspective;
import io.vgpio.ui.tests.UiTest;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.forms.widgets.Form;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Help > Getting Started: the cheat sheets a new user or a class walks through, and the commands they run. */
class GettingStartedTest {
    private static final String CHEAT_SHEET_VIEW = "org.eclipse.ui.cheatsheets.views.CheatSheetView";
    private static final String OPEN_CHEAT_SHEET = "org.eclipse.ui.cheatsheets.openCheatSheet";

    @Test
    @DisplayName("the four Getting Started cheat sheets are installed, in their order, each with its content")
    void the_sheets_are_installed() throws Exception {
        Map<String, String> sheets = sheets();
        assertEquals(List.of("1. Attach the test guest", "2. Watch an interrupt travel",
                "3. Record and replay a trace", "4. Bind hardware"), new ArrayList<>(new TreeMap<>(
                        invert(sheets)).keySet()), "the sheets by name");
        for (String id : sheets.keySet()) {
            Document sheet = content(id);
            assertTrue(sheet.getElementsByTagName("item").getLength() >= 3, id + " walks through at least 3 steps");
        }
    }

    @Test
    @DisplayName("every 'click to perform' link of every sheet names a command the workbench has, with a handler")
    void every_step_command_exists() throws Exception {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        int links = 0;
        for (String id : sheets().keySet()) {
            NodeList cmds = content(id).getElementsByTagName("command");
            for (int i = 0; i < cmds.getLength(); i++) {
                String serialization = ((Element) cmds.item(i)).getAttribute("serialization");
                ParameterizedCommand pc = commands.deserialize(serialization); // throws on an unknown id/parameter
                Command c = pc.getCommand();
                assertTrue(c.isDefined(), id + ": " + serialization + " is a defined command");
                assertTrue(c.getHandler() != null, id + ": " + serialization + " has a handler");
                links++;
            }
        }
        assertTrue(links >= 10, "the sheets have " + links + " click-to-perform links");
    }

    @Test
    @DisplayName("Help > Getting Started lists the sheets; choosing one opens it in the Cheat Sheets view")
    void menu_opens_a_sheet() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        MenuManager menu = new MenuManager();
        window.getService(IMenuService.class).populateContributionManager(menu,
                "menu:io.vgpio.help.gettingStartedMenu");
        List<String> labels = new ArrayList<>();
        for (IContributionItem item : menu.getItems()) {
            if (item.getId() != null && item.getId().startsWith("io.vgpio.help.menu.")) {
                labels.add(item.getId());
            }
        }
        assertEquals(List.of("io.vgpio.help.menu.attachGuest", "io.vgpio.help.menu.watchInterrupt",
                "io.vgpio.help.menu.recordReplay", "io.vgpio.help.menu.bindHardware", "io.vgpio.help.menu.all"),
                labels);
        menu.dispose();

        PlatformUI.getWorkbench().showPerspective(GpioDebugPerspective.ID, window);
        window.getShell().setBounds(0, 0, 1280, 800);
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IHandlerService handlers = window.getService(IHandlerService.class);
        handlers.executeCommand(commands.deserialize(OPEN_CHEAT_SHEET + "(cheatSheetId=io.vgpio.help.watchInterrupt)"),
                null);
        IWorkbenchPage page = window.getActivePage();
        UiTest.waitFor("the Cheat Sheets view shows 'Watch an interrupt travel'", () -> {
            IViewPart v = page.findView(CHEAT_SHEET_VIEW);
            return v != null && formTitled(window.getShell(), "Watch an interrupt travel");
        });
        IViewPart view = page.findView(CHEAT_SHEET_VIEW);
        List<String> stack = new ArrayList<>();
        for (IViewPart v : page.getViewStack(view)) {
            stack.add(v.getSite().getId());
        }
        assertTrue(stack.contains(GpioDebugPerspective.STIMULUS),
                "the sheet opens on the right, beside the views it points at: " + stack);
        UiTest.drain();
        UiTest.screenshot(window.getShell(), "getting-started-cheat-sheet.png");

        // A step's link runs its command: the third step's shows the Waveform.
        page.hideView(page.findView("io.vgpio.ui.waveform"));
        handlers.executeCommand(commands.deserialize(
                "org.eclipse.ui.views.showView(org.eclipse.ui.views.showView.viewId=io.vgpio.ui.waveform)"), null);
        assertNotNull(page.findView("io.vgpio.ui.waveform"), "the step's command showed the Waveform");
        page.hideView(view);
    }

    /** The installed sheets of io.vgpio.help: id to name. */
    private static Map<String, String> sheets() {
        Map<String, String> sheets = new TreeMap<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.ui.cheatsheets.cheatSheetContent")) {
            if ("cheatsheet".equals(e.getName()) && "io.vgpio.help".equals(e.getContributor().getName())) {
                sheets.put(e.getAttribute("id"), e.getAttribute("name"));
            }
        }
        return sheets;
    }

    private static Map<String, String> invert(Map<String, String> m) {
        Map<String, String> inverted = new TreeMap<>();
        m.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }

    private static Document content(String id) throws Exception {
        for (IConfigurationElement e : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.ui.cheatsheets.cheatSheetContent")) {
            if (id.equals(e.getAttribute("id"))) {
                Bundle bundle = Platform.getBundle(e.getContributor().getName());
                URL url = bundle.getEntry(e.getAttribute("contentFile"));
                assertNotNull(url, id + ": " + e.getAttribute("contentFile") + " is in the bundle");
                try (InputStream in = url.openStream()) {
                    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                }
            }
        }
        throw new AssertionError("no cheat sheet " + id);
    }

    private static boolean formTitled(Control c, String title) {
        if (c instanceof Form f && title.equals(f.getText())) {
            return true;
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                if (formTitled(child, title)) {
                    return true;
                }
            }
        }
        return false;
    }
}
