package io.vgpio.core.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The JSON reader behind the QMP client: what QEMU sends, and what a broken peer might. */
class QmpJsonTest {
    @Test
    void reads_what_QEMU_sends() throws Exception {
        Object v = QmpJson.parse("{\"return\": {\"status\": \"paused\", \"running\": false, \"n\": -1.5e3,"
                + " \"list\": [1, null, true], \"s\": \"a\\\"b\\u0041\\n\"}}");
        Map<?, ?> r = (Map<?, ?>) ((Map<?, ?>) v).get("return");
        assertEquals("paused", r.get("status"));
        assertEquals(false, r.get("running"));
        assertEquals("-1.5e3", r.get("n"));
        assertEquals(java.util.Arrays.asList("1", null, true), r.get("list"));
        assertEquals("a\"bA\n", r.get("s"));
        assertEquals(List.of(), QmpJson.parse(" [ ] "));
        assertEquals("\"q\\\"\\\\\\u0001\"", QmpJson.quote("q\"\\\u0001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "\"open", "{\"a\": tru}", "{} {}",
        "\"\\x\"", "\"\\u12\"", "{1: 2}", "-"})
    void refuses_anything_else(String text) {
        assertThrows(QmpException.class, () -> QmpJson.parse(text));
    }

    @Test
    void refuses_deep_nesting_without_a_stack_overflow() {
        assertThrows(QmpException.class, () -> QmpJson.parse("[".repeat(100_000)));
    }
}
