package io.vgpio.ui.tests.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vgpio.ui.console.ConsoleBuffer;
import io.vgpio.ui.console.TerminalDecoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guest console shows what a terminal would: line editing applied, escape sequences gone. */
class TerminalDecoderTest {
    private final ConsoleBuffer buffer = new ConsoleBuffer(100);
    private final List<String> heard = new ArrayList<>();
    private final TerminalDecoder decoder = new TerminalDecoder(buffer, heard::add);

    @Test
    @DisplayName("CR LF ends a line; the prompt without a newline shows as the partial last line")
    void lines_and_prompt() {
        decoder.feed("VGPIO-GUEST: no /test.sh\r\n\r\n/ # ");
        assertEquals("VGPIO-GUEST: no /test.sh\n\n/ # ", buffer.text());
        assertEquals(List.of("VGPIO-GUEST: no /test.sh", ""), heard);
    }

    @Test
    @DisplayName("A line split over chunks is one line")
    void split_chunks() {
        decoder.feed("gpio");
        decoder.feed("info\r");
        decoder.feed("\n");
        assertEquals(List.of("gpioinfo"), heard);
        assertEquals("gpioinfo", buffer.text());
    }

    @Test
    @DisplayName("Backspace-blank-backspace, erase in line and cursor moves edit the line like a terminal")
    void line_editing() {
        decoder.feed("/ # gpioinfx\b \bo\r\n");
        decoder.feed("abcdef\u001b[3D\u001b[K!\r\n");
        decoder.feed("xyz\rA\u001b[1CZ\r\n");
        assertEquals(List.of("/ # gpioinfo", "abc!", "AyZ"), heard);
    }

    @Test
    @DisplayName("Colours, cursor position queries, titles and charset selections are dropped")
    void escapes_stripped() {
        decoder.feed("\u001b[1;32mgreen\u001b[0m \u001b]0;title\u0007\u001b(Bplain\u001b[6n\r\n");
        assertEquals(List.of("green plain"), heard);
    }

    @Test
    @DisplayName("Finishing ends the partial line")
    void finish() {
        decoder.feed("[   19.36] reboot: Power down");
        decoder.finish();
        assertEquals(List.of("[   19.36] reboot: Power down"), heard);
        assertEquals("[   19.36] reboot: Power down", buffer.text());
    }
}
