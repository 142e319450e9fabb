package io.vgpio.ui.tests.schematic;

import static io.vgpio.ui.tests.UiTest.spinUntil;
import static io.vgpio.ui.tests.schematic.ContextMenus.build;
import static io.vgpio.ui.tests.schematic.ContextMenus.find;
import static io.vgpio.ui.tests.schematic.ContextMenus.submenu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.Event;
import io.vgpio.core.EventKind;
import io.vgpio.core.EventLog;
import io.vgpio.core.parts.Part;
import io.vgpio.core.parts.PartType;
import io.vgpio.core.payload.Level;
import io.vgpio.ui.handlers.PartsInConfig;
import io.vgpio.ui.schematic.figures.ChipFigure;
import io.vgpio.ui.schematic.figures.PartFigure;
import io.vgpio.ui.schematic.parts.PartEditPart;
import io.vgpio.ui.schematic.properties.PartPropertySource;
import io.vgpio.ui.tests.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Simulated parts (issue 14) in the schematic: drawn beside the chip, clicked, added, deleted, edited, saved. */
class SchematicPartsTest {
    private static final Path BOARD = Path.of(System.getProperty("vgpio.repo", "."), "examples", "board.cfg");

    /** The example board, copied so that its EEPROM file stays out of the repository. */
    private static DeviceConfig board() throws Exception {
        Path dir = Files.createTempDirectory("vgpio-board");
        Path copy = dir.resolve("board.cfg");
        Files.copy(BOARD, copy);
        // Deleted in the reverse order of these calls: the files, then their directory.
        dir.toFile().deleteOnExit();
        copy.toFile().deleteOnExit();
        dir.resolve("board-rom.bin").toFile().deleteOnExit();
        return DeviceConfig.load(copy);
    }

