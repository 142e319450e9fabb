package io.vgpio.core.tests.breakpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vgpio.core.Cause;
import io.vgpio.core.DeviceConfig;
import io.vgpio.core.DriverRule;
import io.vgpio.core.MessageType;
import io.vgpio.core.breakpoint.Action;
import io.vgpio.core.breakpoint.BreakpointSpec;
import io.vgpio.core.breakpoint.BreakpointSpecException;
import io.vgpio.core.breakpoint.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The breakpoint spec grammar of issue 13: every key, its canonical form, and errors that name what is wrong. */
class BreakpointSpecTest {
    @Test
    void every_key_is_read() throws Exception {
        BreakpointSpec s = BreakpointSpec.parse("on=response line=3 type=get-names status=err action=pause-guest"
                + " ignore=4");
        assertEquals(Trigger.RESPONSE, s.on());
        assertEquals("3", s.line());
        assertEquals(MessageType.GET_LINE_NAMES, s.type());
        assertEquals(Boolean.FALSE, s.ok());
        assertEquals(Action.PAUSE_GUEST, s.action());
        assertEquals(4, s.ignore());
        BreakpointSpec level = BreakpointSpec.parse("on=level value=1 cause=hardware");
        assertEquals(1, level.value());
        assertEquals(Cause.HARDWARE, level.cause());
        assertEquals(Action.HOLD, level.action(), "hold is the default");
        assertEquals(DriverRule.IRQ_ON_OUTPUT, BreakpointSpec.parse("on=violation rule=irq-on-output").rule());
        assertNull(BreakpointSpec.parse("on=interrupt line=any").line(), "any is no line at all");
    }

    @ParameterizedTest
    @ValueSource(strings = {"on=request action=hold", "on=request line=3 type=set-value action=hold ignore=2",
        "on=response type=get-value status=ok action=log", "on=level line=RESET LINE value=0 action=hold",
        "on=chain-error action=hold", "on=connect action=pause-guest", "on=disconnect action=log",
        "on=invalid line=0 action=hold", "on=violation rule=UNMASK_BEFORE_ENABLE action=hold"})
    void the_canonical_form_reads_back_to_itself(String text) throws Exception {
        BreakpointSpec s = BreakpointSpec.parse(text);
        assertEquals(text, s.format());
        assertEquals(s, BreakpointSpec.parse(s.format()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "type=get-value | on= is required",
        "on=everything | bad on 'everything'",
        "on=request type=get | bad type 'get'",
        "on=level type=get-value | type= applies to on=request or on=response, not on=level",
        "on=request status=ok | status= applies to on=response",
        "on=response status=maybe | bad status 'maybe'",
        "on=level value=2 | bad value '2'",
        "on=level cause=cat | bad cause 'cat'",
        "on=violation rule=be-nice | bad rule 'be-nice'",
        "on=request action=freeze | bad action 'freeze'",
        "on=request ignore=many | bad ignore 'many'",
        "on=request ignore= | ignore= has no value",
        "on=request when=now | unknown key 'when'",
        "on=request nonsense | 'nonsense' is not key=value",
        "on=request action=log action=hold | action= is given twice"})
    void a_malformed_spec_names_the_bad_key_or_value(String text, String message) {
        BreakpointSpecException e = assertThrows(BreakpointSpecException.class, () -> BreakpointSpec.parse(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void a_line_resolves_by_number_or_name_on_a_device() throws Exception {
        DeviceConfig config = DeviceConfig.builder().lines(4).namesList("A,B,RESET LINE,D").build();
        assertEquals(2, BreakpointSpec.parse("on=level line=RESET LINE").resolveLine(config));
        assertEquals(1, BreakpointSpec.parse("on=level line=1").resolveLine(config));
        assertEquals(-1, BreakpointSpec.parse("on=level").resolveLine(config));
        BreakpointSpecException e = assertThrows(BreakpointSpecException.class,
                () -> BreakpointSpec.parse("on=level line=9").resolveLine(config));
        assertEquals("bad line '9'; lines are 0..3, a line name or any", e.getMessage());
    }
}
