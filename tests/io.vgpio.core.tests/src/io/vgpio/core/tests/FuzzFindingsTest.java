package io.vgpio.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.ConfigException;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.LineBinding;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What releng/fuzz.sh found in the core bundle's parsers; the reproducers are in tests/fuzz/regressions. */
class FuzzFindingsTest {

    @Test
    @DisplayName("A binding whose chip or line is only a control character is a configuration error, not an IllegalArgumentException")
    void binding_with_a_blank_chip_or_line_is_a_config_error() {
        // U+001D is whitespace to String.isBlank() but not to the \s that splits the binding's words.
        ConfigException e = assertThrows(ConfigException.class,
                () -> DeviceConfig.parse(List.of("bind.1 = out gpiochip0:\u001d open-source"), "f.conf"));
        assertTrue(e.getMessage().startsWith("f.conf:1: 'gpiochip0:") && e.getMessage().contains("is not CHIP:LINE"),
                e.getMessage());
        assertThrows(ConfigException.class, () -> LineBinding.parse(1, "in \u001c:5", "--bind"));
    }

    @Test
    @DisplayName("A binding with a character that strip() drops reads back equal from format()")
    void binding_with_a_strippable_character_round_trips() throws Exception {
        // U+001C ended the line's name; format() wrote it last on its line and the reading strip() dropped it.
        DeviceConfig c = DeviceConfig.parse(List.of("bind.2=in ]:p\u001c debounce=5ms debounce=0ms"), "f.conf").build();
        assertEquals("p", c.binding(2).physical());
        assertEquals(c, DeviceConfig.parse(c.format().lines().toList(), "formatted").build());
    }
}