    @Test
    @DisplayName("The example board's parts are drawn beside the chip with their names, none overlapping another")
    void board_parts_are_drawn_with_their_names() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            for (String name : List.of("led", "btn", "temp", "rom", "loop")) {
                assertTrue(spinUntil(() -> part(f, name) != null && part(f, name).partFigure().isShowing(), 5000),
                        name + " is drawn");
            }
            f.settle();
            assertEquals("LM75 0x48", part(f, "temp").partFigure().detail());
            List<PartEditPart> parts = parts(f);
            ChipFigure chip = (ChipFigure) f.chipPart().getFigure();
            for (PartEditPart a : parts) {
                var box = a.partFigure().getBounds();
                assertTrue(chip.extent().contains(box), a.schematicPart().name() + " inside the chip's extent");
                for (PartEditPart b : parts) {
                    assertTrue(a == b || !box.intersects(b.partFigure().getBounds()),
                            a.schematicPart().name() + " overlaps " + b.schematicPart().name());
                }
                for (int line = 0; line < 8; line++) {
                    assertFalse(box.intersects(f.line(line).lineFigure().getBounds()),
                            a.schematicPart().name() + " overlaps line " + line);
                }
            }
            var ref = f.page.getReference(f.view);
            f.page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            try {
                UiTest.drain();
                f.view.fit();
                f.settle();
                UiTest.save(UiTest.render((FigureCanvas) f.canvas()), "schematic-board.png");
            } finally {
                f.page.setPartState(ref, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
            }
        }
    }

    @Test
    @DisplayName("Clicking the button part presses it: a LEVEL event with cause PART on BUTTON")
    void clicking_the_button_presses_it() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            assertTrue(spinUntil(() -> part(f, "btn") != null, 5000));
            PartEditPart btn = part(f, "btn");
            EventLog log = f.host.log();
            long from = log.nextSeq();
            f.view.viewer().reveal(btn);
            f.clickOn(btn.partFigure(), 1);
            assertTrue(spinUntil(() -> partLevels(log, from, 1).contains(0L), 5000),
                    "the press pulled BUTTON low with cause PART: " + partLevels(log, from, 1));
            assertTrue(spinUntil(() -> f.host.chip().inputLevel(1) == 1, 5000),
                    "the button is released when the mouse button comes up (momentary)");
            assertEquals(btn, ((org.eclipse.jface.viewers.IStructuredSelection) f.view.viewer().getSelection())
                    .getFirstElement(), "the click selected the part");
        }
    }

    @Test
    @DisplayName("An LED part lights when its line goes to the active level, and goes dark again")
    void led_part_lights_at_its_active_level() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            assertTrue(spinUntil(() -> part(f, "led") != null, 5000));
            PartFigure led = part(f, "led").partFigure();
            f.host.chip().setInput(0, 0, Cause.USER);
            assertTrue(spinUntil(() -> !led.isActive(), 5000), "dark at 0 (active high)");
            f.host.chip().setInput(0, 1, Cause.USER);
            assertTrue(spinUntil(led::isActive, 5000), "lit at 1");
            f.host.chip().setInput(0, 0, Cause.USER);
            assertTrue(spinUntil(() -> !led.isActive(), 5000), "dark again at 0");
        }
    }

    @Test
    @DisplayName("Add Part on a line's menu adds a part to the model and the schematic; Delete Part removes it")
    void add_and_delete_from_the_menu() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            f.view.viewer().select(f.line(6));
            ContextMenuProvider provider = (ContextMenuProvider) f.view.viewer().getContextMenu();
            MenuManager add = submenu(build(provider), "Add Part");
            assertNotNull(add, "an Add Part submenu on a line");
            for (String entry : List.of("LED", "Button", "Switch", "Pull-up", "Pull-down")) {
                assertNotNull(find(add, entry), entry);
            }
            find(add, "Button").run();
            Part added = f.host.parts().get("button1");
            assertEquals(PartType.BUTTON, added.type());
            assertTrue(added.describe().startsWith("line=6 "), added.describe());
            assertTrue(spinUntil(() -> part(f, "button1") != null && part(f, "button1").partFigure().isShowing(),
                    5000), "the new part is drawn");

            f.view.viewer().select(part(f, "button1"));
            IAction delete = find(build(provider), "Delete Part button1");
            assertNotNull(delete, "Delete Part on a part's menu");
            delete.run();
            assertTrue(f.host.parts().list().stream().noneMatch(p -> p.name().equals("button1")), "deleted");
            assertTrue(spinUntil(() -> part(f, "button1") == null, 5000), "its figure is gone");
        }
    }

    @Test
    @DisplayName("The Properties view sets an LM75's temperature and an LED's active level through the model")
    void properties_edit_a_part() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            assertTrue(spinUntil(() -> part(f, "temp") != null && part(f, "led") != null, 5000));
            IPropertySource temp = (IPropertySource) part(f, "temp").getAdapter(IPropertySource.class);
            temp.setPropertyValue(PartPropertySource.STATE + "temp", "30.5");
            assertEquals("30.5", f.host.parts().get("temp").get("temp"));
            assertEquals("30.5", temp.getPropertyValue(PartPropertySource.STATE + "temp"));

            IPropertySource led = (IPropertySource) part(f, "led").getAdapter(IPropertySource.class);
            led.setPropertyValue(PartPropertySource.KEY + "active", 1); // the combo's "low"
            assertEquals("line=0 active=low", f.host.parts().get("led").describe());
            assertTrue(spinUntil(() -> part(f, "led") != null
                    && part(f, "led").partFigure().detail().contains("active low"), 5000), "redrawn as active low");

            IPropertySource btn = (IPropertySource) part(f, "btn").getAdapter(IPropertySource.class);
            btn.setPropertyValue(PartPropertySource.KEY + "bounce", "4:2ms");
            assertTrue(f.host.parts().get("btn").describe().contains("bounce=4:2ms"),
                    f.host.parts().get("btn").describe());

            IPropertySource rom = (IPropertySource) part(f, "rom").getAdapter(IPropertySource.class);
            String row = "00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff";
            rom.setPropertyValue(PartPropertySource.ROW + "0x10", row);
            assertEquals("0xaa", f.host.parts().get("rom").get("byte:0x1a"));
            assertEquals(row, rom.getPropertyValue(PartPropertySource.ROW + "0x10"));
        }
    }

    @Test
    @DisplayName("Saving the device configuration writes its parts as they are now, and they load back")
    void saved_configuration_holds_the_parts() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(board())) {
            f.host.parts().remove("loop");
            f.host.parts().add("lamp", "led line=7 active=low");
            String text = PartsInConfig.with(f.host.config(), f.host.parts()).format();
            assertTrue(text.contains("part.btn = button line=1 pull=up bounce=8:5ms"), text);
            assertTrue(text.contains("part.temp = lm75 sda=2 scl=3 addr=0x48"), text);
            assertTrue(text.contains("part.lamp = led line=7 active=low"), text);
            assertFalse(text.contains("part.loop"), text);
            Path saved = f.dir.resolve("saved.conf");
            Files.writeString(saved, text);
            DeviceConfig back = DeviceConfig.load(saved);
            assertEquals(List.of("led", "btn", "temp", "rom", "lamp"), List.copyOf(back.parts().keySet()));
            Files.delete(saved);
        }
    }

    @Test
    @DisplayName("Two wires driving one line apart show a contention on its part wires")
    void contention_shows_on_the_wire() throws Exception {
        try (SchematicFixture f = SchematicFixture.start(8, "A,B,C")) {
            f.host.chip().setInput(0, 1, Cause.USER);
            f.host.chip().setInput(1, 0, Cause.USER);
            f.host.parts().add("w1", "wire from=0 to=2");
            f.host.parts().add("w2", "wire from=1 to=2");
            ChipFigure chip = (ChipFigure) f.chipPart().getFigure();
            assertTrue(spinUntil(() -> chip.contention().contains(2), 5000), "line 2 in contention");
            f.host.parts().remove("w2");
            assertTrue(spinUntil(() -> chip.contention().isEmpty(), 5000), "no contention once one wire is gone");
        }
    }

    private static List<Long> partLevels(EventLog log, long from, int line) {
        List<Long> levels = new java.util.ArrayList<>();
        for (long s = from; s < log.nextSeq(); s++) {
            Event e = log.get(s);
            if (e != null && e.kind() == EventKind.LEVEL && e.line() == line && Level.of(e).cause() == Cause.PART) {
                levels.add(Level.of(e).level());
            }
        }
        return levels;
    }

    private static List<PartEditPart> parts(SchematicFixture f) {
        return f.chipPart().getChildren().stream().filter(PartEditPart.class::isInstance)
                .map(PartEditPart.class::cast).toList();
    }

    private static PartEditPart part(SchematicFixture f, String name) {
        return parts(f).stream().filter(p -> p.schematicPart().name().equals(name)).findFirst().orElse(null);
    }
}
